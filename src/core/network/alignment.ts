import { batchFactor, type Sampling } from '../batch-factor';
import { symEigen, symEigenvalues } from '../linalg/sym-eigen';
import { gram } from '../problems/square-loss';
import type { MlpProblem } from './mlp-problem';

/**
 * The most Jacobian rows n·k (samples × outputs) whose Gram matrix is formed: it costs
 * O((nk)²p) time and (nk)² numbers (about 0.5 s and 2 MB at the default 50 × 10 rows).
 */
export const ALIGNMENT_MAX_ROWS = 1000;

/**
 * Wu–Wang–Su's quantities at a network's point θ (docs/theory.md#wu-wang-sus-quantities-at-a-networks-minimum),
 * their equation (3) written for k outputs: Lᵢ = ½‖f(xᵢ) − yᵢ‖², rᵢ = f(xᵢ) − yᵢ ∈ ℝᵏ,
 * Jᵢ = ∂f(xᵢ)/∂θ (k × p), G = (1/n) Σ JᵢᵀJᵢ, Σ = (1/n) Σ ∇Lᵢ∇Lᵢᵀ − ∇L∇Lᵀ with ∇Lᵢ = Jᵢᵀrᵢ.
 * Computed, not estimated: closed forms in the Gram matrix K = JJᵀ of all nk output
 * gradients, exact up to rounding.
 */
export interface NetworkAlignment {
  /**
   * ‖G‖_F of the Gauss–Newton matrix G. At zero loss G = H, and ‖G‖_F is the ‖H(θ*)‖_F of
   * Wu–Wang–Su's Theorem 3.3; at a trained point (L < 1e-4) H − G is the residual term
   * (1/n) Σ rᵢ,c ∇²f_c(xᵢ), small but not zero, so ‖G‖_F stands in for ‖H‖_F there.
   */
  frobeniusG: number;
  /** Tr(G) = Tr(K)/n. */
  traceG: number;
  /** The alignment factor μ = Tr(ΣG)/(2L‖G‖²_F) (Wu–Wang–Su eq. 3). */
  mu: number;
  /** μ₁ = Tr(Σ₁G)/(2L‖G‖²_F), Σ₁ = (1/n) Σ ∇Lᵢ∇Lᵢᵀ (so μ = μ₁ − Tr(∇L∇LᵀG)/(2L‖G‖²_F)). */
  mu1: number;
  /**
   * μ₀: the smallest alignment of linearised SGD's noise over all directions, with this point taken as
   * the zero-loss minimum (residuals r = Jδ): λ_min of blockdiag((K²)ᵢᵢ)/n − K²/n² on the range of K,
   * over ‖G‖²_F (Wu–Wang–Su's Theorem 3.3, written for k outputs); null when not positive.
   */
  mu0: number | null;
}

/** Why a point's alignment was not computed, in words. */
export interface AlignmentSkipped {
  skipped: string;
}

/**
 * With K = JJᵀ (rows (i, c)), r the nk residuals and Kᵢ the k columns of K of sample i:
 *   ‖G‖²_F = tr(K²)/n², Tr(Σ₁G) = (1/n²) Σᵢ ‖Kᵢrᵢ‖², Tr(∇L∇LᵀG) = ‖Kr‖²/n³, 2L = ‖r‖²/n.
 * (For k = 1 these are src/core/theory/alignment.ts's scalar formulas.)
 */
export function networkAlignment(problem: MlpProblem, theta: Float64Array): NetworkAlignment | AlignmentSkipped {
  const { n, dim: p } = problem;
  const k = problem.net.sizes[problem.net.layers];
  const m = n * k;
  if (m > ALIGNMENT_MAX_ROWS) return { skipped: `not computed: n·k = ${n}·${k} = ${m} output gradients, more than ${ALIGNMENT_MAX_ROWS} (the Gram matrix costs O((nk)²p))` };
  const { inputs, labels } = problem.spec.data;
  const J = new Float64Array(m * p);
  const r = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const f = problem.net.outputJacobian(theta, inputs, i, J, i * k);
    for (let c = 0; c < k; c++) r[i * k + c] = f[c] - (c === labels[i] ? 1 : 0);
  }
  const K = gram(J, m, p);
  let trK = 0;
  let trK2 = 0;
  let r2 = 0;
  let kr2 = 0;
  for (let a = 0; a < m; a++) {
    trK += K[a * m + a];
    r2 += r[a] * r[a];
    let s = 0;
    for (let b = 0; b < m; b++) {
      trK2 += K[a * m + b] * K[a * m + b];
      s += K[a * m + b] * r[b];
    }
    kr2 += s * s;
  }
  // Σᵢ ‖Kᵢrᵢ‖²: for each sample i, u = Σ_c K[:, (i, c)] r_{i,c} (K is symmetric: read rows).
  let t1 = 0;
  const u = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    u.fill(0);
    for (let c = 0; c < k; c++) {
      const rc = r[i * k + c];
      const row = (i * k + c) * m;
      for (let a = 0; a < m; a++) u[a] += K[row + a] * rc;
    }
    for (let a = 0; a < m; a++) t1 += u[a] * u[a];
  }
  const G2 = trK2 / (n * n);
  const twoL = r2 / n;
  const trS1G = t1 / (n * n);
  const trS2G = kr2 / (n * n * n);
  const mu0 = smallestAlignment(K, m, k, n) / G2;
  return { frobeniusG: Math.sqrt(G2), traceG: trK / n, mu: (trS1G - trS2G) / (twoL * G2), mu1: trS1G / (twoL * G2), mu0: mu0 > 0 ? mu0 : null };
}

/**
 * Eigenvalues of K below this fraction of its largest are taken as zero: their directions are outside K's
 * range (rounding, or nk > p). K counts as non-singular when every Cholesky pivot exceeds this fraction of
 * its largest diagonal entry.
 */
const RANGE_TOLERANCE = 1e-10;

/** Whether the Cholesky factorisation of the symmetric m × m matrix A has every pivot above RANGE_TOLERANCE × max Aᵢᵢ. */
function positiveDefinite(A: Float64Array, m: number): boolean {
  let top = 0;
  for (let i = 0; i < m; i++) top = Math.max(top, A[i * m + i]);
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = A[j * m + j];
    for (let c = 0; c < j; c++) d -= L[j * m + c] * L[j * m + c];
    if (!(d > RANGE_TOLERANCE * top)) return false;
    const root = Math.sqrt(d);
    L[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let v = A[i * m + j];
      for (let c = 0; c < j; c++) v -= L[i * m + c] * L[j * m + c];
      L[i * m + j] = v / root;
    }
  }
  return true;
}

/**
 * min over r ∈ range(K) of rᵀMr/‖r‖², M = blockdiag((K²)ᵢᵢ)/n − K²/n² (blocks k × k, one per sample):
 * at a zero-loss minimum with r = Jδ, Tr(Σ₁G) = rᵀ blockdiag((K²)ᵢᵢ) r/n², Tr(∇L∇LᵀG) = rᵀK²r/n³ and
 * 2L = ‖r‖²/n (the identities of networkAlignment above), so μ(δ) = rᵀMr/(‖r‖²‖G‖²_F). When K is
 * non-singular its range is everything and μ₀ is λ_min(M); otherwise the range is spanned by K's
 * eigenvectors above RANGE_TOLERANCE, and μ₀ is λ_min of M written in that basis.
 * (For k = 1 and a non-singular K this is src/core/theory/alignment.ts's μ₀.)
 */
function smallestAlignment(K: Float64Array, m: number, k: number, n: number): number {
  const M = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += K[a * m + c] * K[c * m + b];
      const block = Math.floor(a / k) === Math.floor(b / k);
      const v = (block ? s / n : 0) - s / (n * n);
      M[a * m + b] = v;
      M[b * m + a] = v;
    }
  }
  // Full rank (the usual case, nk ≤ p) shows as a Cholesky factorisation with no small pivot, at a sixth
  // of the cost of K's eigenvalues; only a singular K needs its eigenvectors.
  if (positiveDefinite(K, m)) return symEigenvalues(M, m)[m - 1];
  const { values, vectors } = symEigen(K, m);
  const q = values.filter((v) => v > RANGE_TOLERANCE * values[0]).length;
  // UᵀMU with U the q leading eigenvectors (columns of `vectors`).
  const MU = new Float64Array(m * q);
  for (let a = 0; a < m; a++) {
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += M[a * m + c] * vectors[c * m + j];
      MU[a * q + j] = s;
    }
  }
  const R = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = i; j < q; j++) {
      let s = 0;
      for (let a = 0; a < m; a++) s += vectors[a * m + i] * MU[a * q + j];
      R[i * q + j] = s;
      R[j * q + i] = s;
    }
  }
  return symEigenvalues(R, q)[q - 1];
}

/**
 * Theorem 3.3's bound at step η and batch B: a linearly stable minimum has ‖H‖_F ≤ 1/(η√(cμ₀)), c the batch
 * factor (c = 1/B with replacement, the paper's √(B/μ₀)/η; docs/theory.md#alignment-and-the-frobenius-bound).
 * Null without μ₀ or without noise (c = 0).
 */
export function frobeniusBound(mu0: number | null, eta: number, n: number, B: number, sampling: Sampling): number | null {
  const c = batchFactor(n, B, sampling);
  return mu0 !== null && c > 0 ? 1 / (eta * Math.sqrt(c * mu0)) : null;
}

export function isAlignmentSkipped(x: NetworkAlignment | AlignmentSkipped): x is AlignmentSkipped {
  return 'skipped' in x;
}
