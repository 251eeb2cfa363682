import { describe, expect, it } from 'vitest';
import { SgdRun, type RunSpec } from '../../../src/core/engine/sgd-run';
import { circleKernelStats } from '../../../src/core/kernels/circle-kernel';
import { setKernelPreference } from '../../../src/core/kernels/kernel-choice';
import { CircleProblem, type CircleModel } from '../../../src/core/problems/circle';
import { simulateQuery } from '../../../src/core/simulate';

/** A run stepped in slices of 700, as a worker does, under the given loop; everything it keeps. */
function runWith(loop: 'auto' | 'typescript', p: CircleProblem, spec: RunSpec, x0: Float64Array, steps: number) {
  setKernelPreference(loop);
  const before = circleKernelStats.steps;
  try {
    const run = new SgdRun(p, spec, x0);
    while (run.t < steps && !run.done) run.advance(Math.min(700, steps - run.t));
    if (loop === 'typescript') expect(circleKernelStats.steps).toBe(before);
    const h = run.history?.snapshot();
    const positions = run.history?.positions ? Array.from(run.history.positions.subarray(0, 2 * run.history.count)) : null;
    return { x: Array.from(run.x), t: run.t, escapeStep: run.escapeStep, divergedStep: run.divergedStep, history: h ? [Array.from(h.step), Array.from(h.loss), Array.from(h.dist)] : null, positions };
  } finally {
    setKernelPreference('auto');
  }
}

/** Same values, and the same bits (toEqual does not tell −0 from 0). */
function expectSameBits(a: ReturnType<typeof runWith>, b: ReturnType<typeof runWith>) {
  expect(a).toEqual(b);
  a.x.forEach((v, j) => expect(Object.is(v, b.x[j])).toBe(true));
}

const models: CircleModel[] = [1, 2, 3, 4];
const batches: Array<[string, Pick<RunSpec, 'opt' | 'B' | 'sampling'>]> = [
  ['SGD with B = 1', { opt: 'sgd', B: 1, sampling: 'with' }],
  ['SGD with B = 7 drawn with replacement', { opt: 'sgd', B: 7, sampling: 'with' }],
  ['SGD with B = 7 drawn without replacement', { opt: 'sgd', B: 7, sampling: 'without' }],
];

describe('quadratic-circle SGD steps in the WebAssembly kernel', () => {
  for (const [name, batch] of batches) {
    it(`end where the TypeScript steps end, bit for bit, for ${name} (every model, both generators, from both minima, with and without histories)`, () => {
      const before = circleKernelStats.steps;
      let escaped = 0;
      for (const model of models) {
        const problem = new CircleProblem(model, 1e-3);
        for (const rng of ['xoshiro128**', 'mulberry32'] as const) {
          for (const [eta, start] of [[0.7, 0], [5, 1], [20, 0]] as const) {
            // No history (one stretch per slice), 128 points (stretches of every length), 2000 points (all too short: TypeScript steps between).
            for (const historyBudget of [0, 128, 2000]) {
              const spec: RunSpec = { ...batch, eta, center: problem.minima[start].x, escapeRadius: 1, historyBudget, seed: 7, runIndex: 3, rng, keepPositions: historyBudget === 128 };
              const x0 = Float64Array.from(problem.minima[start].x, (v) => v + 0.3);
              const wasm = runWith('auto', problem, spec, Float64Array.from(x0), 3000);
              expectSameBits(wasm, runWith('typescript', problem, spec, Float64Array.from(x0), 3000));
              if (wasm.escapeStep >= 0) escaped++;
            }
          }
        }
      }
      expect(escaped).toBeGreaterThan(0);
      expect(circleKernelStats.steps - before).toBeGreaterThan(100_000);
    });
  }

  it("takes the steps between a 128-point history's points too: it writes the recorded iterates itself", () => {
    const problem = new CircleProblem(1, 1e-3);
    const spec: RunSpec = { opt: 'sgd', B: 1, sampling: 'with', eta: 0.7, center: problem.minima[0].x, escapeRadius: 1, historyBudget: 128, seed: 7, runIndex: 0 };
    const before = circleKernelStats.steps;
    const run = new SgdRun(problem, spec, Float64Array.from(problem.minima[0].x));
    run.advance(1000);
    // Recorded every 1–8 steps: one call per point would leave every stretch to TypeScript.
    expect(circleKernelStats.steps - before).toBeGreaterThan(900);
    expect(run.history!.count).toBeGreaterThan(64);
  });

  it('takes a few steps at a time in TypeScript, with a history and without one', () => {
    const problem = new CircleProblem(1, 1e-3);
    for (const historyBudget of [0, 128]) {
      const spec: RunSpec = { opt: 'sgd', B: 1, sampling: 'with', eta: 0.7, center: problem.minima[0].x, escapeRadius: 1, historyBudget, seed: 7, runIndex: 0 };
      const run = new SgdRun(problem, spec, Float64Array.from(problem.minima[0].x));
      for (let i = 0; i < 40; i++) expect(run.advance(5)).toBe(5);
      expect(run.t).toBe(200);
    }
  });

  it('leaves GD to TypeScript (the kernel takes no GD step)', () => {
    const problem = new CircleProblem(1, 1e-3);
    const before = circleKernelStats.steps;
    const spec: RunSpec = { opt: 'gd', B: 1, sampling: 'with', eta: 0.7, center: problem.minima[1].x, escapeRadius: 1, historyBudget: 0, seed: 7, runIndex: 0 };
    const run = new SgdRun(problem, spec, Float64Array.of(0.3, -14.7));
    run.advance(5000);
    expect(run.t).toBe(5000);
    expect(circleKernelStats.steps).toBe(before);
  });

  it('gives `npm run sim` the same checksums and fingerprints with the kernel and without it (both link versions)', () => {
    for (const q of ['problem=circle&model=1&eta=0.7&B=1&seed=7&runs=20&steps=20000', 'problem=circle&model=2&eta=300&B=4&sampling=without&seed=2&runs=20&steps=5000', 'v=1&problem=circle&model=3&eta=2&B=2&seed=3&runs=20&steps=5000']) {
      const before = circleKernelStats.steps;
      const wasm = simulateQuery(q);
      expect(circleKernelStats.steps - before).toBeGreaterThan(50_000);
      setKernelPreference('typescript');
      let ts;
      try {
        ts = simulateQuery(q);
      } finally {
        setKernelPreference('auto');
      }
      for (const opt of ['sgd', 'gd'] as const) {
        expect(wasm.runs[opt]!.checksum).toBe(ts.runs[opt]!.checksum);
        expect(wasm.runs[opt]!.fingerprint).toBe(ts.runs[opt]!.fingerprint);
        expect(wasm.runs[opt]!.escapeSteps).toEqual(ts.runs[opt]!.escapeSteps);
      }
    }
  });
});
