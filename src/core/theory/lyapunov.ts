import type { Sampling } from '../batch-factor';
import { NEWEST_GENERATOR, streamRng, Salt, type Generator } from '../rng';
import { aliasTable, type AliasTable } from '../engine/batch-sampler';
import { denseComponent, type HessianSet } from './hessian-set';
import * as pm from '../portable-math';

/**
 * Λ with how it was obtained; stderr is 0 when exact. For the Monte Carlo chains
 * (d > 1) stderr also holds the estimated burn-in bias, reported apart in `bias`.
 */
export interface Lyapunov {
  value: number;
  exact: boolean;
  stderr: number;
  method: string;
  /** Chains only: |mean of the first half of the segments − mean of the second half| / 2, the drift left after burn-in. */
  bias?: number;
}

const ENUMERATION_LIMIT = 200_000;
const MC_SAMPLES = 200_000;

const lg = (v: number) => pm.log(Math.abs(v));

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** ln C(n, k), summed in log space (C(1100, 550) overflows a double). */
export function logBinomial(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  k = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= k; i++) s += pm.log((n - k + i) / i);
  return s;
}

/** Probabilities proportional to p (or uniform when p is): an alias table, or null for uniform. */
function weightedDraw(p: Float64Array): AliasTable | null {
  const n = p.length;
  for (let i = 0; i < n; i++) if (p[i] !== p[0]) return aliasTable(p);
  return null;
}

/** One index: uniform, or by the alias table (the engine's draw for weighted SGD-k, batch-sampler.ts). */
function drawIndex(rng: { next(): number; int(n: number): number }, n: number, table: AliasTable | null): number {
  if (!table) return rng.int(n);
  const u = rng.next() * n;
  const col = u | 0;
  return u - col < table.prob[col] ? col : table.alias[col];
}

/**
 * The top Lyapunov exponent of 1D linearised SGD, Λ = E ln|1 − η a_b| with a_b the
 * batch mean of the curvatures (docs/theory.md#mean-square-and-almost-sure-stability). Exact
 * when the batch distribution can be summed: GD, B = 1, two distinct curvatures
 * (hypergeometric / binomial counts), or few enough batches to enumerate;
 * otherwise a seeded Monte Carlo estimate with its standard error.
 */
export function lyapunov1D(h: Float64Array, p: Float64Array, eta: number, B: number, sampling: Sampling, seed: number, generator: Generator = NEWEST_GENERATOR): Lyapunov {
  const n = h.length;
  if (sampling === 'without' && B >= n) {
    // GD on Σ pᵢfᵢ: the weighted mean (docs/theory.md#weights-and-sampling); h[i]/n, as always, when uniform.
    const uniform = p.every((v) => v === p[0]);
    let m = 0;
    for (let i = 0; i < n; i++) m += uniform ? h[i] / n : p[i] * h[i];
    return { value: lg(1 - eta * m), exact: true, stderr: 0, method: 'exact (GD)' };
  }
  if (B === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += p[i] * lg(1 - eta * h[i]);
    return { value: s, exact: true, stderr: 0, method: 'exact (B = 1)' };
  }
  const distinct = Array.from(new Set(h));
  if (distinct.length === 1) return { value: lg(1 - eta * distinct[0]), exact: true, stderr: 0, method: 'exact (uniform curvatures)' };
  if (distinct.length === 2) {
    const [hi, lo] = distinct[0] > distinct[1] ? distinct : [distinct[1], distinct[0]];
    let s = 0;
    if (sampling === 'without') {
      let K = 0;
      for (let i = 0; i < n; i++) if (h[i] === hi) K++;
      // hypergeometric: j of the B drawn are high; each probability in log space.
      const lt = logBinomial(n, B);
      for (let j = Math.max(0, B - (n - K)); j <= Math.min(B, K); j++) {
        const pr = pm.exp(logBinomial(K, j) + logBinomial(n - K, B - j) - lt);
        if (pr > 0) s += pr * lg(1 - (eta * (j * hi + (B - j) * lo)) / B);
      }
      return { value: s, exact: true, stderr: 0, method: 'exact (hypergeometric)' };
    }
    let q = 0;
    for (let i = 0; i < n; i++) if (h[i] === hi) q += p[i];
    for (let j = 0; j <= B; j++) {
      // C(B, j) q^j (1 − q)^(B−j) in log space; q = 0 or 1 leaves one term.
      const lq = j === 0 ? 0 : q > 0 ? j * pm.log(q) : -Infinity;
      const lr = j === B ? 0 : q < 1 ? (B - j) * pm.log(1 - q) : -Infinity;
      const pr = pm.exp(logBinomial(B, j) + lq + lr);
      if (pr > 0) s += pr * lg(1 - (eta * (j * hi + (B - j) * lo)) / B);
    }
    return { value: s, exact: true, stderr: 0, method: 'exact (binomial)' };
  }
  if (sampling === 'without' && binomial(n, B) <= ENUMERATION_LIMIT) {
    const idx = Array.from({ length: B }, (_, i) => i);
    let s = 0;
    let count = 0;
    for (;;) {
      let m = 0;
      for (const i of idx) m += h[i];
      s += lg(1 - (eta * m) / B);
      count++;
      let k = B - 1;
      while (k >= 0 && idx[k] === n - B + k) k--;
      if (k < 0) break;
      idx[k]++;
      for (let j = k + 1; j < B; j++) idx[j] = idx[j - 1] + 1;
    }
    return { value: s / count, exact: true, stderr: 0, method: `exact (all ${count} batches)` };
  }
  if (sampling === 'with' && n ** B <= ENUMERATION_LIMIT) {
    const idx = new Array<number>(B).fill(0);
    let s = 0;
    for (;;) {
      let m = 0;
      let pr = 1;
      for (const i of idx) {
        m += h[i];
        pr *= p[i];
      }
      s += pr * lg(1 - (eta * m) / B);
      let k = B - 1;
      while (k >= 0 && idx[k] === n - 1) idx[k--] = 0;
      if (k < 0) break;
      idx[k]++;
    }
    return { value: s, exact: true, stderr: 0, method: `exact (all ${n ** B} ordered batches)` };
  }
  const counts = countSum(h, p, eta, B, sampling);
  if (counts) return counts;
  // Monte Carlo over batches; with replacement the indices follow the weights pᵢ, as the engine's.
  const rng = streamRng(generator, seed, 0, Salt.lyapunov);
  const table = sampling === 'with' ? weightedDraw(p) : null;
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let s = 0;
  let s2 = 0;
  for (let t = 0; t < MC_SAMPLES; t++) {
    let m = 0;
    for (let j = 0; j < B; j++) {
      if (sampling === 'without') {
        const r = j + rng.int(n - j);
        const tmp = perm[j];
        perm[j] = perm[r];
        perm[r] = tmp;
        m += h[perm[j]];
      } else m += h[drawIndex(rng, n, table)];
    }
    const v = lg(1 - (eta * m) / B);
    s += v;
    s2 += v * v;
  }
  const mean = s / MC_SAMPLES;
  const sd = Math.sqrt(Math.max(0, s2 / MC_SAMPLES - mean * mean));
  return { value: mean, exact: false, stderr: sd / Math.sqrt(MC_SAMPLES), method: `Monte Carlo (${MC_SAMPLES} batches)` };
}

/** Most terms summed exactly before Λ falls back on Monte Carlo (a fraction of a second). */
const COUNT_LIMIT = 1_000_000;

/**
 * Λ = E ln|1 − η a_b| summed over how many of the batch's B draws fall on each distinct
 * curvature: a_b depends only on those counts. With replacement the counts are
 * multinomial over the distinct values (each with its total weight qₗ): C(m + B − 1, B)
 * compositions for m values. Without replacement they are multivariate hypergeometric,
 * ∏ C(Kₗ, jₗ) / C(n, B) for a value held by Kₗ components. Null when the terms number more
 * than COUNT_LIMIT (counted exactly, with the bounds jₗ ≤ Kₗ).
 */
function countSum(h: Float64Array, p: Float64Array, eta: number, B: number, sampling: Sampling): Lyapunov | null {
  const n = h.length;
  const index = new Map<number, number>();
  const values: number[] = [];
  const weight: number[] = [];
  const mult: number[] = [];
  for (let i = 0; i < n; i++) {
    let l = index.get(h[i]);
    if (l === undefined) {
      l = values.length;
      index.set(h[i], l);
      values.push(h[i]);
      weight.push(0);
      mult.push(0);
    }
    weight[l] += p[i];
    mult[l]++;
  }
  const m = values.length;
  const cap = (l: number) => (sampling === 'without' ? Math.min(B, mult[l]) : B);
  // ways[k] = the number of count vectors of the groups so far that sum to k (capped at the limit).
  let ways = new Float64Array(B + 1);
  ways[0] = 1;
  for (let l = 0; l < m; l++) {
    const next = new Float64Array(B + 1);
    for (let k = 0; k <= B; k++) if (ways[k] > 0) for (let j = 0; j <= cap(l) && k + j <= B; j++) next[k + j] = Math.min(2 * COUNT_LIMIT, next[k + j] + ways[k]);
    ways = next;
  }
  const terms = ways[B];
  if (!(terms > 0) || terms > COUNT_LIMIT) return null;
  // log-probability tables: with, ln B! − Σ ln jₗ! + Σ jₗ ln qₗ; without, Σ ln C(Kₗ, jₗ) − ln C(n, B).
  const logFact = new Float64Array(B + 1);
  for (let k = 1; k <= B; k++) logFact[k] = logFact[k - 1] + pm.log(k);
  const table = values.map((_v, l) =>
    Float64Array.from({ length: cap(l) + 1 }, (_, j) =>
      sampling === 'without' ? logBinomial(mult[l], j) : j === 0 ? 0 : weight[l] > 0 ? j * pm.log(weight[l]) - logFact[j] : -Infinity,
    ),
  );
  const base = sampling === 'without' ? -logBinomial(n, B) : logFact[B];
  // suffix capacity: the most the groups l … m−1 can hold, to prune vectors that cannot reach B.
  const room = new Float64Array(m + 1);
  for (let l = m - 1; l >= 0; l--) room[l] = room[l + 1] + cap(l);
  let s = 0;
  const walk = (l: number, left: number, logPr: number, sum: number): void => {
    if (l === m - 1) {
      if (left > cap(l)) return;
      const lp = logPr + table[l][left];
      if (lp === -Infinity) return;
      s += pm.exp(base + lp) * lg(1 - (eta * (sum + left * values[l])) / B);
      return;
    }
    for (let j = Math.max(0, left - room[l + 1]); j <= Math.min(left, cap(l)); j++) {
      const lp = logPr + table[l][j];
      if (lp === -Infinity) continue;
      walk(l + 1, left - j, lp, sum + j * values[l]);
    }
  };
  walk(0, B, 0, 0);
  return { value: s, exact: true, stderr: 0, method: `exact (${terms} ${sampling === 'without' ? 'hypergeometric counts' : 'compositions'} of the batch)` };
}

/**
 * Λ for d ≥ 1. Commuting (diagonal) Hᵢ: the product is diagonal, so Λ = maxⱼ of the
 * per-coordinate exponents (exact where those are). Otherwise a seeded Monte
 * Carlo estimate: independent chains of the random product of (I − ηH_b),
 * renormalising the vector each step. Indices follow the weights pᵢ with
 * replacement, as the engine's draws do. The "chains" are consecutive segments of
 * one long product (batch means): a random start direction needs many steps to
 * turn into the top Oseledets direction when the top exponents are close, and
 * chains that each restart from a random direction share that transient, a bias
 * their spread cannot show. Here only the burn-in (one whole segment) sees it.
 * The stated error combines the spread of the segment means with the drift left:
 * half the difference between the means of the first and the second half of the
 * segments (tests/core/theory/lyapunov-rigour.test.ts: a case with close
 * exponents against a long reference product).
 */
export function lyapunov(set: HessianSet, eta: number, B: number, sampling: Sampling, seed: number, generator: Generator = NEWEST_GENERATOR): Lyapunov {
  const { d, n, p } = set;
  if (set.diagonal) {
    let best: Lyapunov | null = null;
    const col = new Float64Array(n);
    for (let r = 0; r < d; r++) {
      for (let i = 0; i < n; i++) col[i] = set.data[i * d + r];
      const l = lyapunov1D(col, p, eta, B, sampling, seed + r, generator);
      if (!best || l.value > best.value) best = l;
    }
    return best as Lyapunov;
  }
  // Rank-one sets (Hᵢ = kᵢkᵢᵀ): Hᵢv = kᵢ(kᵢᵀv) in O(d), no dense Hᵢ. The chain length keeps
  // the dense cost model, so the estimate is the same as with dense Hᵢ (up to round-off).
  const rankOne = set.rankOne === true;
  const H = rankOne ? [] : Array.from({ length: n }, (_, i) => denseComponent(set, i));
  const m = sampling === 'without' && B >= n ? n : B;
  const costPerStep = m * d * d + d;
  const chains = 16;
  const steps = Math.max(200, Math.min(5000, Math.floor(4e7 / (costPerStep * chains))));
  const burn = steps;
  const rng = streamRng(generator, seed, 1, Salt.lyapunov);
  const table = sampling === 'with' ? weightedDraw(p) : null;
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const v = new Float64Array(d);
  const w = new Float64Array(d);
  const means: number[] = [];
  for (let j = 0; j < d; j++) v[j] = rng.normal();
  for (let ch = 0; ch < chains; ch++) {
    let acc = 0;
    const skip = ch === 0 ? burn : 0;
    for (let t = 0; t < steps + skip; t++) {
      w.set(v);
      for (let j = 0; j < m; j++) {
        let i: number;
        if (m === n && sampling === 'without') i = j;
        else if (sampling === 'without') {
          const r = j + rng.int(n - j);
          const tmp = perm[j];
          perm[j] = perm[r];
          perm[r] = tmp;
          i = perm[j];
        } else i = drawIndex(rng, n, table);
        if (rankOne) {
          const o = i * d;
          let kv = 0;
          for (let c = 0; c < d; c++) kv += set.data[o + c] * v[c];
          for (let r = 0; r < d; r++) w[r] -= (eta / m) * (set.data[o + r] * kv);
          continue;
        }
        const Hi = H[i];
        for (let r = 0; r < d; r++) {
          let s = 0;
          for (let c = 0; c < d; c++) s += Hi[r * d + c] * v[c];
          w[r] -= (eta / m) * s;
        }
      }
      let nrm = 0;
      for (let r = 0; r < d; r++) nrm += w[r] * w[r];
      nrm = Math.sqrt(nrm);
      if (nrm === 0) {
        acc = -Infinity;
        break;
      }
      for (let r = 0; r < d; r++) v[r] = w[r] / nrm;
      if (t >= skip) acc += pm.log(nrm);
    }
    means.push(acc / steps);
  }
  const half = chains / 2;
  const first = means.slice(0, half).reduce((a, b) => a + b, 0) / half;
  const second = means.slice(half).reduce((a, b) => a + b, 0) / half;
  const mean = means.reduce((a, b) => a + b, 0) / chains;
  const varc = means.reduce((a, b) => a + (b - mean) ** 2, 0) / (chains - 1);
  const spread = Math.sqrt(varc / chains);
  const bias = Number.isFinite(first - second) ? Math.abs(first - second) / 2 : 0;
  return { value: mean, exact: false, stderr: Math.sqrt(spread * spread + bias * bias), bias, method: `Monte Carlo (${chains} segments × ${steps} steps after ${burn}; error includes the drift between halves)` };
}
