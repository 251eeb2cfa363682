import { describe, expect, it } from 'vitest';
import { diagonalNetwork, DiagonalNetworkModel, DLN_INIT_SCALES } from '../../../src/core/problems/diagonal-network';
import { SquareLossProblem } from '../../../src/core/problems/square-loss';

/**
 * The minima's GD as it was written before it was fused: SquareLossProblem's own loss and
 * full gradient, called per sample. The problem's fast loop must reach the same bits.
 */
function genericGdLimit(problem: SquareLossProblem, alpha: number): { theta: Float64Array; loss: number } {
  const p = problem.dim;
  const theta = new Float64Array(p).fill(alpha);
  const g = new Float64Array(p);
  const trial = new Float64Array(p);
  let step = 0.1;
  let loss = problem.loss(theta);
  const iters = Math.max(500, Math.min(20000, Math.floor(2e8 / (problem.n * p))));
  for (let iter = 0; iter < iters && loss > 1e-20; iter++) {
    problem.fullGradient(theta, g);
    let g2 = 0;
    for (let j = 0; j < p; j++) g2 += g[j] * g[j];
    for (;;) {
      for (let j = 0; j < p; j++) trial[j] = theta[j] - step * g[j];
      const l = problem.loss(trial);
      if (l <= loss - 0.5 * step * g2 || step < 1e-12) {
        theta.set(trial);
        loss = l;
        step *= 1.5;
        break;
      }
      step *= 0.5;
    }
  }
  return { theta, loss };
}

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe("the diagonal network's minima", () => {
  it.each([
    [20, 40, 1],
    [7, 13, 3],
    [9, 2, 5],
    [200, 500, 1],
  ])('are the generic GD limits to the last bit (n = %i, k = %i, pseed = %i)', (n, k, pseed) => {
    const problem = diagonalNetwork(n, k, pseed);
    const reference = new SquareLossProblem('dln', new DiagonalNetworkModel(n, k, pseed), []);
    const limits = DLN_INIT_SCALES.map((alpha) => genericGdLimit(reference, alpha));
    // Every listed minimum is one of the limits, in order (a duplicate limit is listed once).
    let at = 0;
    for (const m of problem.minima) {
      while (at < limits.length && bits(limits[at].theta) !== bits(m.x)) at++;
      expect(at, `${m.label} is not a generic limit in order`).toBeLessThan(limits.length);
      expect(m.label).toBe(`GD limit from α = ${DLN_INIT_SCALES[at]}`);
      expect(m.fixedPoint).toBe(limits[at].loss < 1e-16);
      at++;
    }
    expect(problem.minima.length).toBeGreaterThan(0);
  });
});
