import { batchFactor, type Sampling } from '../batch-factor';
import type { Minimum } from '../problems/problem';
import { gram, gramRows, type SquareLossProblem } from '../problems/square-loss';
import { symEigen, symEigenvaluesInPieces } from '../linalg/sym-eigen';
import { drain, type InPieces } from '../in-pieces';
import type { HessianSet } from './hessian-set';

/** Wu–Wang–Su's alignment quantities at a point θ (Wu–Wang–Su eq. 3 and Definition 2.1). */
export interface Alignment {
  loss: number;
  /** α = Tr(GΣ)/(‖G‖_F‖Σ‖_F): how much the noise lies in sharp directions. */
  alpha: number;
  /** β = ‖Σ‖_F/(2L‖G‖_F): the noise's size relative to the loss. */
  beta: number;
  /** μ = αβ = Tr(ΣG)/(2L‖G‖²_F). */
  mu: number;
  /** μ₁ = Tr(Σ₁G)/(2L‖G‖²_F) with Σ₁ = (1/n)Σ∇Lᵢ∇Lᵢᵀ (Σ = Σ₁ − Σ₂). */
  mu1: number;
  /** Norm uniformity γ = minᵢ χᵢ/χ̄, χᵢ = gᵢᵀGgᵢ (Definition 2.1); μ₁ ≥ γ (Lemma 2.2). */
  gamma: number;
}

/**
 * All through the n×n Gram matrix K = JJᵀ of the model gradients (O(n²p)), with
 * G = JᵀJ/n, ∇Lᵢ = rᵢgᵢ, ∇L = Jᵀr/n:
 *   χᵢ = (K²)ᵢᵢ/n, ‖G‖²_F = tr(K²)/n², Tr(Σ₁G) = Σ rᵢ²χᵢ/n, Tr(Σ₂G) = rᵀK²r/n³,
 *   ‖Σ‖²_F = Σᵢⱼ rᵢ²rⱼ²Kᵢⱼ²/n² − (2/n)Σᵢ rᵢ²(gᵢᵀ∇L)² + ‖∇L‖⁴.
 */
export function alignmentAt(problem: SquareLossProblem, theta: Float64Array): Alignment {
  return alignmentFromGram(problem, gram(problem.jacobian(theta), problem.n, problem.dim), problem.residuals(theta));
}

/**
 * alignmentAt in pieces: the Gram matrix, its O(n²p) part, a row at a time until
 * `stop()` says so, so that a worker computing it can yield between slices (about
 * 130 ms at n = 200, p = 1000 in one piece). The same arithmetic: the same numbers.
 */
export class AlignmentInPieces {
  private readonly J: Float64Array;
  private readonly r: Float64Array;
  private readonly K: Float64Array;
  private row = 0;

  constructor(
    private readonly problem: SquareLossProblem,
    theta: Float64Array,
  ) {
    this.J = problem.jacobian(theta);
    this.r = problem.residuals(theta);
    this.K = new Float64Array(problem.n * problem.n);
  }

  /** Compute rows until stop() is true (at least one row a call); the alignment once every row is done, else null. */
  advance(stop: () => boolean): Alignment | null {
    const n = this.problem.n;
    do {
      if (this.row < n) gramRows(this.J, n, this.problem.dim, this.K, this.row, ++this.row);
    } while (this.row < n && !stop());
    return this.row < n ? null : alignmentFromGram(this.problem, this.K, this.r);
  }
}

/** The alignment from K = JJᵀ and the residuals r (the O(n²) rest of alignmentAt). */
function alignmentFromGram(problem: SquareLossProblem, K: Float64Array, r: Float64Array): Alignment {
  const n = problem.n;
  const Kr = new Float64Array(n);
  const chi = new Float64Array(n);
  let trK2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      s += K[i * n + j] * r[j];
      c += K[i * n + j] * K[i * n + j];
    }
    Kr[i] = s;
    chi[i] = c / n;
    trK2 += c;
  }
  const G2 = trK2 / (n * n);
  let L2 = 0; // 2L
  let trS1G = 0;
  let trS2G = 0;
  let gradL2 = 0;
  for (let i = 0; i < n; i++) {
    L2 += (r[i] * r[i]) / n;
    trS1G += (r[i] * r[i] * chi[i]) / n;
    trS2G += (Kr[i] * Kr[i]) / (n * n * n);
    gradL2 += (r[i] * Kr[i]) / (n * n);
  }
  let s11 = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s11 += r[i] * r[i] * r[j] * r[j] * K[i * n + j] * K[i * n + j];
    const giGradL = Kr[i] / n;
    cross += r[i] * r[i] * giGradL * giGradL;
  }
  const sigmaF = Math.sqrt(Math.max(0, s11 / (n * n) - (2 / n) * cross + gradL2 * gradL2));
  const trSG = trS1G - trS2G;
  const chiBar = chi.reduce((a, b) => a + b, 0) / n;
  return {
    loss: L2 / 2,
    alpha: trSG / (Math.sqrt(G2) * sigmaF),
    beta: sigmaF / (L2 * Math.sqrt(G2)),
    mu: trSG / (L2 * G2),
    mu1: trS1G / (L2 * G2),
    gamma: Math.min(...chi) / chiBar,
  };
}

/** What Wu–Wang–Su's theory says about a global minimum at step η and batch B. */
export interface WwsTheory {
  /** μ₀: the smallest alignment of linearised SGD's noise over all directions at θ*. */
  mu0: number | null;
  /** Norm uniformity γ at θ* (a lower bound of μ₁, Lemma 2.2). */
  gamma: number;
  frobenius: number;
  traceH: number;
  /**
   * Theorem 3.3: linearly stable ⇒ ‖H‖_F ≤ 1/(η√(cμ₀)). Wu–Wang–Su take the noise
   * covariance Σ/B (sampling with replacement, c = 1/B): √(B/μ₀)/η. Without
   * replacement the covariance is cΣ with c = (n−B)/(B(n−1)), and the same proof
   * gives 1/(η√(cμ₀)): the explorer's extension (README, "The theory per minimum").
   * (B = 1 without replacement is one uniform draw, c = 1 = 1/B: the paper's case.)
   * Null when μ₀ ≤ 0 or c = 0 (B = n without replacement is GD: no noise, no bound).
   */
  frobeniusBound: number | null;
  /** The batch factor c of the sampling in use, and which form of the bound applies. */
  c: number;
  frobeniusBoundSource: 'Wu–Wang–Su Thm 3.3 (with replacement, c = 1/B)' | 'extension of Wu–Wang–Su Thm 3.3 (without replacement, c = (n−B)/(B(n−1)))';
  /** GD only gives λ_max ≤ 2/η, i.e. ‖H‖_F ≤ 2√p/η. */
  gdFrobeniusBound: number;
  /** Theorem 3.5: above the bound E L grows at least by γ₀ = η²cμ₀‖H‖²_F a step (c = 1/B in the paper). */
  gamma0: number | null;
  /** Isotropic noise S = 2σ²L·I with σ² = Tr(H)/p: the constraint is Tr(H) ≤ √(p/c)/η (§3.3, √(pB)/η with replacement). */
  isotropicTraceBound: number;
  /** a and s by power iteration with Hessian–vector products (as the seed's code does). */
  sharpnessPower: number;
  nonUniformityPower: number;
}

/**
 * At a global minimum (rᵢ = 0) with K = JJᵀ and linearised residuals r = Jδ:
 *   μ(δ) = rᵀ(D_χ − K²/n²)r / (‖r‖² ‖G‖²_F), so μ₀ = λ_min(D_χ − K²/n²)/‖G‖²_F
 * over r ∈ range(K) (all of ℝⁿ when K is non-singular); null when not positive.
 */
export function wwsTheory(problem: SquareLossProblem, minimum: Minimum, eta: number, B: number, sampling: Sampling = 'with'): WwsTheory {
  return drain(wwsTheoryInPieces(problem, minimum, eta, B, sampling));
}

/** wwsTheory in pieces of about n² operations (a row, an eigenvalue, a few power iterations): a worker yields between them. */
export function* wwsTheoryInPieces(problem: SquareLossProblem, minimum: Minimum, eta: number, B: number, sampling: Sampling = 'with'): InPieces<WwsTheory> {
  const n = problem.n;
  const p = problem.dim;
  const J = problem.jacobian(minimum.x);
  yield;
  const K = yield* gramInPieces(J, n, p);
  const M = new Float64Array(n * n);
  let trK2 = 0;
  let trK = 0;
  for (let i = 0; i < n; i++) {
    trK += K[i * n + i];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += K[i * n + k] * K[k * n + j];
      M[i * n + j] = -s / (n * n);
      if (i === j) {
        trK2 += s;
        M[i * n + i] += s / n; // χᵢ = (K²)ᵢᵢ/n
      }
    }
    yield;
  }
  const G2 = trK2 / (n * n);
  let chiMin = Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += K[i * n + k] * K[k * n + i];
    chiMin = Math.min(chiMin, s / n);
  }
  const gamma = chiMin / G2;
  const ev = yield* symEigenvaluesInPieces(M, n);
  const mu0raw = ev[n - 1] / G2;
  const mu0 = mu0raw > 0 ? mu0raw : null;
  const frob = Math.sqrt(G2);
  const { a, s } = yield* powerSharpnessInPieces(J, n, p);
  const c = batchFactor(n, B, sampling);
  return {
    mu0,
    gamma,
    frobenius: frob,
    traceH: trK / n,
    frobeniusBound: mu0 && c > 0 ? 1 / (eta * Math.sqrt(c * mu0)) : null,
    c,
    frobeniusBoundSource: sampling === 'with' || B === 1 ? 'Wu–Wang–Su Thm 3.3 (with replacement, c = 1/B)' : 'extension of Wu–Wang–Su Thm 3.3 (without replacement, c = (n−B)/(B(n−1)))',
    gdFrobeniusBound: (2 * Math.sqrt(p)) / eta,
    gamma0: mu0 ? eta * eta * c * mu0 * G2 : null,
    isotropicTraceBound: c > 0 ? Math.sqrt(p / c) / eta : Infinity,
    sharpnessPower: a,
    nonUniformityPower: s,
  };
}

/**
 * a = λ_max(H) and s = √λ_max(Σ_H) at a global minimum by power iteration with
 * Hessian–vector products: Hv = Jᵀ(Jv)/n, Σ_H v = Jᵀ(D(Jv))/n − H(Hv), D = diag(‖gᵢ‖²).
 * Both are Jᵀ W J/n (W = I, or W = D − K/n with K = JJᵀ, as H(Hv) = Jᵀ(K(Jv))/n²), so
 * after the first product every iterate is v = Jᵀy: the iteration keeps the n
 * coefficients y, with Jv = Ky and ‖v‖² = yᵀKy, O(n²) a step instead of O(np). The
 * iterates are those of the p-dimensional iteration from v₀ = 1/√p.
 */
export function powerSharpness(J: Float64Array, n: number, p: number, iterations = 3000): { a: number; s: number } {
  return drain(powerSharpnessInPieces(J, n, p, iterations));
}

/** Iterations of the power method between yields: about 2n² operations each. */
const POWER_PIECE = 16;

/** powerSharpness, yielding after each row of K and every POWER_PIECE iterations. */
export function* powerSharpnessInPieces(J: Float64Array, n: number, p: number, iterations = 3000): InPieces<{ a: number; s: number }> {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) norms[i] += J[i * p + k] * J[i * p + k];
  const K = yield* gramInPieces(J, n, p);
  // x₀ = Jv₀, v₀ = (1, …, 1)/√p
  const x0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += J[i * p + k];
    x0[i] = s / Math.sqrt(p);
  }
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const power = function* (weighted: boolean): InPieces<number> {
    const x = Float64Array.from(x0);
    let lam = 0;
    for (let it = 0; it < iterations; it++) {
      if (it % POWER_PIECE === POWER_PIECE - 1) yield;
      // 𝒜v = Jᵀy with y = W x/n, x = Jv
      for (let i = 0; i < n; i++) {
        if (!weighted) {
          y[i] = x[i] / n;
          continue;
        }
        let kx = 0;
        for (let j = 0; j < n; j++) kx += K[i * n + j] * x[j];
        y[i] = (norms[i] * x[i] - kx / n) / n;
      }
      let n2 = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += K[i * n + j] * y[j];
        z[i] = s;
        n2 += y[i] * s;
      }
      const nrm = Math.sqrt(Math.max(0, n2));
      if (nrm === 0) return 0;
      for (let i = 0; i < n; i++) x[i] = z[i] / nrm;
      if (Math.abs(nrm - lam) <= 1e-13 * nrm) return nrm;
      lam = nrm;
    }
    return lam;
  };
  const a = yield* power(false);
  const s2 = yield* power(true);
  return { a, s: Math.sqrt(Math.max(0, s2)) };
}

/**
 * The component Hessians at a global minimum, Hᵢ = gᵢgᵢᵀ, written in the
 * orthonormal basis JᵀK^{-1/2} of their common range: there Hᵢ = ψᵢψᵢᵀ with ψᵢ the
 * i-th column of K^{1/2}, so H ↦ K/n and all of the theory runs in n dimensions.
 * The p − n directions outside the range are flat (growth factor exactly 1); where the
 * gradients span only r < n dimensions the set is written in r (docs/theory.md#how-the-numbers-are-computed).
 * A rank-one set: it keeps the n factors ψᵢ (n² numbers), not the n dense Hᵢ (n³).
 */
export function reducedHessianSet(problem: SquareLossProblem, minimum: Minimum): HessianSet {
  const n = problem.n;
  const K = gram(problem.jacobian(minimum.x), n, problem.dim);
  const { values, vectors } = symEigen(K, n);
  // Gradients that span fewer than n dimensions (a diagonal network with k < n inputs has rank
  // J ≤ k): the range is r-dimensional, and the K^{1/2} coordinates below would keep n − r
  // directions where every Hᵢ vanishes, flat directions counted as the range's. Written in the
  // r kept eigenvectors of K instead, ψᵢ = Λ_r^{1/2} V_rᵀ eᵢ (the same inner products ψᵢ·ψⱼ = Kᵢⱼ).
  const top = Math.max(0, ...values);
  const kept = [...values.keys()].filter((k) => values[k] > 1e-12 * top);
  if (kept.length < n) {
    const r = kept.length;
    const reduced = new Float64Array(n * r);
    for (let i = 0; i < n; i++) kept.forEach((k, a) => (reduced[i * r + a] = Math.sqrt(values[k]) * vectors[i * n + k]));
    return { d: r, n, p: new Float64Array(n).fill(1 / n), diagonal: false, rankOne: true, data: reduced };
  }
  const root = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i * n + k] * Math.sqrt(Math.max(0, values[k])) * vectors[j * n + k];
      root[i * n + j] = s;
    }
  }
  // ψᵢ (row i of data) = column i of K^{1/2}.
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let a = 0; a < n; a++) data[i * n + a] = root[a * n + i];
  return { d: n, n, p: new Float64Array(n).fill(1 / n), diagonal: false, rankOne: true, data };
}

/** K = JJᵀ a row at a time (gram's arithmetic). */
function* gramInPieces(J: Float64Array, n: number, p: number): InPieces<Float64Array> {
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    gramRows(J, n, p, K, i, i + 1);
    yield;
  }
  return K;
}
