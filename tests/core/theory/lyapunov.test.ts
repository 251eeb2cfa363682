import { describe, expect, it } from 'vitest';
import { ToyProblem } from '../../../src/core/problems/toy';
import { randomQuadratic } from '../../../src/core/problems/random-quadratic';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';
import { lyapunov1D } from '../../../src/core/theory/lyapunov';

const at = (eta: number) => ({ eta, B: 1, sampling: 'without' as const, radius: 1e-5, escape: 0.1, seed: 1 });

describe('the top Lyapunov exponent Λ', () => {
  const toy = new ToyProblem([0.1, 1.9]);

  it("on the toy at x* = 1 (B = 1) crosses 0 near η ≈ 0.5595, after the mean-square threshold 4/7.24 ≈ 0.5525", () => {
    const msThreshold = 4 / 7.24;
    expect(analyseMinimum(toy, toy.minima[1], at(msThreshold)).spectralRadius).toBeCloseTo(1, 12);
    expect(analyseMinimum(toy, toy.minima[1], at(0.559)).lyapunov.value).toBeLessThan(0);
    expect(analyseMinimum(toy, toy.minima[1], at(0.56)).lyapunov.value).toBeGreaterThan(0);
  });

  it('at η = 0.555 is −0.0071 while the second moment grows by 1.0101 a step (docs/theory.md#mean-square-and-almost-sure-stability)', () => {
    const t = analyseMinimum(toy, toy.minima[1], at(0.555));
    expect(t.lyapunov.exact).toBe(true);
    expect(t.lyapunov.value).toBeCloseTo(-0.0071, 4);
    expect(t.spectralRadius).toBeCloseTo(1.0101, 4);
  });

  it('is at most ½ ln ρ(𝒯)', () => {
    for (const eta of [0.3, 0.555, 0.7, 1.1]) {
      const t = analyseMinimum(toy, toy.minima[1], at(eta));
      expect(t.lyapunov.value).toBeLessThanOrEqual(0.5 * Math.log(t.spectralRadius) + 1e-12);
    }
    const p = randomQuadratic(3, 8, 2);
    const t = analyseMinimum(p, p.minima[0], { ...at(0.8), seed: 4 });
    expect(t.lyapunov.exact).toBe(false);
    expect(t.lyapunov.value).toBeLessThanOrEqual(0.5 * Math.log(t.spectralRadius) + 3 * t.lyapunov.stderr);
  });

  it('sums exactly over hypergeometric batch counts for two curvatures, matching full enumeration', () => {
    const h = Float64Array.from([0.5, 0.5, 0.5, 3, 3, 3, 3]);
    const p = new Float64Array(7).fill(1 / 7);
    const two = lyapunov1D(h, p, 0.6, 3, 'without', 1);
    const h3 = Float64Array.from([0.5, 0.5, 0.5, 3, 3, 3, 3 + 1e-15]); // three distinct values: enumeration
    const all = lyapunov1D(h3, p, 0.6, 3, 'without', 1);
    expect(two.method).toContain('hypergeometric');
    expect(all.method).toContain('all 35 batches');
    expect(two.value).toBeCloseTo(all.value, 12);
  });

  it('estimates by Monte Carlo, with a standard error, when batches are too many to enumerate', () => {
    const h = Float64Array.from({ length: 60 }, (_, i) => 0.1 + (i % 7) * 0.5 + i * 1e-3);
    const p = new Float64Array(60).fill(1 / 60);
    const l = lyapunov1D(h, p, 0.5, 10, 'without', 3);
    expect(l.exact).toBe(false);
    expect(l.stderr).toBeGreaterThan(0);
    expect(l.stderr).toBeLessThan(0.01);
  });
});
