import { describe, expect, it } from 'vitest';
import { StyblinskiProblem, quarticMinima } from '../../../src/core/problems/styblinski';
import { decodeQuery } from '../../../src/core/params/query';
import { simulateConfig } from '../../../src/core/simulate';

describe("Patel's Styblinski–Tang sums", () => {
  it('have 2^d minima, each a stationary point of the mean with positive curvature', () => {
    const p = new StyblinskiProblem(4, 50, 1);
    expect(p.minima.length).toBe(16);
    const g = new Float64Array(4);
    for (const m of p.minima) {
      p.fullGradient(m.x, g);
      expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-9);
    }
  });

  it('are inhomogeneous: the minima are not fixed points of SGD, and the core says so', () => {
    const p = new StyblinskiProblem(3, 20, 2);
    expect(p.minima.every((m) => !m.fixedPoint)).toBe(true);
    const out = simulateConfig(decodeQuery('problem=styblinski&d=3&n=20&pseed=2&eta=0.01&B=1&runs=5&steps=50').config);
    for (const m of out.minima) {
      expect(m.fixedPoint).toBe(false);
      expect(m.noise!.gradientNoise).toBeGreaterThan(0);
    }
  });

  it('list the sharpest, the flattest and a sample beyond a few thousand minima', () => {
    const p = new StyblinskiProblem(20, 40, 1);
    expect(p.enumerated).toBe('sample');
    expect(p.minima[0].label).toMatch(/^sharpest/);
    expect(p.minima[1].label).toMatch(/^flattest/);
  });

  it('find both local minima of a classic Styblinski–Tang coordinate', () => {
    const { roots } = quarticMinima(1, -16, 5);
    expect(roots.length).toBe(2);
    expect(roots[0]).toBeCloseTo(-2.903534, 5);
    expect(roots[1]).toBeCloseTo(2.746803, 5);
  });
});
