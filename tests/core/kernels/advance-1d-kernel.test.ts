import { describe, expect, it } from 'vitest';
import { SgdRun, type RunSpec } from '../../../src/core/engine/sgd-run';
import { advanceKernelStats } from '../../../src/core/kernels/advance-1d-kernel';
import { setKernelPreference } from '../../../src/core/kernels/kernel-choice';
import type { Problem } from '../../../src/core/problems/problem';
import { pointProblem } from '../../../src/core/problems/point';
import { QuadraticProblem } from '../../../src/core/problems/quadratic';
import { ToyProblem } from '../../../src/core/problems/toy';
import { simulateQuery } from '../../../src/core/simulate';

/** A run stepped in slices of 700, as a worker does, under the given loop; everything it keeps. */
function runWith(loop: 'auto' | 'typescript', p: Problem, spec: RunSpec, x0: number, steps: number) {
  setKernelPreference(loop);
  const before = advanceKernelStats.steps;
  try {
    const run = new SgdRun(p, spec, Float64Array.of(x0));
    while (run.t < steps && !run.done) run.advance(Math.min(700, steps - run.t));
    // Under 'typescript' the kernel takes no step; under 'auto' it takes every stretch of 64 steps or more.
    if (loop === 'typescript') expect(advanceKernelStats.steps).toBe(before);
    return { x: run.x[0], t: run.t, escapeStep: run.escapeStep, divergedStep: run.divergedStep, history: run.history ? JSON.stringify(run.history) : null };
  } finally {
    setKernelPreference('auto');
  }
}

describe('SGD steps in the WebAssembly kernel', () => {
  const problems: Array<[string, Problem, number]> = [
    ['the toy', new ToyProblem([0.1, 1.9]), 1],
    ['the toy with eight components', new ToyProblem([0.1, 1.9, 0.3, 1.7, 0.1, 1.9, 0.5, 1.5]), 1],
    ['a 1D quadratic sum (point, n = 9)', pointProblem(2, 1.5, 9).problem, 0],
    ['a 1D quadratic sum with a negative hᵢ', new QuadraticProblem([Float64Array.of(3), Float64Array.of(-1), Float64Array.of(0.5)], 1), 0],
  ];
  for (const [name, problem, start] of problems) {
    it(`ends where the TypeScript steps end, bit for bit, for ${name} (escapes, divergence, histories, both generators)`, () => {
      let moved = 0;
      const before = advanceKernelStats.steps;
      for (const rng of ['xoshiro128**', 'mulberry32'] as const) {
        for (const eta of [0.05, 0.4, 0.7, 1.3]) {
          // No history (one stretch per slice), 128 points (long stretches), 2000 points over 3000 steps (stretches too short: TypeScript steps between).
          for (const historyBudget of [0, 128, 2000]) {
            const spec: RunSpec = { opt: 'sgd', eta, B: 1, sampling: 'with', center: problem.minima[start].x, escapeRadius: 0.5, historyBudget, seed: 7, runIndex: 3, rng };
            const x0 = problem.minima[start].x[0] + 1e-3;
            const wasm = runWith('auto', problem, spec, x0, 3000);
            const ts = runWith('typescript', problem, spec, x0, 3000);
            expect(wasm).toEqual(ts);
            expect(Object.is(wasm.x, ts.x)).toBe(true);
            if (wasm.x !== x0) moved++;
          }
        }
      }
      expect(moved).toBeGreaterThan(0);
      expect(advanceKernelStats.steps - before).toBeGreaterThan(10_000);
    });
  }

  it('takes long stretches between a history’s points: 2·10⁵ steps with 128 points, the same as TypeScript', () => {
    const toy = new ToyProblem([0.1, 1.9]);
    for (const rng of ['xoshiro128**', 'mulberry32'] as const) {
      const spec: RunSpec = { opt: 'sgd', eta: 0.3, B: 1, sampling: 'without', center: toy.minima[1].x, escapeRadius: 0.5, historyBudget: 128, seed: 5, runIndex: 1, rng };
      const before = advanceKernelStats.steps;
      const wasm = runWith('auto', toy, spec, 1.01, 200_000);
      expect(advanceKernelStats.steps - before).toBeGreaterThan(150_000);
      expect(wasm).toEqual(runWith('typescript', toy, spec, 1.01, 200_000));
    }
  });

  it('gives `npm run sim` the same checksums with the kernel and without it (toy, point; both link versions)', () => {
    for (const q of ['problem=toy&eta=0.7&B=1&seed=7&runs=10&steps=50000', 'problem=point&a=2&s=1.5&n=9&eta=0.3&B=1&seed=2&runs=10&steps=30000', 'v=1&problem=toy&eta=0.55&B=1&seed=3&runs=10&steps=50000']) {
      const before = advanceKernelStats.steps;
      const wasm = simulateQuery(q);
      expect(advanceKernelStats.steps - before).toBeGreaterThan(100_000);
      setKernelPreference('typescript');
      let ts;
      try {
        ts = simulateQuery(q);
      } finally {
        setKernelPreference('auto');
      }
      expect(wasm.runs.sgd!.checksum).toBe(ts.runs.sgd!.checksum);
      expect(wasm.runs.sgd!.escapeSteps).toEqual(ts.runs.sgd!.escapeSteps);
    }
  });
});
