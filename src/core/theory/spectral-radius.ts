import { cholesky } from '../linalg/cholesky';
import { identity, symmetrise } from '../linalg/mat';
import { symEigenvalues } from '../linalg/sym-eigen';
import { type HessianSet, type Moments } from './hessian-set';
import { lanczosExtreme, type SelfAdjoint } from './lanczos';
import { EigenbasisRankOneOperator, SecondMomentOperator } from './second-moment';
import { denseRadius, SymmetricBasisMatrix, SymmetricDenseOperator } from './symmetric-operators';
import { verdictOf } from './verdict';

/*
 * ρ(𝒯), the mean-square growth factor of linearised SGD (docs/theory.md#the-second-moment-operator),
 * with bounds that prove which side of 1 it is on: closed forms and a dense
 * eigen-solve up to d = 12, Lanczos with Collatz–Wielandt bounds above.
 */

export interface SpectralRadius {
  value: number;
  method: string;
  /**
   * A proven interval [lower, upper] ∋ ρ(𝒯): equal to value for the closed form and the
   * dense eigen-solve (exact to rounding); from Lanczos, widened for rounding, the
   * largest Ritz value below (interlacing) and the Collatz–Wielandt bounds of its Ritz
   * vector (see coneBounds). upper is Infinity where no bound could be formed.
   */
  lower: number;
  upper: number;
  /** Lanczos: ‖𝒯Y − θY‖ of the unit Ritz vector Y (an eigenvalue lies within it of value); 0 otherwise. */
  residual: number;
}

/** Dimension up to which 𝒯 is written as a matrix on symmetric d×d matrices and solved exactly. */
const DENSE_LIMIT_D = 12;

/**
 * Dimension up to which a Lanczos bracket that holds 1 is settled by the dense eigen-solve
 * instead (m = d(d+1)/2 ≤ 300: a few tenths of a second), so a decidable case is decided.
 */
const DENSE_FALLBACK_D = 24;

/** Relative rounding allowance of the largest Ritz value as a lower bound (a few hundred ulps). */
const RITZ_SLACK = 1e-13;

/** A value exact to rounding (closed form, dense eigen-solve): its own bounds, as the stability test has always read it. */
const exact = (value: number, method: string): SpectralRadius => ({ value, method, lower: value, upper: value, residual: 0 });

/**
 * ρ(𝒯), the exact mean-square stability criterion (stable iff ρ ≤ 1) and the
 * asymptotic per-step growth factor of E‖x_t‖².
 * - Commuting (diagonal) Hᵢ: 𝒯 decouples, ρ = maxⱼ (1 − ηh̄ⱼ)² + η²c Var(hⱼ) (off-diagonal
 *   entries grow by at most the geometric mean of two of these, by Cauchy–Schwarz).
 * - d ≤ 12: 𝒯 is self-adjoint for the Frobenius product, so in the orthonormal basis
 *   {eⱼeⱼᵀ, (eⱼeₖᵀ + eₖeⱼᵀ)/√2} it is a symmetric m×m matrix (m = d(d+1)/2): Jacobi.
 * - larger d: Lanczos from P = I with a residual test; 𝒯 preserves the cone of positive
 *   semidefinite matrices, so ρ(𝒯) is its largest eigenvalue (Krein–Rutman) and the
 *   largest Ritz value is a lower bound; the Ritz vector gives an upper bound (coneBounds).
 */
export function spectralRadius(set: HessianSet, m: Moments, eta: number, c: number): SpectralRadius {
  const d = set.d;
  if (set.diagonal) {
    let best = 0;
    for (let r = 0; r < d; r++) {
      const a = 1 - eta * m.H[r * d + r];
      best = Math.max(best, a * a + eta * eta * c * m.Sigma[r * d + r]);
    }
    return exact(best, 'closed form (commuting Hᵢ)');
  }
  if (d <= DENSE_LIMIT_D) return exact(denseRadius(new SecondMomentOperator(set, m, eta, c), d), 'dense eigen-solve');
  // Rank-one sets (Wu–Wang–Su's models) in H's eigenbasis, O(n·d²) an application; dense sets
  // by the symmetric form below, O(1.5·n·d³). Work bounded so a large problem cannot freeze the page.
  // Dense sets up to d = 48: 𝒯 as a matrix on the symmetric basis, built once (n·m²/2 products,
  // m = d(d+1)/2) and then applied at m² a step, several times less work than d³ sandwiches.
  const basis = !set.rankOne && d <= 48 ? new SymmetricBasisMatrix(set, m, eta, c) : null;
  const op: SelfAdjoint = basis ?? (set.rankOne ? new EigenbasisRankOneOperator(set, m, eta, c) : new SymmetricDenseOperator(set, m, eta, c));
  // Work bounded so a large problem cannot freeze the page.
  const work = basis ? basis.size * basis.size : 1.5 * set.n * d * d * d;
  // Rank-one sets: 80 steps whatever their cost (a step is O(n·d²)); dense sets by a work budget.
  const maxSteps = set.rankOne ? 80 : Math.max(20, Math.min(120, Math.floor(4e8 / work)));
  const l = basis ? basis.lanczos(maxSteps) : lanczosExtreme(op, identity(d), maxSteps);
  const b = coneBounds(op, l.vector, d);
  const lower = Math.max(l.value, b.lower) * (1 - RITZ_SLACK);
  const upper = b.upper;
  const status = l.converged ? `${l.steps} steps` : `stopped after ${l.steps} steps, not converged`;
  if (verdictOf({ lower, upper }) === null && d <= DENSE_FALLBACK_D)
    return exact(denseRadius(new SecondMomentOperator(set, m, eta, c), d), `dense eigen-solve (Lanczos's bracket [${lower.toPrecision(6)}, ${upper.toPrecision(6)}] held 1)`);
  return { value: l.value, method: `Lanczos (${status}; residual ${l.residual.toPrecision(2)})`, lower, upper, residual: l.residual };
}

/**
 * The SGD verdict the bounds support: stable when ρ ≤ 1 is proven, unstable when ρ > 1
 * is, and null (undecided within the bound) when [lower, upper] contains 1 in its interior;
 * with the same tolerance as GD's verdict (verdict.ts).
 */
export function sgdVerdict(r: { lower: number; upper: number }): boolean | null {
  return verdictOf(r);
}

/**
 * Two-sided bounds on ρ(𝒯) from one symmetric matrix Y (the Ritz vector): 𝒯 maps the cone
 * of positive semidefinite matrices into itself, so for P ≻ 0 the Collatz–Wielandt
 * inequalities hold: μ_min P ≼ 𝒯(P) ≼ μ_max P implies μ_min ≤ ρ(𝒯) ≤ μ_max, where μ are
 * the extreme eigenvalues of L⁻¹𝒯(P)L⁻ᵀ, P = LLᵀ (Berman & Plemmons, Ch. 1, Thm 3.2 for
 * cones; Krein–Rutman). P is Y, turned to the cone's side and shifted to be positive
 * definite. Both are widened for rounding in proportion to P's condition number.
 */
export function coneBounds(op: SelfAdjoint, Y: Float64Array, d: number): { lower: number; upper: number } {
  const P0 = Float64Array.from(Y);
  symmetrise(P0, d);
  let tr = 0;
  for (let j = 0; j < d; j++) tr += P0[j * d + j];
  if (tr < 0) for (let q = 0; q < P0.length; q++) P0[q] = -P0[q];
  const ev = symEigenvalues(P0, d);
  const top = ev[0];
  let lower = 0;
  let upper = Infinity;
  if (!(top > 0)) return { lower, upper };
  // A Perron vector on the cone's boundary (singular) must be lifted into its interior; how far
  // is a trade between rounding and the residual, so several lifts are tried and the tightest
  // bounds kept (each is valid on its own).
  for (const rel of [1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2]) {
    const floor = rel * top;
    const shift = ev[d - 1] < floor ? floor - ev[d - 1] : 0;
    const b = cwBounds(op, P0, shift, top, ev[d - 1], d);
    if (b === null) continue;
    lower = Math.max(lower, b.lower);
    upper = Math.min(upper, b.upper);
    if (shift === 0) break; // already positive definite: larger lifts only loosen the bounds
  }
  return { lower, upper };
}

/** The Collatz–Wielandt bounds of P = P0 + shift·I (see coneBounds), or null if P is not numerically positive definite. */
function cwBounds(op: SelfAdjoint, P0: Float64Array, shift: number, top: number, bottom: number, d: number): { lower: number; upper: number } | null {
  const P = Float64Array.from(P0);
  for (let j = 0; j < d; j++) P[j * d + j] += shift;
  const L = cholesky(P, d);
  if (L === null) return null;
  const Q = op.apply(P, new Float64Array(d * d));
  symmetrise(Q, d);
  // M = L⁻¹ Q L⁻ᵀ: solve L X = Q (columns), then M = X L⁻ᵀ, i.e. L Mᵀ = Xᵀ.
  const X = lowerSolve(L, Q, d);
  const Xt = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) Xt[a * d + b] = X[b * d + a];
  const M = lowerSolve(L, Xt, d);
  symmetrise(M, d);
  const mu = symEigenvalues(M, d);
  const kappa = (top + shift) / (bottom + shift);
  const slack = 64 * Number.EPSILON * kappa * Math.max(Math.abs(mu[0]), Math.abs(mu[d - 1]));
  return { lower: Math.max(0, mu[d - 1] - slack), upper: mu[0] + slack };
}

/** X with L X = B for lower-triangular L (row-major, d×d), column by column. */
function lowerSolve(L: Float64Array, B: Float64Array, d: number): Float64Array {
  const X = new Float64Array(d * d);
  for (let col = 0; col < d; col++) {
    for (let i = 0; i < d; i++) {
      let s = B[i * d + col];
      for (let k = 0; k < i; k++) s -= L[i * d + k] * X[k * d + col];
      X[i * d + col] = s / L[i * d + i];
    }
  }
  return X;
}
