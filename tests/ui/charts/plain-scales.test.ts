import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearProject, logProject } from '../../../src/ui/charts/plain-scales';

/** Values in, between and far outside the domains below, on both sides. */
const values = (lo: number, hi: number) => {
  const out = [lo, hi, lo / 1e3, hi * 1e3, 1e-300, 1e300];
  for (let i = 0; i <= 200; i++) out.push(lo * Math.pow(hi / lo, i / 200) * (1 + Math.sin(i) * 1e-3));
  return out;
};

describe('the plain projections', () => {
  it.each([
    [0, 1000, 40, 900],
    [0, 3.7e6, 62.5, 1811.25],
    [-2, 5, 500, 20],
    [5, 5, 0, 100],
    [9, -3, 0, 100],
  ])('give a linear scale over [%d, %d] → [%d, %d] to the last bit, clamped or not', (d0, d1, r0, r1) => {
    for (const clamp of [false, true]) {
      const d3 = scaleLinear().domain([d0, d1]).range([r0, r1]).clamp(clamp);
      const mine = linearProject(d0, d1, r0, r1, clamp);
      for (const v of [...values(1e-3, 1e7), -7, 0, -1e9]) expect(Object.is(mine(v), d3(v)), `v = ${v}`).toBe(true);
    }
  });

  it.each([
    [1e-8, 10, 500, 20],
    [3.2e-300, 1e300, 480.5, 12],
    [1e-2, 1e-2, 0, 100],
    [7, 0.1, 0, 100],
  ])('give a log scale over [%d, %d] → [%d, %d] to the last bit, clamped or not', (d0, d1, r0, r1) => {
    for (const clamp of [false, true]) {
      const d3 = scaleLog().domain([d0, d1]).range([r0, r1]).clamp(clamp);
      const mine = logProject(d0, d1, r0, r1, clamp);
      for (const v of values(1e-9, 1e9)) expect(Object.is(mine(v), d3(v)), `v = ${v}`).toBe(true);
    }
  });
});
