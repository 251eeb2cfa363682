import { describe, expect, it } from 'vitest';
import { SgdRun, type RunSpec } from '../../../src/core/engine/sgd-run';
import { pointProblem } from '../../../src/core/problems/point';
import type { Problem } from '../../../src/core/problems/problem';
import { ToyProblem } from '../../../src/core/problems/toy';

/** The same problem without batchGradient1D: SgdRun then takes its general loop. */
function general(p: Problem): Problem {
  return {
    kind: p.kind,
    dim: p.dim,
    n: p.n,
    weights: p.weights,
    domain: p.domain,
    project: p.project,
    minima: p.minima,
    notes: p.notes,
    component: (i, x) => p.component(i, x),
    batchGradient: (x, idx, m, g) => p.batchGradient(x, idx, m, g),
    fullGradient: (x, g) => p.fullGradient(x, g),
    componentGradient: (i, x, g) => p.componentGradient(i, x, g),
    componentHessian: (i, x, out) => p.componentHessian(i, x, out),
    loss: (x) => p.loss(x),
  };
}

const run = (p: Problem, over: Partial<RunSpec>, x0: number) =>
  new SgdRun(p, { opt: 'sgd', eta: 0.7, B: 1, sampling: 'without', center: Float64Array.of(1), escapeRadius: 0.5, historyBudget: 16, seed: 3, runIndex: 2, ...over }, Float64Array.of(x0));

function state(r: SgdRun) {
  const h = r.history?.snapshot();
  return { x: Array.from(r.x), t: r.t, escapeStep: r.escapeStep, divergedStep: r.divergedStep, history: h && { step: Array.from(h.step), loss: Array.from(h.loss), dist: Array.from(h.dist) } };
}

describe("SgdRun's loop for 1D problems with B = 1 (batchGradient1D)", () => {
  const cases: Array<[string, Problem, Partial<RunSpec>, number]> = [
    ['the toy escaping x* = 1 (η = 0.7)', new ToyProblem([0.1, 1.9]), {}, 1.0004],
    ['the toy staying (η = 0.3, with replacement)', new ToyProblem([0.1, 1.9, 0.5]), { eta: 0.3, sampling: 'with' }, 0.9999],
    ['the toy diverging (η = 40)', new ToyProblem([0.1, 1.9]), { eta: 40 }, 1.2],
    ['a point problem (n = 1000) at rest', pointProblem(2, 1.8, 1000).problem, { eta: 0.3, center: Float64Array.of(0), historyBudget: 0 }, 1e-3],
    ['a point problem diverging', pointProblem(2, 5, 7).problem, { eta: 2, center: Float64Array.of(0) }, -1e-3],
    ['a point problem started at −0', pointProblem(2, 5, 7).problem, { eta: 0.1, center: Float64Array.of(0) }, -0],
  ];

  it.each(cases)('takes the same steps as the general loop: %s', (_name, p, over, x0) => {
    expect(p.batchGradient1D).toBeTypeOf('function');
    const fast = run(p, over, x0);
    const slow = run(general(p), over, x0);
    for (const k of [1, 7, 64, 1000, 5000]) {
      expect(fast.advance(k)).toBe(slow.advance(k));
      expect(state(fast)).toEqual(state(slow));
      for (let j = 0; j < fast.x.length; j++) expect(Object.is(fast.x[j], slow.x[j])).toBe(true);
    }
  });

  it('batchGradient1D(i, v) is what batchGradient leaves in g[0] for the index i, bit for bit', () => {
    const toy = new ToyProblem([0.1, 1.9, 0.37]);
    const point = pointProblem(2, 1.8, 5).problem;
    const g = new Float64Array(1);
    for (const p of [toy, point]) {
      for (const v of [-0, 0, 1, 1e-300, -2.5, 0.999999, 1e150, -1e-320]) {
        for (let i = 0; i < p.n; i++) {
          p.batchGradient(Float64Array.of(v), Int32Array.of(i), 1, g);
          expect(Object.is(p.batchGradient1D!(i, v), g[0])).toBe(true);
        }
      }
    }
  });
});
