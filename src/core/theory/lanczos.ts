import { symEigen } from '../linalg/sym-eigen';

/** A self-adjoint linear operator on vectors of a fixed length (here: symmetric d×d matrices, flattened). */
export interface SelfAdjoint {
  apply(v: Float64Array, out: Float64Array): Float64Array;
}

export interface LanczosResult {
  /**
   * The largest Ritz value θ. Ritz values lie in [λ_min, λ_max] (Cauchy interlacing), so
   * θ ≤ λ_max up to rounding whether or not the iteration has converged.
   */
  value: number;
  /**
   * ‖Ay − θy‖ for the unit Ritz vector y, i.e. β_k·|s_k| (Golub & Van Loan §10.1.4): some
   * eigenvalue of the operator lies within this distance of θ (Parlett, Thm 4.5.1).
   */
  residual: number;
  /** residual ≤ tol·|θ|. */
  converged: boolean;
  steps: number;
  /** The unit Ritz vector y of θ. */
  vector: Float64Array;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * The largest eigenvalue of a self-adjoint operator by Lanczos with full
 * reorthogonalisation, from the start vector `start` (for 𝒯: P = I, inside the cone
 * of positive semidefinite matrices, where Perron–Frobenius puts ρ(𝒯)'s eigenvector;
 * ρ(𝒯) is then the largest eigenvalue, not only the largest in magnitude).
 * Converged when the Ritz pair's residual is at most `tol`·|θ|; the residual is
 * returned either way, and nothing is declared converged by the value holding
 * still. Extreme eigenvalues converge in far fewer steps than power iteration needs
 * when the top two are close (Golub & Van Loan §10.1).
 */
export function lanczosExtreme(op: SelfAdjoint, start: Float64Array, maxSteps = 80, tol = 1e-12): LanczosResult {
  const len = start.length;
  const V: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = Float64Array.from(start);
  const n0 = Math.sqrt(dot(v, v));
  if (n0 === 0) return { value: 0, residual: 0, converged: true, steps: 0, vector: v };
  for (let i = 0; i < len; i++) v[i] /= n0;
  const w = new Float64Array(len);
  let theta = 0;
  let residual = Infinity;
  let s: Float64Array = Float64Array.of(1);
  for (let k = 0; k < Math.min(maxSteps, len); k++) {
    V.push(v);
    op.apply(v, w);
    const a = dot(w, v);
    alpha.push(a);
    // Full reorthogonalisation, twice (Kahan's "twice is enough"): the Ritz values stay clean.
    for (let pass = 0; pass < 2; pass++)
      for (const u of V) {
        const h = dot(w, u);
        for (let i = 0; i < len; i++) w[i] -= h * u[i];
      }
    const b = Math.sqrt(dot(w, w));
    // The tridiagonal T_k's eigenpairs: the Ritz values, and the last components of their vectors.
    const m = alpha.length;
    const T = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      T[i * m + i] = alpha[i];
      if (i + 1 < m) T[i * m + i + 1] = T[(i + 1) * m + i] = beta[i];
    }
    const { values, vectors } = symEigen(T, m);
    // symEigen sorts descending: column 0 is the largest Ritz value.
    theta = values[0];
    s = new Float64Array(m);
    for (let i = 0; i < m; i++) s[i] = vectors[i * m];
    residual = b * Math.abs(s[m - 1]);
    if (residual <= tol * Math.abs(theta) || b <= 1e-300) break;
    beta.push(b);
    v = new Float64Array(len);
    for (let i = 0; i < len; i++) v[i] = w[i] / b;
  }
  const y = new Float64Array(len);
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    const u = V[k];
    for (let i = 0; i < len; i++) y[i] += c * u[i];
  }
  return { value: theta, residual, converged: residual <= tol * Math.abs(theta), steps: alpha.length, vector: y };
}
