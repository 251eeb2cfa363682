import { matMul, symmetrise } from '../linalg/mat';
import { symEigen, type SymEigen } from '../linalg/sym-eigen';
import type { Minimum, Problem } from '../problems/problem';

/**
 * The component Hessians Hᵢ at a minimum, with the weights pᵢ the theory uses.
 * Diagonal sets (separable problems, or all Hᵢ diagonal) keep only diagonals:
 * then all Hᵢ commute and the exact conditions decouple per coordinate.
 */
export interface HessianSet {
  d: number;
  n: number;
  p: Float64Array;
  diagonal: boolean;
  /**
   * Every Hᵢ = kᵢkᵢᵀ is rank one (a square loss at a global minimum, in the reduced
   * coordinates of reducedHessianSet): then data holds the factors kᵢ, and the
   * theory never forms the n dense d×d matrices (n·d² numbers: 64 MB at n = d = 200).
   */
  rankOne?: boolean;
  /** dense: Hᵢ at offset i·d², row-major; diagonal: diag(Hᵢ) at offset i·d; rankOne: kᵢ at offset i·d. */
  data: Float64Array;
}

interface DiagonalHessians {
  componentHessianDiagonal(i: number, x: Float64Array, out: Float64Array): void;
}

function hasDiagonal(p: Problem): p is Problem & DiagonalHessians {
  return typeof (p as Partial<DiagonalHessians>).componentHessianDiagonal === 'function';
}

/**
 * The Hᵢ at x* (or the problem's documented estimate where the exact ones are
 * degenerate), weighted by pᵢ: uniform for sampling without replacement (Wu),
 * the problem's weights for sampling with replacement (Patel).
 */
export function hessianSet(problem: Problem, minimum: Minimum, weighted: boolean): HessianSet {
  const { dim: d, n } = problem;
  const p = weighted && problem.weights ? Float64Array.from(problem.weights) : new Float64Array(n).fill(1 / n);
  if (hasDiagonal(problem) && !minimum.hessianEstimate) {
    const data = new Float64Array(n * d);
    const row = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      problem.componentHessianDiagonal(i, minimum.x, row);
      data.set(row, i * d);
    }
    return { d, n, p, diagonal: true, data };
  }
  const dense = new Float64Array(n * d * d);
  if (minimum.hessianEstimate) minimum.hessianEstimate.hessians.forEach((h, i) => dense.set(h, i * d * d));
  else {
    const h = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      problem.componentHessian(i, minimum.x, h);
      dense.set(h, i * d * d);
    }
  }
  return toDiagonalIfPossible({ d, n, p, diagonal: false, data: dense });
}

/**
 * Off-diagonal entries at most this fraction of the set's largest entry count as
 * rounding: the disc-averaged Hessians of Patel's circle are multiples of I up to
 * about 10⁻¹⁷ relative, and must get the exact commuting-case Λ and ρ(𝒯).
 */
export const DIAGONAL_TOL = 1e-12;

/** A dense set whose Hᵢ are all diagonal (to DIAGONAL_TOL) becomes a diagonal set (they commute). */
export function toDiagonalIfPossible(set: HessianSet): HessianSet {
  if (set.diagonal || set.rankOne) return set;
  const { d, n, data } = set;
  let scale = 0;
  for (let k = 0; k < data.length; k++) scale = Math.max(scale, Math.abs(data[k]));
  const tol = DIAGONAL_TOL * scale;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) if (r !== c && Math.abs(data[i * d * d + r * d + c]) > tol) return set;
  }
  const diag = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let r = 0; r < d; r++) diag[i * d + r] = data[i * d * d + r * d + r];
  return { ...set, diagonal: true, data: diag };
}

/** Hᵢ as a dense d×d matrix (copies). */
export function denseComponent(set: HessianSet, i: number): Float64Array {
  const { d, data } = set;
  if (set.rankOne) {
    const h = new Float64Array(d * d);
    const o = i * d;
    for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) h[r * d + c] = data[o + r] * data[o + c];
    return h;
  }
  if (!set.diagonal) return data.slice(i * d * d, (i + 1) * d * d);
  const h = new Float64Array(d * d);
  for (let r = 0; r < d; r++) h[r * d + r] = data[i * d + r];
  return h;
}

export interface Moments {
  /** H = Σ pᵢHᵢ (dense d×d). */
  H: Float64Array;
  /** Σ = Σ pᵢHᵢ² − H² (dense d×d): the population covariance of the Hᵢ (docs/theory.md#setting-and-notation). */
  Sigma: Float64Array;
}

export function moments(set: HessianSet): Moments {
  const { d, n, p, data } = set;
  const H = new Float64Array(d * d);
  const Sigma = new Float64Array(d * d);
  if (set.diagonal) {
    for (let r = 0; r < d; r++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += p[i] * data[i * d + r];
      let v = 0;
      for (let i = 0; i < n; i++) v += p[i] * (data[i * d + r] - m) ** 2;
      H[r * d + r] = m;
      Sigma[r * d + r] = v;
    }
    return { H, Sigma };
  }
  if (set.rankOne) {
    // Hᵢ = kᵢkᵢᵀ, Hᵢ² = ‖kᵢ‖² kᵢkᵢᵀ: H = Σ pᵢkᵢkᵢᵀ and Σ = Σ pᵢ‖kᵢ‖² kᵢkᵢᵀ − H²
    // (docs/theory.md#setting-and-notation; Σ pᵢ(Hᵢ − H)² = Σ pᵢHᵢ² − H² since Σ pᵢHᵢ = H), O(n·d² + d³).
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let r = 0; r < d; r++) s += data[i * d + r] * data[i * d + r];
      w[i] = p[i] * s;
    }
    weightedOuterSum(data, d, n, p, H);
    weightedOuterSum(data, d, n, w, Sigma);
    const H2 = matMul(H, H, d, new Float64Array(d * d));
    for (let k = 0; k < d * d; k++) Sigma[k] -= H2[k];
    symmetrise(Sigma, d);
    return { H, Sigma };
  }
  const dd = d * d;
  for (let i = 0; i < n; i++) for (let k = 0; k < dd; k++) H[k] += p[i] * data[i * dd + k];
  // Σ = Σ pᵢ (Hᵢ − H)² computed as centred products: better conditioned than Σ pᵢHᵢ² − H².
  const D = new Float64Array(dd);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < dd; k++) D[k] = data[i * dd + k] - H[k];
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += D[r * d + k] * D[k * d + c];
        Sigma[r * d + c] += p[i] * s;
      }
    }
  }
  return { H, Sigma };
}

/**
 * out ← Σᵢ cᵢ kᵢkᵢᵀ = Fᵀ diag(c) F for the factors kᵢ (rows of the n×d matrix F),
 * in O(n·d²): upper triangle, then mirrored, so out is exactly symmetric.
 */
export function weightedOuterSum(F: Float64Array, d: number, n: number, c: ArrayLike<number>, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    if (ci === 0) continue;
    const o = i * d;
    for (let a = 0; a < d; a++) {
      const v = ci * F[o + a];
      if (v === 0) continue;
      const row = a * d;
      for (let b = a; b < d; b++) out[row + b] += v * F[o + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) out[b * d + a] = out[a * d + b];
  return out;
}

/**
 * out ← Σᵢ pᵢ Hᵢ P Hᵢ for a rank-one set (Hᵢ = kᵢkᵢᵀ, P symmetric):
 * Σᵢ pᵢ kᵢ (kᵢᵀPkᵢ) kᵢᵀ = Fᵀ diag(pᵢ kᵢᵀPkᵢ) F, O(n·d²) instead of O(n·d³).
 */
export function rankOneSandwich(set: HessianSet, P: Float64Array, out: Float64Array, weights: Float64Array): Float64Array {
  const { d, n, p, data } = set;
  for (let i = 0; i < n; i++) {
    // kᵢᵀPkᵢ = 2 Σ_a k_a (P_aa k_a / 2 + Σ_{b>a} P_ab k_b): half the products, P symmetric.
    const o = i * d;
    let s = 0;
    for (let a = 0; a < d; a++) {
      const ka = data[o + a];
      if (ka === 0) continue;
      const row = a * d;
      let t = 0.5 * P[row + a] * ka;
      for (let b = a + 1; b < d; b++) t += P[row + b] * data[o + b];
      s += ka * t;
    }
    weights[i] = 2 * p[i] * s;
  }
  return weightedOuterSum(data, d, n, weights, out);
}

const eigenCache = new WeakMap<Moments, SymEigen>();

/** symEigen(H) of these moments, computed once (ρ(𝒯)'s eigenbasis and Patel's λ's share it). */
export function eigenOfH(m: Moments, d: number): SymEigen {
  let e = eigenCache.get(m);
  if (!e) eigenCache.set(m, (e = symEigen(m.H, d)));
  return e;
}
