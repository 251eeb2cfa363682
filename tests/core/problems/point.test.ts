import { describe, expect, it } from 'vitest';
import { pointProblem, realisePoint } from '../../../src/core/problems/point';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';

describe('the point problem (a hand-placed (a, s) made runnable)', () => {
  it('realises its (a, s) exactly with two nonnegative curvature values', () => {
    for (const [a, s, n] of [
      [2, 1.8, 2],
      [19.7, 45.2, 1000],
      [0.5, 0.1, 7],
      [3, 10, 50],
    ]) {
      const r = realisePoint(a, s, n);
      expect(r.exact).toBe(true);
      expect(r.a).toBeCloseTo(a, 10);
      expect(r.s).toBeCloseTo(s, 10);
      expect(new Set(r.curvatures).size).toBeLessThanOrEqual(2);
      expect(Math.min(...r.curvatures)).toBeGreaterThanOrEqual(0);
    }
  });

  it('and the theory reads the same (a, s) back from the built problem', () => {
    const { problem } = pointProblem(19.9, 51.7, 1200);
    const t = analyseMinimum(problem, problem.minima[0], { eta: 0.1, B: 100, sampling: 'without', radius: 1e-3, escape: 1, seed: 1 });
    expect(t.sharpness).toBeCloseTo(19.9, 9);
    expect(t.nonUniformity).toBeCloseTo(51.7, 9);
    expect(t.spectralRadius).toBeCloseTo(t.theorem1, 12);
  });

  it('reports the largest spread n allows when n is too small for s', () => {
    const r = realisePoint(1, 10, 3); // needs q ≤ 1/101 < 1/3
    expect(r.exact).toBe(false);
    expect(r.a).toBeCloseTo(1, 12);
    expect(r.s).toBeCloseTo(Math.sqrt(2), 12); // a√(n−1)
  });

  it('with n = 1 can only realise s = 0', () => {
    const r = realisePoint(2, 1, 1);
    expect(r.exact).toBe(false);
    expect(r.s).toBe(0);
    expect(realisePoint(2, 0, 1).exact).toBe(true);
  });
});
