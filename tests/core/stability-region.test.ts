import { describe, expect, it } from 'vitest';
import { batchFactor } from '../../src/core/batch-factor';
import {
  batchForHeight,
  exactRegionBoundary,
  insideExactRegion1D,
  insideRectangle,
  secondMomentFactor1D,
  stabilityRectangle,
} from '../../src/core/stability-region';

describe('the stability rectangle (Wu eq. 9)', () => {
  it("has height √(B(n−1)/(n−B))/η without replacement", () => {
    for (const [eta, n, B] of [
      [0.1, 1000, 4],
      [0.5, 50, 25],
      [0.01, 60000, 4],
    ]) {
      const r = stabilityRectangle(eta, n, B, 'without');
      expect(r.nonUniformityMax).toBeCloseTo(Math.sqrt((B * (n - 1)) / (n - B)) / eta, 10);
      expect(r.sharpnessMax).toBe(2 / eta);
    }
  });

  it('is about √B/η high for B ≪ n (Wu §4.2: CIFAR10, η = 0.01, B = 4 gives ≈ 200)', () => {
    expect(stabilityRectangle(0.01, 50000, 4, 'without').nonUniformityMax).toBeCloseTo(200, 0);
  });

  it('at B = n has unbounded height, leaving only GD’s strip', () => {
    const r = stabilityRectangle(0.7, 2, 2, 'without');
    expect(r.c).toBe(0);
    expect(r.nonUniformityMax).toBe(Infinity);
    expect(exactRegionBoundary(0.7, r.c)).toEqual([]);
  });

  it('with replacement uses c = 1/B', () => {
    expect(batchFactor(10, 4, 'with')).toBe(1 / 4);
    expect(stabilityRectangle(0.5, 10, 4, 'with').nonUniformityMax).toBeCloseTo(Math.sqrt(4) / 0.5, 12);
  });

  it('without replacement uses c = (n − B)/(B(n − 1))', () => {
    expect(batchFactor(1000, 4, 'without')).toBeCloseTo(996 / (4 * 999), 15);
  });

  it('shrinks only its height when B shrinks, and both sides when η grows (Wu Fig. 3)', () => {
    const a = stabilityRectangle(0.1, 1000, 10, 'without');
    const b = stabilityRectangle(0.1, 1000, 2, 'without');
    expect(b.sharpnessMax).toBe(a.sharpnessMax);
    expect(b.nonUniformityMax).toBeLessThan(a.nonUniformityMax);
    const c = stabilityRectangle(0.2, 1000, 10, 'without');
    expect(c.sharpnessMax).toBeLessThan(a.sharpnessMax);
    expect(c.nonUniformityMax).toBeLessThan(a.nonUniformityMax);
  });

  it('gives back B from its height (batchForHeight inverts the rectangle)', () => {
    for (const B of [1, 3, 17, 99]) {
      const r = stabilityRectangle(0.3, 100, B, 'without');
      expect(batchForHeight(r.nonUniformityMax, 0.3, 100, 'without')).toBeCloseTo(B, 9);
    }
    expect(batchForHeight(stabilityRectangle(0.3, 100, 7, 'with').nonUniformityMax, 0.3, 100, 'with')).toBeCloseTo(7, 9);
  });
});

describe('the exact 1D region (1 − ηa)² + η²c s² ≤ 1', () => {
  it('touches the rectangle’s top at a = 1/η', () => {
    const eta = 0.4;
    const c = batchFactor(50, 5, 'without');
    const rect = stabilityRectangle(eta, 50, 5, 'without');
    const top = exactRegionBoundary(eta, c).reduce((best, p) => (p[1] > best[1] ? p : best));
    expect(top[0]).toBeCloseTo(1 / eta, 10);
    expect(top[1]).toBeCloseTo(rect.nonUniformityMax, 10);
    expect(secondMomentFactor1D(1 / eta, rect.nonUniformityMax, eta, c)).toBeCloseTo(1, 12);
  });

  it('is inscribed in the rectangle: a point near a top corner is inside the rectangle yet unstable', () => {
    const eta = 0.5;
    const c = batchFactor(10, 2, 'without');
    const rect = stabilityRectangle(eta, 10, 2, 'without');
    const a = 0.95 * rect.sharpnessMax;
    const s = 0.95 * rect.nonUniformityMax;
    expect(insideRectangle(a, s, rect)).toBe(true);
    expect(insideExactRegion1D(a, s, eta, c)).toBe(false);
    for (const [pa, ps] of exactRegionBoundary(eta, c)) expect(insideRectangle(pa, ps * (1 - 1e-12), rect)).toBe(true);
  });

  it("puts Wu's toy minimum x* = 1 (a = 2, s = 1.8) outside at η = 0.7, B = 1, with factor 1.7476", () => {
    expect(secondMomentFactor1D(2, 1.8, 0.7, 1)).toBeCloseTo(1.7476, 12);
    expect(insideExactRegion1D(2, 1.8, 0.7, 1)).toBe(false);
  });
});
