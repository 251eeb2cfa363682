import { describe, expect, it } from 'vitest';
import { CircleProblem } from '../../../src/core/problems/circle';
import { decodeQuery } from '../../../src/core/params/query';
import { simulateConfig } from '../../../src/core/simulate';

const sim = (q: string) => simulateConfig(decodeQuery(q).config);
const quad = (model: number, eta: number) =>
  sim(`problem=circle&model=${model}&eta=${eta}&B=1&sampling=with&start=1&runs=100&steps=100&radius=1e-8&escape=1&opt=sgd`).runs.sgd!;

describe("Patel's quadratic-circle sums", () => {
  it('have Hᵢ = diag(0, 2q₁ᵢ) at the quad minimum (0, −15), so a = 2·mean q₁', () => {
    const p = new CircleProblem(1, 1e-8);
    const h = new Float64Array(4);
    for (let i = 0; i < p.n; i++) {
      p.componentHessian(i, p.minima[1].x, h);
      expect(Array.from(h, (v) => v + 0)).toEqual([0, 0, 0, 2 * p.q1[i]]);
    }
  });

  it('have both minima as fixed points: every component gradient vanishes there', () => {
    const p = new CircleProblem(3, 1e-8);
    const g = new Float64Array(2);
    for (const m of p.minima) for (let i = 0; i < p.n; i++) {
      p.componentGradient(i, m.x, g);
      expect(Math.hypot(g[0], g[1])).toBe(0);
    }
  });

  it('Model 1: SGD-1 stays at the quad minimum for α = 4 and leaves it for α = 16', () => {
    expect(quad(1, 4).escaped).toBe(0);
    expect(quad(1, 16).escaped).toBe(100);
  });

  it('Model 2: SGD-1 stays at the quad minimum for α = 256 and leaves it for α = 1024', () => {
    expect(quad(2, 256).escaped).toBe(0);
    expect(quad(2, 1024).escaped).toBe(100);
  });

  it('keep every iterate in the box (−10, 10) × (−20, 15)', () => {
    const out = sim('problem=circle&model=1&eta=64&B=1&sampling=with&start=1&runs=50&steps=60&radius=1e-8&opt=sgd');
    expect(out.runs.sgd!.diverged).toBe(0);
  });

  it('show a documented curvature estimate at the flat circular minimum, not its exact zero Hessian', () => {
    const out = sim('problem=circle&model=1&eta=1&start=0');
    expect(out.minima[0].hessian).toBe('estimate');
    expect(out.minima[0].hessianNote).toMatch(/averaged over the disc/);
    expect(out.minima[0].sharpness).toBeGreaterThan(0);
  });
});
