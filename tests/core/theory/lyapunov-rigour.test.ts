import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { Mulberry32 } from '../../../src/core/rng';
import { simulateQuery } from '../../../src/core/simulate';
import { hessianSet, moments, type HessianSet } from '../../../src/core/theory/hessian-set';
import { logBinomial, lyapunov, lyapunov1D } from '../../../src/core/theory/lyapunov';
import { noiseFloor } from '../../../src/core/theory/noise-floor';
import { SecondMomentOperator } from '../../../src/core/theory/second-moment';
import { spectralRadius } from '../../../src/core/theory/spectral-radius';

// Loading mathjs can take seconds on a busy machine.
beforeAll(async () => {
  await loadFormulaCompiler();
}, 60_000);

describe('Λ uses the sampling weights', () => {
  it('with replacement the weights pᵢ enter the sum: n = 3, B = 12 (3¹² ordered batches, 91 compositions) equals the multinomial sum', () => {
    const h = Float64Array.of(0.5, 2, 4);
    const p = Float64Array.of(0.7, 0.2, 0.1);
    const eta = 0.35;
    const B = 12;
    const l = lyapunov1D(h, p, eta, B, 'with', 1);
    expect(l.exact).toBe(true);
    let exact = 0;
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    for (let a = 0; a <= B; a++)
      for (let b = 0; a + b <= B; b++) {
        const c = B - a - b;
        const pr = (fact(B) / (fact(a) * fact(b) * fact(c))) * p[0] ** a * p[1] ** b * p[2] ** c;
        exact += pr * Math.log(Math.abs(1 - (eta * (a * h[0] + b * h[1] + c * h[2])) / B));
      }
    // (η = 0.35 keeps every batch mean off 1/η, where ln|1 − ηh| is −∞.)
    expect(Math.abs(l.value - exact)).toBeLessThan(1e-12);
  });

  it('Monte Carlo with replacement (beyond 10⁶ compositions) draws indices by pᵢ: weighted and uniform differ by many errors', () => {
    const n = 60;
    const h = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.05 * i);
    const skewed = Float64Array.from({ length: n }, (_, i) => (i < 10 ? 0.09 : 0.1 / 50));
    const weighted = lyapunov1D(h, skewed, 0.9, 8, 'with', 1);
    const uniform = lyapunov1D(h, new Float64Array(n).fill(1 / n), 0.9, 8, 'with', 1);
    expect([weighted.exact, uniform.exact]).toEqual([false, false]);
    expect(Math.abs(weighted.value - uniform.value)).toBeGreaterThan(20 * (weighted.stderr + uniform.stderr));
  });

  it('the chains of a d > 1 set draw by pᵢ too', () => {
    // Two non-commuting 2×2 components, weighted 0.9 / 0.1: the chains must sit near the
    // weighted exponent, far from the uniform one.
    const set = (p: number[]): HessianSet => ({ d: 2, n: 2, p: Float64Array.from(p), diagonal: false, data: Float64Array.of(1, 0.3, 0.3, 0.5, 3, -0.2, -0.2, 2) });
    const weighted = lyapunov(set([0.9, 0.1]), 0.4, 1, 'with', 3);
    const uniform = lyapunov(set([0.5, 0.5]), 0.4, 1, 'with', 3);
    expect(Math.abs(weighted.value - uniform.value)).toBeGreaterThan(20 * (weighted.stderr + uniform.stderr));
  });
});

describe('binomials in log space', () => {
  it('the hypergeometric Λ at n = 1100, B = 550 is finite and exact', () => {
    const out = simulateQuery('problem=point&a=2&s=1.8&n=1100&eta=0.3&B=550&runs=1&steps=1');
    const l = out.minima[0].lyapunov;
    expect(l.method).toBe('exact (hypergeometric)');
    expect(Number.isFinite(l.value)).toBe(true);
    // Batch means concentrate on the mean curvature a = 2 as B grows: Λ is close to ln|1 − 2η|.
    expect(Math.abs(l.value - Math.log(0.4))).toBeLessThan(0.02);
    expect(logBinomial(1100, 550)).toBeCloseTo(758.3, 0);
  });
});

describe('Monte Carlo Λ with close exponents', () => {
  // d = 120 (so the chains are short, 200 steps): one direction grows at Λ₁ ≈ −0.2200, the
  // other 119 at ≈ −0.2366, with small couplings. A random start needs ~1/(Λ₁ − Λ₂) ≈ 60 steps
  // and more to turn; chains restarted from random directions were biased by about 0.008.
  function closeSet(): HessianSet {
    const d = 120;
    const g = new Mulberry32(3, 0, 0);
    const data = new Float64Array(2 * d * d);
    for (let i = 0; i < 2; i++)
      for (let r = 0; r < d; r++)
        for (let c = r; c < d; c++) {
          const v = r === c ? (i === 0 ? 0.5 : r === 0 ? 3.2 : 3.15) : 0.0005 * g.normal();
          data[i * d * d + r * d + c] = v;
          data[i * d * d + c * d + r] = v;
        }
    return { d, n: 2, p: Float64Array.of(0.5, 0.5), diagonal: false, data };
  }

  it('the stated error covers the distance to a long reference product', () => {
    const set = closeSet();
    const d = set.d;
    const l = lyapunov(set, 0.6, 1, 'with', 1);
    // Reference: one product of 30 000 steps after 10 000 of burn-in, its own error from batch means.
    const g = new Mulberry32(999, 5, 0);
    let v = Float64Array.from({ length: d }, () => g.normal());
    const w = new Float64Array(d);
    const batch: number[] = [];
    let acc = 0;
    for (let t = 0; t < 40_000; t++) {
      const o = g.int(2) * d * d;
      for (let r = 0; r < d; r++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += set.data[o + r * d + c] * v[c];
        w[r] = v[r] - 0.6 * s;
      }
      let nr = 0;
      for (let r = 0; r < d; r++) nr += w[r] * w[r];
      nr = Math.sqrt(nr);
      v = Float64Array.from(w, (x) => x / nr);
      if (t >= 10_000) {
        acc += Math.log(nr);
        if ((t - 10_000 + 1) % 3000 === 0) {
          batch.push(acc / 3000);
          acc = 0;
        }
      }
    }
    const ref = batch.reduce((a, b) => a + b, 0) / batch.length;
    const refErr = Math.sqrt(batch.reduce((a, b) => a + (b - ref) ** 2, 0) / (batch.length - 1) / batch.length);
    // 2.5 combined standard errors (a 1.2% false-alarm rate for an unbiased estimate; the
    // seeds are fixed, so the test cannot flake). Chains restarted from random directions
    // with the spread as their error were 3.3 of theirs away.
    expect(Math.abs(l.value - ref)).toBeLessThan(2.5 * Math.hypot(l.stderr, refErr));
    expect(l.bias).toBeDefined();
  }, 60_000);
});

describe('numbers labelled as exactly as they are', () => {
  it("the circle's disc-averaged Hessians are multiples of I: Λ is summed exactly over them, and labelled an estimate since they are one", () => {
    const out = simulateQuery('problem=circle&model=1&eta=8&B=1&sampling=with&runs=1&steps=1&start=0');
    const circle = out.minima[0];
    expect(circle.label).toBe('circle (0, 0)');
    expect(circle.hessian).toBe('estimate');
    expect(circle.lyapunov.exact).toBe(false);
    expect(circle.lyapunov.method).toBe('exact (B = 1); of the estimated Hᵢ, so an estimate');
    expect(circle.spectralRadiusMethod).toMatch(/of the estimated Hᵢ, so an estimate$/);
  });

  it('the noise floor says when its fixed-point iteration stopped at the cap', () => {
    // An inhomogeneous 2D minimum with non-commuting component Hessians.
    const { problem } = buildProblem(decodeQuery('problem=custom&f=(x-1)^2%2Bx*y%2By^2;(x%2B1)^2-x*y%2B2*y^2&eta=0.2&B=1&sampling=with').config);
    const minimum = problem.minima[0];
    const set = hessianSet(problem, minimum, true);
    const m = moments(set);
    const rho = spectralRadius(set, m, 0.2, 1).value;
    expect(rho).toBeLessThan(1);
    const op = new SecondMomentOperator(set, m, 0.2, 1);
    const full = noiseFloor(problem, minimum, set, op, rho, 0.2, 1);
    expect(full.converged).toBe(true);
    expect(full.iterations).toBeGreaterThan(3);
    const capped = noiseFloor(problem, minimum, set, op, rho, 0.2, 1, 3);
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
    expect(capped.spread!).toBeLessThan(full.spread!);
    const json = simulateQuery('problem=custom&f=(x-1)^2%2Bx*y%2By^2;(x%2B1)^2-x*y%2B2*y^2&eta=0.2&B=1&sampling=with&runs=1&steps=1').minima[0].noise;
    expect(json?.converged).toBe(true);
  });
});
