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
  return { frobeniusG: Math.sqrt(G2), traceG: trK / n, mu: (trS1G - trS2G) / (twoL * G2), mu1: trS1G / (twoL * G2) };
}

export function isAlignmentSkipped(x: NetworkAlignment | AlignmentSkipped): x is AlignmentSkipped {
  return 'skipped' in x;
}
