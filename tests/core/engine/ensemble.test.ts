import { describe, expect, it } from 'vitest';
import { CircleProblem } from '../../../src/core/problems/circle';
import { Ensemble } from '../../../src/core/engine/ensemble';
import { SgdRun } from '../../../src/core/engine/sgd-run';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { ToyProblem } from '../../../src/core/problems/toy';
import { simulateQuery } from '../../../src/core/simulate';

const spec = (over: Partial<ConstructorParameters<typeof Ensemble>[1]> = {}) => ({
  opt: 'sgd' as const,
  eta: 0.7,
  B: 1,
  sampling: 'without' as const,
  seed: 7,
  runs: 50,
  steps: 300,
  start: 1,
  x0: [],
  radius: 1e-3,
  escape: 0.5,
  hist: 64,
  ...over,
});

describe('ensembles of GD and SGD runs', () => {
  const toy = new ToyProblem([0.1, 1.9]);

  it("on the toy at η = 0.7, B = 1: every SGD run escapes x* = 1 and ends near 0, while GD stays", () => {
    const out = simulateQuery('problem=toy&eta=0.7&B=1&runs=200&steps=300');
    expect(out.runs.sgd!.escaped).toBe(200);
    expect(out.runs.sgd!.endedNear).toEqual([200, 0]);
    expect(out.runs.gd!.escaped).toBe(0);
    expect(out.runs.gd!.endedNear).toEqual([0, 1]);
  });

  it('below the threshold (η = 0.5 < 0.5525) no SGD run escapes', () => {
    const out = simulateQuery('problem=toy&eta=0.5&B=1&runs=200&steps=500');
    expect(out.minima[1].stableSGD).toBe(true);
    expect(out.runs.sgd!.escaped).toBe(0);
  });

  it('gives the same checksum for the same query twice', () => {
    const a = simulateQuery('problem=toy&eta=0.7&B=1&seed=9');
    const b = simulateQuery('problem=toy&eta=0.7&B=1&seed=9');
    expect(a.runs.sgd!.checksum).toBe(b.runs.sgd!.checksum);
    expect(simulateQuery('problem=toy&eta=0.7&B=1&seed=10').runs.sgd!.checksum).not.toBe(a.runs.sgd!.checksum);
  });

  it('does not depend on how the steps are sliced', () => {
    const whole = new Ensemble(toy, spec()).runToEnd();
    const sliced = new Ensemble(toy, spec());
    for (const k of [1, 7, 3, 50, 1000]) sliced.advance(k);
    expect(sliced.summary().checksum).toBe(whole.summary().checksum);
    expect(sliced.runs.map((r) => r.escapeStep)).toEqual(whole.runs.map((r) => r.escapeStep));
  });

  it('does not depend on how runs are grouped: run r is the same alone or in a crowd', () => {
    const crowd = new Ensemble(toy, spec({ runs: 40 })).runToEnd();
    const few = new Ensemble(toy, spec({ runs: 5 })).runToEnd();
    for (let r = 0; r < 5; r++) expect(Array.from(few.runs[r].x)).toEqual(Array.from(crowd.runs[r].x));
  });

  it('stops a run that overflows as "diverged at step t", with no NaN carried on', () => {
    const e = new Ensemble(toy, spec({ eta: 50, steps: 1000, opt: 'gd' })).runToEnd();
    const run = e.runs[0];
    expect(run.divergedStep).toBeGreaterThan(0);
    expect(run.x.every((v) => Number.isFinite(v))).toBe(true);
    const h = run.history!;
    for (let i = 0; i < h.count; i++) expect(Number.isFinite(h.lossAt(i)) && Number.isFinite(h.dist[i])).toBe(true);
    expect(e.summary().diverged).toBe(1);
  });

  it('keeps a decimated history within its budget for a long run', () => {
    const r = new SgdRun(toy, { opt: 'sgd', eta: 0.3, B: 1, sampling: 'without', center: Float64Array.of(1), escapeRadius: 0.5, historyBudget: 32, seed: 1, runIndex: 0 }, Float64Array.of(1.001));
    r.advance(100_000);
    expect(r.history!.count).toBeLessThanOrEqual(32);
    expect(r.history!.count).toBeGreaterThanOrEqual(16);
    expect(r.history!.step[1] - r.history!.step[0]).toBe(r.history!.stride);
  });

  it('draws batches of B distinct indices without replacement', () => {
    const { problem } = buildProblem(decodeQuery('problem=quadratic&H=1;2;3;4;5&B=3').config);
    const seen: number[][] = [];
    const spy = {
      ...problem,
      batchGradient: (x: Float64Array, idx: Int32Array, m: number, g: Float64Array) => {
        seen.push(Array.from(idx.subarray(0, m)));
        problem.batchGradient(x, idx, m, g);
      },
    };
    const run = new SgdRun(spy, { opt: 'sgd', eta: 0.01, B: 3, sampling: 'without', center: Float64Array.of(0), escapeRadius: 1, historyBudget: 0, seed: 2, runIndex: 0 }, Float64Array.of(0.1));
    run.advance(200);
    expect(seen.length).toBe(200);
    for (const b of seen) expect(new Set(b).size).toBe(3);
    expect(new Set(seen.flat()).size).toBe(5);
  });
});

describe('a history whose losses are evaluated when read (a problem whose loss is finite on its domain)', () => {
  it('holds the same steps, losses and distances, bit for bit, as one that evaluates every recorded step', () => {
    const circle = new CircleProblem(1, 1e-3);
    expect(circle.lossFiniteOnDomain).toBe(true);
    // The same problem without the promise: every recorded step evaluates its loss at once.
    const eager = Object.assign(Object.create(circle) as CircleProblem, { lossFiniteOnDomain: false });
    const s = { opt: 'sgd' as const, eta: 0.7, B: 1, sampling: 'without' as const, seed: 5, runs: 20, steps: 3000, start: 1, x0: [], radius: 1e-3, escape: 1, hist: 32 };
    const lazy = new Ensemble(circle, s).runToEnd();
    const full = new Ensemble(eager, s).runToEnd();
    for (let r = 0; r < s.runs; r++) {
      const a = lazy.runs[r].history!.snapshot();
      const b = full.runs[r].history!.snapshot();
      expect(a.step).toEqual(b.step);
      expect(Array.from(a.loss)).toEqual(Array.from(b.loss));
      expect(Array.from(a.dist)).toEqual(Array.from(b.dist));
    }
    expect(lazy.summary()).toEqual(full.summary());
  });
});
