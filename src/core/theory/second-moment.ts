import { cholesky } from '../linalg/cholesky';
import { frobDot, identity, matMul, symmetrise } from '../linalg/mat';
import { symEigen, symEigenvalues, symMaxEigenvalue } from '../linalg/sym-eigen';
import { denseComponent, eigenOfH, rankOneSandwich, type HessianSet, type Moments } from './hessian-set';
import { lanczosExtreme, type LanczosResult, type SelfAdjoint } from './lanczos';

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
  return { value: l.value, method: `Lanczos (${status}; residual ${l.residual.toPrecision(2)})`, lower, upper, residual: l.residual };
}

/**
 * The SGD verdict the bounds support: stable when ρ ≤ 1 is proven, unstable when ρ > 1
 * is, and null (undecided within the bound) when [lower, upper] contains 1 in its interior.
 */
export function sgdVerdict(r: { lower: number; upper: number }): boolean | null {
  return r.upper <= 1 ? true : r.lower > 1 ? false : null;
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

/**
 * 𝒯 on symmetric P for a dense set, for Lanczos at d > 12: the same operator as
 * SecondMomentOperator.apply, with each sandwich X P X (X symmetric) formed as
 * (XP)·X row against row and only its upper triangle summed: 1.5·d³ a term instead of 2·d³,
 * in tight loops over typed arrays. Its values differ from apply's by rounding only.
 */
class SymmetricDenseOperator implements SelfAdjoint {
  private readonly d: number;
  private readonly A: Float64Array;
  private readonly D: Float64Array;
  private readonly w: Float64Array;
  private readonly t: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    this.A = identity(d);
    for (let k = 0; k < dd; k++) this.A[k] -= eta * m.H[k];
    const k2 = eta * eta * c;
    const keep: number[] = [];
    for (let i = 0; i < set.n; i++) if (k2 * set.p[i] !== 0) keep.push(i);
    this.D = new Float64Array(keep.length * dd);
    this.w = new Float64Array(keep.length);
    keep.forEach((i, r) => {
      const Hi = denseComponent(set, i);
      for (let q = 0; q < dd; q++) this.D[r * dd + q] = Hi[q] - m.H[q];
      this.w[r] = k2 * set.p[i];
    });
    this.t = new Float64Array(dd);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    const d = this.d;
    out.fill(0);
    sandwichUpper(this.A, 0, P, d, 1, this.t, out);
    const D = this.D;
    const w = this.w;
    for (let r = 0; r < w.length; r++) sandwichUpper(D, r * d * d, P, d, w[r], this.t, out);
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) out[b * d + a] = out[a * d + b];
    return out;
  }
}

/**
 * 𝒯 restricted to symmetric matrices, in the orthonormal basis {eⱼeⱼᵀ, (eⱼeₖᵀ + eₖeⱼᵀ)/√2}:
 * a symmetric m×m matrix G with entries ⟨E_ab, 𝒯(E_ce)⟩. For a symmetric X the
 * sandwich term is ⟨E_ab, X E_ce X⟩ = s·(X_ac X_be + X_ae X_bc), s = 1/2, 1/√2 or 1
 * as the pairs are diagonal or not; summed over X = I − ηH (weight 1) and the
 * centred Hᵢ − H (weight η²c pᵢ), the X's stored entry-major so each sum runs over a
 * contiguous column.
 */
class SymmetricBasisMatrix implements SelfAdjoint {
  readonly G: Float64Array;
  readonly size: number;
  private readonly d: number;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    const k2 = eta * eta * c;
    const terms: Float64Array[] = [];
    const weights: number[] = [];
    const A = identity(d);
    for (let q = 0; q < dd; q++) A[q] -= eta * m.H[q];
    terms.push(A);
    weights.push(1);
    for (let i = 0; i < set.n; i++) {
      const w = k2 * set.p[i];
      if (w === 0) continue;
      const Hi = denseComponent(set, i);
      for (let q = 0; q < dd; q++) Hi[q] -= m.H[q];
      terms.push(Hi);
      weights.push(w);
    }
    const T = terms.length;
    // X[pair][term] and W[pair][term] = weight·X over the pairs a ≤ b (the X's are symmetric).
    const pairIndex = new Int32Array(dd);
    const pairs: number[] = [];
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++) {
        pairIndex[a * d + b] = pairIndex[b * d + a] = pairs.length / 2;
        pairs.push(a, b);
      }
    const size = (this.size = pairs.length / 2);
    const X = new Float64Array(size * T);
    const W = new Float64Array(size * T);
    for (let t = 0; t < T; t++)
      for (let k = 0; k < size; k++) {
        const q = pairs[2 * k] * d + pairs[2 * k + 1];
        X[k * T + t] = terms[t][q];
        W[k * T + t] = weights[t] * terms[t][q];
      }
    // K[{a,c},{b,e}] = Σ_t w_t X_t[a,c] X_t[b,e]: symmetric, over unordered pairs.
    const K = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      const oi = i * T;
      for (let j = i; j < size; j++) {
        const oj = j * T;
        let s = 0;
        for (let t = 0; t < T; t++) s += W[oi + t] * X[oj + t];
        K[i * size + j] = K[j * size + i] = s;
      }
    }
    const G = (this.G = new Float64Array(size * size));
    for (let i = 0; i < size; i++) {
      const a = pairs[2 * i], b = pairs[2 * i + 1];
      for (let j = i; j < size; j++) {
        const cc = pairs[2 * j], e = pairs[2 * j + 1];
        const scale = (a === b ? Math.SQRT1_2 : 1) * (cc === e ? Math.SQRT1_2 : 1);
        const v = scale * (K[pairIndex[a * d + cc] * size + pairIndex[b * d + e]] + K[pairIndex[a * d + e] * size + pairIndex[b * d + cc]]);
        G[i * size + j] = v;
        G[j * size + i] = v;
      }
    }
  }

  /** 𝒯(P) for symmetric P (d×d), through G. */
  apply(P: Float64Array, out: Float64Array): Float64Array {
    const { G, size, d } = this;
    const v = new Float64Array(size);
    let k = 0;
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++, k++) v[k] = a === b ? P[a * d + a] : P[a * d + b] * Math.SQRT2;
    k = 0;
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++, k++) {
        const row = k * size;
        let s = 0;
        for (let j = 0; j < size; j++) s += G[row + j] * v[j];
        if (a === b) out[a * d + a] = s;
        else out[a * d + b] = out[b * d + a] = s * Math.SQRT1_2;
      }
    return out;
  }

  /** Lanczos on G from P = I; the Ritz vector is returned as a d×d matrix. */
  lanczos(maxSteps: number): LanczosResult {
    const { G, size, d } = this;
    const op: SelfAdjoint = {
      apply(v, out) {
        for (let i = 0; i < size; i++) {
          const row = i * size;
          let s = 0;
          for (let j = 0; j < size; j++) s += G[row + j] * v[j];
          out[i] = s;
        }
        return out;
      },
    };
    const start = new Float64Array(size);
    let k = 0;
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++, k++) if (a === b) start[k] = 1;
    const r = lanczosExtreme(op, start, maxSteps);
    const Y = new Float64Array(d * d);
    k = 0;
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++, k++) {
        if (a === b) Y[a * d + a] = r.vector[k];
        else Y[a * d + b] = Y[b * d + a] = r.vector[k] * Math.SQRT1_2;
      }
    return { ...r, vector: Y };
  }
}

/** out's upper triangle += w·X P X, X = M[o … o+d²) symmetric; t is scratch (d²). */
function sandwichUpper(M: Float64Array, o: number, P: Float64Array, d: number, w: number, t: Float64Array, out: Float64Array): void {
  // t = X P
  t.fill(0);
  for (let a = 0; a < d; a++) {
    const row = a * d;
    for (let k = 0; k < d; k++) {
      const x = M[o + row + k];
      if (x === 0) continue;
      const pk = k * d;
      for (let b = 0; b < d; b++) t[row + b] += x * P[pk + b];
    }
  }
  // (tX)_ab = Σ_k t_ak X_bk (X symmetric), b ≥ a.
  for (let a = 0; a < d; a++) {
    const ra = a * d;
    for (let b = a; b < d; b++) {
      const rb = o + b * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += t[ra + k] * M[rb + k];
      out[ra + b] += w * s;
    }
  }
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
