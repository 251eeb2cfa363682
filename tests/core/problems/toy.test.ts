import { describe, expect, it } from 'vitest';
import { ToyProblem } from '../../../src/core/problems/toy';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';

const settings = { eta: 0.7, B: 1, sampling: 'without' as const, radius: 1e-3, escape: 0.5, seed: 1 };

describe("Wu's two-minima toy", () => {
  const toy = new ToyProblem([0.1, 1.9]);

  it('has minima at 0 and 1, both fixed points of SGD', () => {
    expect(toy.minima.map((m) => m.x[0])).toEqual([0, 1]);
    expect(toy.minima.every((m) => m.fixedPoint)).toBe(true);
    const g = new Float64Array(1);
    for (const m of toy.minima) for (let i = 0; i < toy.n; i++) {
      toy.componentGradient(i, m.x, g);
      expect(g[0]).toBe(0);
    }
  });

  it('at x* = 1 has a = 2 and s = 1.8 (the paper’s text says f” = 1: it drops a factor 2)', () => {
    const t = analyseMinimum(toy, toy.minima[1], settings);
    expect(t.sharpness).toBeCloseTo(2, 14);
    expect(t.nonUniformity).toBeCloseTo(1.8, 14);
  });

  it('at x* = 0 has a = 2 and s = 0', () => {
    const t = analyseMinimum(toy, toy.minima[0], settings);
    expect(t.sharpness).toBe(2);
    expect(t.nonUniformity).toBe(0);
  });

  it('takes the branch named first (x²) at an exact tie', () => {
    // x² = b(x−1)² at x = 1/(1+1/√b)… pick b = 1: tie at x = 0.5
    const t = new ToyProblem([1]);
    const g = new Float64Array(1);
    t.componentGradient(0, Float64Array.of(0.5), g);
    expect(g[0]).toBe(1); // 2x, not 2b(x−1) = −1
  });

  it('has batch and full gradients equal to the mean of component gradients', () => {
    const x = Float64Array.of(0.8);
    const g = new Float64Array(1);
    const gi = new Float64Array(1);
    let mean = 0;
    for (let i = 0; i < toy.n; i++) {
      toy.componentGradient(i, x, gi);
      mean += gi[0] / toy.n;
    }
    toy.fullGradient(x, g);
    expect(g[0]).toBeCloseTo(mean, 15);
    toy.batchGradient(x, Int32Array.of(0, 1), 2, g);
    expect(g[0]).toBeCloseTo(mean, 15);
  });
});
