import { matMul, symmetrise } from '../linalg/mat';
import { symEigenvalues } from '../linalg/sym-eigen';
import { denseComponent, eigenOfH, rankOneSandwich, type HessianSet, type Moments } from './hessian-set';

export interface PatelBounds {
  /** The γ of Assumption 8 used (we use γ = 0, always admissible since F̄ ⪰ Q̄³). */
  gamma: number;
  sP: number;
  tP: number;
  /** Positive eigenvalues of Q̄, descending. */
  lambdas: number[];
  /** M of Theorem 16 (1-based, r + 1 when no m qualifies). */
  M: number;
  /** k used (= B; Infinity for GD). */
  k: number;
  /** Theorem 16: the expected Q̄-error grows for every step size above l(k). */
  lower: number;
  /** Theorem 17: the error shrinks for every step size below u(k). */
  upper: number;
}

/**
 * Patel's step-size bounds for SGD-k (Patel §2; docs/theory.md#patel-bounds-for-sgd-k):
 *   Q̄ = Σ pᵢQᵢ, F̄ = Σ pᵢ Qᵢ Q̄ Qᵢ,
 *   s_P = min, t_P = max over v (vᵀQ̄v ≠ 0) of vᵀ(F̄ − (1+γ)Q̄³)v / vᵀQ̄v   (eqs. 5, 11)
 *   Theorem 16: M = min{m ∈ 2..r : s_P/(λ_{m−1}λ_m) − γ > k} (or r + 1);
 *               l(k) = 2λ_{M−1} / ((1 + γ/k) λ²_{M−1} + s_P/k)
 *   Theorem 17: u(k) = 2λ₁/((1+γ/k)λ₁² + t_P/k) if t_P/(λ₁λ_r) − γ ≤ k,
 *               else 2λ_r/((1+γ/k)λ_r² + t_P/k).
 * The Rayleigh quotients are taken on the range of Q̄ (for PSD Qᵢ the null space of Q̄
 * is common to all Qᵢ, so F̄ vanishes there too). In 1D with γ = 0 both bounds equal
 * 2a/(a² + s²/k). Returns null when Q̄ has no positive eigenvalue.
 */
export function patelBounds(set: HessianSet, m: Moments, k: number, gamma = 0): PatelBounds | null {
  const spec = patelSpectrum(set, m, gamma);
  if (!spec) return null;
  const { lambdas, sP, tP } = spec;
  const r = lambdas.length;
  let M = r + 1;
  for (let mm = 2; mm <= r; mm++) {
    if (sP / (lambdas[mm - 2] * lambdas[mm - 1]) - gamma > k) {
      M = mm;
      break;
    }
  }
  const inv = (x: number) => (Number.isFinite(k) ? x / k : 0);
  const lM = lambdas[M - 2];
  const lower = (2 * lM) / ((1 + inv(gamma)) * lM * lM + inv(sP));
  const l1 = lambdas[0];
  const lr = lambdas[r - 1];
  const upper =
    tP / (l1 * lr) - gamma <= k ? (2 * l1) / ((1 + inv(gamma)) * l1 * l1 + inv(tP)) : (2 * lr) / ((1 + inv(gamma)) * lr * lr + inv(tP));
  return { gamma, sP, tP, lambdas: lambdas.slice(), M, k, lower, upper };
}

interface PatelSpectrum {
  lambdas: number[];
  sP: number;
  tP: number;
}

/** λ's, s_P and t_P do not depend on k: analyseMinimum asks for k = B and k = ∞ with the same set and moments. */
const spectrumCache = new WeakMap<Moments, WeakMap<HessianSet, Map<number, PatelSpectrum | null>>>();

function patelSpectrum(set: HessianSet, m: Moments, gamma: number): PatelSpectrum | null {
  let bySet = spectrumCache.get(m);
  if (!bySet) spectrumCache.set(m, (bySet = new WeakMap()));
  let byGamma = bySet.get(set);
  if (!byGamma) bySet.set(set, (byGamma = new Map()));
  if (!byGamma.has(gamma)) byGamma.set(gamma, computeSpectrum(set, m, gamma));
  return byGamma.get(gamma) ?? null;
}

function computeSpectrum(set: HessianSet, m: Moments, gamma: number): PatelSpectrum | null {
  const d = set.d;
  const dd = d * d;
  const Q = m.H;
  const eig = eigenOfH(m, d);
  const top = eig.values[0];
  if (!(top > 0)) return null;
  const r = Array.from(eig.values).filter((l) => l > top * 1e-12).length;
  const lambdas = Array.from(eig.values.slice(0, r));

  // K = F̄ − (1+γ)Q̄³
  const K = new Float64Array(dd);
  const t1 = new Float64Array(dd);
  const t2 = new Float64Array(dd);
  if (set.rankOne) {
    // Qᵢ = kᵢkᵢᵀ: F̄ = Σ pᵢ kᵢ(kᵢᵀQ̄kᵢ)kᵢᵀ = Fᵀ diag(pᵢ kᵢᵀQ̄kᵢ) F, O(n·d²).
    rankOneSandwich(set, Q, K, new Float64Array(set.n));
  } else {
    for (let i = 0; i < set.n; i++) {
      const Qi = denseComponent(set, i);
      matMul(Qi, Q, d, t1);
      matMul(t1, Qi, d, t2);
      for (let q = 0; q < dd; q++) K[q] += set.p[i] * t2[q];
    }
  }
  matMul(Q, Q, d, t1);
  matMul(t1, Q, d, t2);
  for (let q = 0; q < dd; q++) K[q] -= (1 + gamma) * t2[q];

  // W = Λ_r^{-1/2} U_rᵀ K U_r Λ_r^{-1/2}: the generalised Rayleigh quotient on range(Q̄).
  // KU first (O(d³)), then O(r²d): the same sums in the same order as entry by entry.
  const U = eig.vectors;
  const KU = matMul(K, U, d, t1);
  const W = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) {
      let s = 0;
      for (let x = 0; x < d; x++) s += U[x * d + a] * KU[x * d + b];
      W[a * r + b] = s / Math.sqrt(lambdas[a] * lambdas[b]);
    }
  }
  symmetrise(W, r);
  const wv = symEigenvalues(W, r);
  return { lambdas, sP: wv[r - 1], tP: wv[0] };
}

/**
 * The first component whose Qᵢ is not positive semidefinite (λ_min below −10⁻¹⁰ of the
 * largest |eigenvalue| of all, a rounding allowance), or null when every Qᵢ is. Patel's
 * Problem 1 assumes positive semidefinite Qᵢ (docs/theory.md#patel-bounds-for-sgd-k); his
 * bounds are shown only where that holds. Rank-one sets (gᵢgᵢᵀ) are PSD by construction.
 */
export function indefiniteComponent(set: HessianSet): { index: number; lambdaMin: number } | null {
  if (set.rankOne) return null;
  const d = set.d;
  const mins: number[] = [];
  let scale = 0;
  for (let i = 0; i < set.n; i++) {
    let lo: number;
    let hi: number;
    if (set.diagonal) {
      lo = Infinity;
      hi = 0;
      for (let r = 0; r < d; r++) {
        const v = set.data[i * d + r];
        lo = Math.min(lo, v);
        hi = Math.max(hi, Math.abs(v));
      }
    } else {
      const ev = symEigenvalues(denseComponent(set, i), d);
      lo = ev[d - 1];
      hi = Math.max(Math.abs(ev[0]), Math.abs(ev[d - 1]));
    }
    mins.push(lo);
    scale = Math.max(scale, hi);
  }
  const floor = -1e-10 * scale;
  for (let i = 0; i < mins.length; i++) if (mins[i] < floor) return { index: i, lambdaMin: mins[i] };
  return null;
}
