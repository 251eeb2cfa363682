import { frobDot, identity, matMul, symmetrise } from '../linalg/mat';
import { symEigen, symMaxEigenvalue } from '../linalg/sym-eigen';
import { denseComponent, eigenOfH, rankOneSandwich, type HessianSet, type Moments } from './hessian-set';
import { lanczosExtreme } from './lanczos';

/**
 * Wu's Theorem 1 eigenvalue λ_max((I − ηH)² + η²cΣ): ≤ 1 is sufficient for
 * linear stability in any d, exact in 1D or when the Hᵢ commute (docs/theory.md#theorem-1).
 */
export function theorem1Eigenvalue(m: Moments, d: number, eta: number, c: number): number {
  const A = identity(d);
  for (let k = 0; k < d * d; k++) A[k] -= eta * m.H[k];
  const A2 = matMul(A, A, d, new Float64Array(d * d));
  for (let k = 0; k < d * d; k++) A2[k] += eta * eta * c * m.Sigma[k];
  return symMaxEigenvalue(symmetrise(A2, d), d);
}

/**
 * The second-moment operator of linearised SGD (docs/theory.md#the-second-moment-operator):
 *   𝒯(P) = (I−ηH) P (I−ηH) + η²c Σᵢ pᵢ (Hᵢ−H) P (Hᵢ−H).
 * Writes 𝒯(P) into out. Dense sets: `D` holds the centred Hᵢ − H (n·d²), O(n·d³) a call.
 * Rank-one sets (Hᵢ = kᵢkᵢᵀ, square loss at a global minimum): with Σᵢ pᵢHᵢ = H,
 *   Σᵢ pᵢ(Hᵢ−H)P(Hᵢ−H) = Σᵢ pᵢHᵢPHᵢ − HPH, Σᵢ pᵢHᵢPHᵢ = Fᵀ diag(pᵢ kᵢᵀPkᵢ) F,
 * and for symmetric P (every P the theory iterates) with U = HP:
 *   (I−ηH)P(I−ηH) = P − η(U + Uᵀ) + η² UH,
 * so 𝒯(P) = P − η(U + Uᵀ) + (η² − η²c) UH + η²c Fᵀ diag(pᵢ kᵢᵀPkᵢ) F: O(d³ + n·d²) a call.
 */
export class SecondMomentOperator {
  readonly d: number;
  private readonly A: Float64Array;
  private readonly D: Float64Array;
  private readonly p: Float64Array;
  private readonly k: number;
  private readonly t2: Float64Array;
  private readonly t3: Float64Array;
  private readonly set: HessianSet;
  private readonly H: Float64Array;
  private readonly eta: number;
  private readonly w: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    this.set = set;
    this.H = m.H;
    this.eta = eta;
    this.A = identity(d);
    for (let k = 0; k < dd; k++) this.A[k] -= eta * m.H[k];
    this.D = new Float64Array(set.rankOne ? 0 : set.n * dd);
    if (!set.rankOne) {
      for (let i = 0; i < set.n; i++) {
        const Hi = denseComponent(set, i);
        for (let k = 0; k < dd; k++) this.D[i * dd + k] = Hi[k] - m.H[k];
      }
    }
    this.p = set.p;
    this.k = eta * eta * c;
    this.t2 = new Float64Array(dd);
    this.t3 = new Float64Array(dd);
    this.w = new Float64Array(set.n);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    if (this.set.rankOne) return this.applyRankOne(P, out);
    const d = this.d;
    const dd = d * d;
    matMul(this.A, P, d, this.t2);
    matMul(this.t2, this.A, d, out);
    if (this.k !== 0) {
      for (let i = 0; i < this.p.length; i++) {
        const w = this.k * this.p[i];
        if (w === 0) continue;
        const D = this.D.subarray(i * dd, (i + 1) * dd);
        matMul(D, P, d, this.t2);
        matMul(this.t2, D, d, this.t3);
        for (let q = 0; q < dd; q++) out[q] += w * this.t3[q];
      }
    }
    return out;
  }

  /** The rank-one form above; P must be symmetric. */
  private applyRankOne(P: Float64Array, out: Float64Array): Float64Array {
    const d = this.d;
    const eta = this.eta;
    const U = matMul(this.H, P, d, this.t2);
    const UH = matMul(U, this.H, d, this.t3);
    const f = eta * eta - this.k;
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const v = P[a * d + b] - eta * (U[a * d + b] + U[b * d + a]) + f * 0.5 * (UH[a * d + b] + UH[b * d + a]);
        out[a * d + b] = v;
        out[b * d + a] = v;
      }
    }
    if (this.k !== 0) {
      const S = rankOneSandwich(this.set, P, this.t2, this.w);
      for (let q = 0; q < d * d; q++) out[q] += this.k * S[q];
    }
    return out;
  }
}

/**
 * 𝒯 for a rank-one set written in the eigenbasis of H = U diag(h) Uᵀ, for power
 * iteration: P′ = UᵀPU, factors φᵢ = Uᵀkᵢ. There (I−ηH)P(I−ηH) − η²c HPH is an
 * entrywise product, P′_ab ((1−ηh_a)(1−ηh_b) − η²c h_a h_b), and only
 * η²c Σ pᵢ φᵢ(φᵢᵀP′φᵢ)φᵢᵀ costs O(n·d²). U is orthogonal, so from P = I (= UᵀIU) the
 * Frobenius norms, hence power iteration's estimates of ρ, are those of 𝒯 itself.
 */
class EigenbasisRankOneOperator {
  private readonly rotated: HessianSet;
  private readonly g: Float64Array;
  private readonly k: number;
  private readonly S: Float64Array;
  private readonly w: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const { d, n } = set;
    const { values: h, vectors: U } = eigenOfH(m, d);
    const phi = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      for (let r = 0; r < d; r++) {
        const kr = set.data[o + r];
        if (kr === 0) continue;
        const row = r * d;
        for (let a = 0; a < d; a++) phi[o + a] += kr * U[row + a];
      }
    }
    this.rotated = { d, n, p: set.p, diagonal: false, rankOne: true, data: phi };
    this.k = eta * eta * c;
    this.g = new Float64Array(d * d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) this.g[a * d + b] = (1 - eta * h[a]) * (1 - eta * h[b]) - this.k * h[a] * h[b];
    this.S = new Float64Array(d * d);
    this.w = new Float64Array(n);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    const g = this.g;
    for (let q = 0; q < g.length; q++) out[q] = g[q] * P[q];
    if (this.k !== 0) {
      const S = rankOneSandwich(this.rotated, P, this.S, this.w);
      for (let q = 0; q < g.length; q++) out[q] += this.k * S[q];
    }
    return out;
  }
}

export interface SpectralRadius {
  value: number;
  method: string;
}

/** Dimension up to which 𝒯 is written as a matrix on symmetric d×d matrices and solved exactly. */
const DENSE_LIMIT_D = 12;

/**
 * ρ(𝒯), the exact mean-square stability criterion (stable iff ρ ≤ 1) and the
 * asymptotic per-step growth factor of E‖x_t‖².
 * - Commuting (diagonal) Hᵢ: 𝒯 decouples, ρ = maxⱼ (1 − ηh̄ⱼ)² + η²c Var(hⱼ) (off-diagonal
 *   entries grow by at most the geometric mean of two of these, by Cauchy–Schwarz).
 * - d ≤ 12: 𝒯 is self-adjoint for the Frobenius product, so in the orthonormal basis
 *   {eⱼeⱼᵀ, (eⱼeₖᵀ + eₖeⱼᵀ)/√2} it is a symmetric m×m matrix (m = d(d+1)/2): Jacobi.
 * - larger d: power iteration from P = I; for a self-adjoint operator ‖𝒯P_k‖ (‖P_k‖ = 1)
 *   increases monotonically to ρ.
 */
export function spectralRadius(set: HessianSet, m: Moments, eta: number, c: number): SpectralRadius {
  const d = set.d;
  if (set.diagonal) {
    let best = 0;
    for (let r = 0; r < d; r++) {
      const a = 1 - eta * m.H[r * d + r];
      best = Math.max(best, a * a + eta * eta * c * m.Sigma[r * d + r]);
    }
    return { value: best, method: 'closed form (commuting Hᵢ)' };
  }
  const op = new SecondMomentOperator(set, m, eta, c);
  if (d <= DENSE_LIMIT_D) return { value: denseRadius(op, d), method: 'dense eigen-solve' };
  // Bound the work (≈ 2n·d³ per application of the dense 𝒯) so a large problem cannot freeze
  // the page. The same count for rank-one sets, whose 𝒯 is far cheaper: the same iterates.
  const maxIterations = Math.max(50, Math.min(20000, Math.floor(4e8 / (2 * set.n * d * d * d))));
  const start = identity(d); // P = I: in the cone of PSD matrices, where ρ(𝒯)'s eigenvector lies
  if (set.rankOne) {
    // Wu–Wang–Su's models at n ≈ 100–200: the top eigenvalues of 𝒯 are close and power iteration
    // stops at its cap short of ρ; Lanczos converges in tens of cheap steps (lanczos.ts).
    const l = lanczosExtreme(new EigenbasisRankOneOperator(set, m, eta, c), start);
    return { value: l.value, method: l.converged ? `Lanczos (${l.steps} steps)` : `Lanczos (stopped after ${l.steps} steps, not converged; a lower bound)` };
  }
  const r = powerRadius(op, d, maxIterations);
  if (r.converged) return { value: r.value, method: 'power iteration' };
  const l = lanczosExtreme(op, start);
  if (l.converged) return { value: l.value, method: `Lanczos (${l.steps} steps, after ${maxIterations} of power iteration did not converge)` };
  return { value: Math.max(r.value, l.value), method: `power iteration and Lanczos (not converged; a lower bound)` };
}

function basisMatrix(d: number, j: number, k: number, out: Float64Array): Float64Array {
  out.fill(0);
  if (j === k) out[j * d + j] = 1;
  else {
    out[j * d + k] = Math.SQRT1_2;
    out[k * d + j] = Math.SQRT1_2;
  }
  return out;
}

function denseRadius(op: SecondMomentOperator, d: number): number {
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < d; j++) for (let k = j; k < d; k++) pairs.push([j, k]);
  const m = pairs.length;
  const T = new Float64Array(m * m);
  const E = new Float64Array(d * d);
  const F = new Float64Array(d * d);
  const TE = new Float64Array(d * d);
  for (let b = 0; b < m; b++) {
    op.apply(basisMatrix(d, pairs[b][0], pairs[b][1], E), TE);
    for (let a = 0; a < m; a++) T[a * m + b] = frobDot(basisMatrix(d, pairs[a][0], pairs[a][1], F), TE);
  }
  symmetrise(T, m);
  const { values } = symEigen(T, m);
  return Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
}

function powerRadius(op: { apply(P: Float64Array, out: Float64Array): Float64Array }, d: number, maxIterations: number): { value: number; converged: boolean } {
  let P: Float64Array = identity(d);
  let nrm = Math.sqrt(frobDot(P, P));
  for (let q = 0; q < P.length; q++) P[q] /= nrm;
  let next: Float64Array = new Float64Array(d * d);
  let prev = 0;
  for (let it = 0; it < maxIterations; it++) {
    op.apply(P, next);
    nrm = Math.sqrt(frobDot(next, next));
    if (nrm === 0) return { value: 0, converged: true };
    for (let q = 0; q < next.length; q++) next[q] /= nrm;
    [P, next] = [next, P];
    if (it > 10 && Math.abs(nrm - prev) <= 1e-15 * nrm) return { value: nrm, converged: true };
    prev = nrm;
  }
  return { value: prev, converged: false };
}
