import { describe, expect, it } from 'vitest';
import { QuadraticProblem } from '../../../src/core/problems/quadratic';
import { randomQuadratic } from '../../../src/core/problems/random-quadratic';
import { ToyProblem } from '../../../src/core/problems/toy';
import { Mulberry32 } from '../../../src/core/rng';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';
import { hessianSet, moments } from '../../../src/core/theory/hessian-set';
import { SecondMomentOperator } from '../../../src/core/theory/second-moment';
import { spectralRadius } from '../../../src/core/theory/spectral-radius';

const at = (eta: number, B: number, sampling: 'with' | 'without' = 'without') => ({ eta, B, sampling, radius: 1e-3, escape: 1, seed: 3 });

describe('the second-moment operator 𝒯 and ρ(𝒯)', () => {
  it("gives SGD's ρ = 1.7476 on the toy at x* = 1, η = 0.7, B = 1, and GD's factor 0.16", () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const sgd = analyseMinimum(toy, toy.minima[1], at(0.7, 1));
    expect(sgd.spectralRadius).toBeCloseTo(1.7476, 12);
    expect(sgd.stableSGD).toBe(false);
    expect(sgd.stableGD).toBe(true);
    const gd = analyseMinimum(toy, toy.minima[1], at(0.7, 2));
    expect(gd.spectralRadius).toBeCloseTo(0.16, 12);
  });

  it("equals Theorem 1's eigenvalue in 1D", () => {
    const q = new QuadraticProblem([0.2, 3.8, 1.1, 0.4, 2.5].map((h) => Float64Array.of(h)), 1);
    for (const [eta, B] of [
      [0.3, 1],
      [0.7, 2],
      [1.2, 4],
    ]) {
      const t = analyseMinimum(q, q.minima[0], at(eta, B));
      expect(t.spectralRadius).toBeCloseTo(t.theorem1, 13);
    }
  });

  it("is at most Theorem 1's eigenvalue in d > 1 (strictly, for non-commuting Hᵢ)", () => {
    for (const d of [2, 3, 5]) {
      const p = randomQuadratic(d, 12, d);
      const t = analyseMinimum(p, p.minima[0], at(0.9, 1));
      expect(t.spectralRadius).toBeLessThanOrEqual(t.theorem1 * (1 + 1e-12));
      expect(t.spectralRadius).toBeLessThan(t.theorem1 - 1e-6);
    }
  });

  it('is the same by the dense eigen-solve and by power iteration', () => {
    const p = randomQuadratic(6, 10, 11);
    const set = hessianSet(p, p.minima[0], false);
    const m = moments(set);
    const dense = spectralRadius(set, m, 0.8, 0.5);
    expect(dense.method).toBe('dense eigen-solve');
    // power iteration on the same operator, by hand
    const op = new SecondMomentOperator(set, m, 0.8, 0.5);
    let P = new Float64Array(36);
    for (let i = 0; i < 6; i++) P[i * 7] = 1;
    let next = new Float64Array(36);
    let nrm = 0;
    for (let iter = 0; iter < 3000; iter++) {
      op.apply(P, next);
      nrm = Math.hypot(...next);
      for (let q = 0; q < 36; q++) next[q] /= nrm;
      [P, next] = [next, P];
    }
    expect(nrm).toBeCloseTo(dense.value, 10);
  });

  it('predicts the growth of E‖x_t‖² of linearised SGD: Monte Carlo lands within its statistical error of ρ(𝒯)^T', () => {
    // Start from the Perron eigenvector P* of 𝒯 (x₀ ~ N(0, P*)): then E‖x_T‖² = ρ^T tr P* exactly.
    for (const [d, B, eta, pseed] of [
      [2, 1, 1.4, 5],
      [3, 1, 1.1, 6],
      [3, 2, 1.6, 7],
    ]) {
      const p = randomQuadratic(d, 6, pseed);
      const t = analyseMinimum(p, p.minima[0], at(eta, B));
      const set = hessianSet(p, p.minima[0], false);
      const op = new SecondMomentOperator(set, moments(set), eta, t.c);
      let P = new Float64Array(d * d);
      for (let i = 0; i < d; i++) P[i * d + i] = 1;
      let next = new Float64Array(d * d);
      for (let iter = 0; iter < 4000; iter++) {
        op.apply(P, next);
        const nrm = Math.hypot(...next);
        for (let q = 0; q < d * d; q++) next[q] /= nrm;
        [P, next] = [next, P];
      }
      const L = cholesky(P, d);
      let trP = 0;
      for (let i = 0; i < d; i++) trP += P[i * d + i];
      const T = 4;
      const K = 100_000;
      const rng = new Mulberry32(1234 + d, B);
      const x = new Float64Array(d);
      const z = new Float64Array(d);
      const g = new Float64Array(d);
      const idx = new Int32Array(B);
      const perm = Int32Array.from({ length: p.n }, (_, i) => i);
      let s = 0;
      let s2 = 0;
      for (let k = 0; k < K; k++) {
        for (let i = 0; i < d; i++) z[i] = rng.normal();
        for (let i = 0; i < d; i++) {
          x[i] = 0;
          for (let j = 0; j <= i; j++) x[i] += L[i * d + j] * z[j];
        }
        for (let step = 0; step < T; step++) {
          for (let j = 0; j < B; j++) {
            const r = j + rng.int(p.n - j);
            [perm[j], perm[r]] = [perm[r], perm[j]];
            idx[j] = perm[j];
          }
          p.batchGradient(x, idx, B, g);
          for (let i = 0; i < d; i++) x[i] -= eta * g[i];
        }
        let n2 = 0;
        for (let i = 0; i < d; i++) n2 += x[i] * x[i];
        s += n2 / trP;
        s2 += (n2 / trP) ** 2;
      }
      const mean = s / K;
      const se = Math.sqrt((s2 / K - mean * mean) / K);
      expect(Math.abs(mean - t.spectralRadius ** T)).toBeLessThan(4 * se);
      // and the test can tell: Theorem 1's bound is many errors away
      expect(Math.abs(mean - t.theorem1 ** T)).toBeGreaterThan(4 * se);
    }
  });
});

function cholesky(P: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = P[i * d + j];
      for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = i === j ? Math.sqrt(Math.max(s, 0)) : L[j * d + j] > 0 ? s / L[j * d + j] : 0;
    }
  }
  return L;
}
