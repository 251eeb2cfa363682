import { symEigen } from '../linalg/sym-eigen';

/** A self-adjoint linear operator on vectors of a fixed length (here: symmetric d×d matrices, flattened). */
export interface SelfAdjoint {
  apply(v: Float64Array, out: Float64Array): Float64Array;
}

export interface LanczosResult {
  /** The Ritz value of largest magnitude: max |λ| of the operator when converged. */
  value: number;
  converged: boolean;
  steps: number;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * The eigenvalue of largest magnitude of a self-adjoint operator by Lanczos with full
 * reorthogonalisation, from the start vector `start` (for 𝒯: P = I, inside the cone
 * of positive semidefinite matrices, where Perron–Frobenius puts ρ(𝒯)'s eigenvector).
 * Converged when the Ritz pair's residual β_k·|s_k| is below `tol`·|θ| (or θ holds still). Extreme
 * eigenvalues converge in far fewer steps than power iteration needs when the top
 * two are close (Golub & Van Loan §10.1); used where power iteration stopped short.
 */
export function lanczosExtreme(op: SelfAdjoint, start: Float64Array, maxSteps = 80, tol = 1e-12): LanczosResult {
  const len = start.length;
  const V: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = Float64Array.from(start);
  const n0 = Math.sqrt(dot(v, v));
  if (n0 === 0) return { value: 0, converged: true, steps: 0 };
  for (let i = 0; i < len; i++) v[i] /= n0;
  const w = new Float64Array(len);
  let best = { value: 0, converged: false, steps: 0 };
  let still = 0;
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
    let j = 0;
    for (let i = 1; i < m; i++) if (Math.abs(values[i]) > Math.abs(values[j])) j = i;
    const theta = values[j];
    const residual = b * Math.abs(vectors[(m - 1) * m + j]);
    // Converged when the Ritz pair's residual is small, or, for a cluster of (nearly) equal top
    // eigenvalues where no single Ritz vector settles, when the value has held still for 5 steps.
    if (Math.abs(Math.abs(theta) - best.value) <= tol * Math.abs(theta)) still++;
    else still = 0;
    best = { value: Math.abs(theta), converged: residual <= tol * Math.abs(theta) || still >= 5, steps: m };
    if (best.converged || b <= 1e-300) return { ...best, converged: true };
    beta.push(b);
    v = new Float64Array(len);
    for (let i = 0; i < len; i++) v[i] = w[i] / b;
  }
  return best;
}
