import type { Minimum, Problem } from '../problems/problem';
import type { HessianSet } from './hessian-set';
import type { SecondMomentOperator } from './second-moment';

export interface NoiseFloor {
  /** √tr Σ_g: the size of the gradient noise at x*, Σ_g = Σ pᵢ∇fᵢ∇fᵢᵀ − ∇f∇fᵀ. */
  gradientNoise: number;
  /**
   * √tr P of the stationary second moment of linearised SGD with that noise,
   * P = 𝒯(P) + η²c Σ_g (the Hessian–gradient correlation of a batch is neglected);
   * null when ρ(𝒯) ≥ 1 (the spread grows without bound).
   */
  spread: number | null;
  /**
   * False when the fixed-point iteration for P stopped at its cap before the last
   * change fell below 10⁻¹⁴ of P: `spread` is then an underestimate still moving
   * (closed forms and the diverging case are always converged).
   */
  converged: boolean;
  /** Iterations of P ← 𝒯(P) + η²cΣ_g used (0 for the closed forms). */
  iterations: number;
}

/** The cap on the fixed-point iterations (each costs one application of 𝒯). */
export const NOISE_FLOOR_MAX_ITER = 100_000;

/**
 * For an inhomogeneous minimum (∇fᵢ(x*) ≠ 0): SGD does not converge to x* but hovers
 * around it (docs/theory.md#the-noise-floor-of-an-inhomogeneous-minimum); the size of that noise floor
 * replaces "converges".
 */
export function noiseFloor(
  problem: Problem,
  minimum: Minimum,
  set: HessianSet,
  op: SecondMomentOperator | null,
  rho: number,
  eta: number,
  c: number,
  maxIter = NOISE_FLOOR_MAX_ITER,
): NoiseFloor {
  const { dim: d, n } = problem;
  const g = new Float64Array(d);
  const mean = new Float64Array(d);
  const S = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    problem.componentGradient(i, minimum.x, g);
    const w = set.p[i];
    for (let r = 0; r < d; r++) {
      mean[r] += w * g[r];
      for (let q = 0; q < d; q++) S[r * d + q] += w * g[r] * g[q];
    }
  }
  for (let r = 0; r < d; r++) for (let q = 0; q < d; q++) S[r * d + q] -= mean[r] * mean[q];
  let tr = 0;
  for (let r = 0; r < d; r++) tr += S[r * d + r];
  const gradientNoise = Math.sqrt(Math.max(0, tr));
  if (!(rho < 1) || c === 0) return { gradientNoise, spread: c === 0 ? 0 : null, converged: true, iterations: 0 };
  const k = eta * eta * c;
  if (set.diagonal) {
    // Per coordinate: P_jj = η²c Σ_g,jj / (1 − (1 − ηh̄ⱼ)² − η²c Var hⱼ).
    let total = 0;
    for (let r = 0; r < d; r++) {
      let hm = 0;
      for (let i = 0; i < n; i++) hm += set.p[i] * set.data[i * d + r];
      let hv = 0;
      for (let i = 0; i < n; i++) hv += set.p[i] * (set.data[i * d + r] - hm) ** 2;
      const f = (1 - eta * hm) ** 2 + k * hv;
      total += (k * S[r * d + r]) / (1 - f);
    }
    return { gradientNoise, spread: Math.sqrt(total), converged: true, iterations: 0 };
  }
  if (!op) return { gradientNoise, spread: null, converged: true, iterations: 0 };
  let P: Float64Array = new Float64Array(d * d);
  let next: Float64Array = new Float64Array(d * d);
  let converged = false;
  let it = 0;
  while (it < maxIter) {
    it++;
    op.apply(P, next);
    for (let q = 0; q < d * d; q++) next[q] += k * S[q];
    let diff = 0;
    let size = 0;
    for (let q = 0; q < d * d; q++) {
      diff = Math.max(diff, Math.abs(next[q] - P[q]));
      size = Math.max(size, Math.abs(next[q]));
    }
    [P, next] = [next, P];
    if (diff <= 1e-14 * size) {
      converged = true;
      break;
    }
  }
  let trP = 0;
  for (let r = 0; r < d; r++) trP += P[r * d + r];
  return { gradientNoise, spread: Math.sqrt(Math.max(0, trP)), converged, iterations: it };
}
