import { describe, expect, it } from 'vitest';
import { Ensemble } from '../../../src/core/engine/ensemble';
import { fingerprintRuns } from '../../../src/core/engine/fingerprint';
import { ToyProblem } from '../../../src/core/problems/toy';
import { simulateQuery } from '../../../src/core/simulate';

const spec = (over: Partial<ConstructorParameters<typeof Ensemble>[1]> = {}) => ({
  opt: 'sgd' as const,
  eta: 0.3,
  B: 1,
  sampling: 'without' as const,
  seed: 7,
  runs: 20,
  steps: 400,
  start: 1,
  x0: [],
  radius: 1e-3,
  escape: 0.5,
  hist: 64,
  ...over,
});

describe('the fingerprint of a whole run', () => {
  it('tells apart two seeds of a stable toy configuration, whose final iterates (the checksum) are the same bits', () => {
    const a = simulateQuery('problem=toy&eta=0.3&B=1&seed=1').runs.sgd!;
    const b = simulateQuery('problem=toy&eta=0.3&B=1&seed=2').runs.sgd!;
    // The runs converge to x* = 1 exactly, so the final iterates cannot tell the seeds apart…
    expect(a.checksum).toBe(b.checksum);
    // …but the paths there differ, and the fingerprint sees them.
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same for the same link, and for GD as for SGD it is printed beside the checksum', () => {
    const q = 'problem=toy&eta=0.45&seed=77&radius=0.01';
    const one = simulateQuery(q).runs;
    const two = simulateQuery(q).runs;
    expect(two.sgd!.fingerprint).toBe(one.sgd!.fingerprint);
    expect(two.gd!.fingerprint).toBe(one.gd!.fingerprint);
    expect(one.gd!.fingerprint).not.toBe(one.sgd!.fingerprint);
  });

  it('sees the recorded history: the same runs with a different history budget end at the same bits but differ', () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const a = new Ensemble(toy, spec({ hist: 64 })).runToEnd().summary();
    const b = new Ensemble(toy, spec({ hist: 32 })).runToEnd().summary();
    expect(b.checksum).toBe(a.checksum);
    expect(b.fingerprint).not.toBe(a.fingerprint);
  });

  it('sees the escape steps: the same runs with another escape radius end at the same bits but differ', () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const wide = { eta: 0.7, steps: 300 };
    const a = new Ensemble(toy, spec({ ...wide, hist: 0, escape: 0.5 })).runToEnd().summary();
    const b = new Ensemble(toy, spec({ ...wide, hist: 0, escape: 0.25 })).runToEnd().summary();
    expect(a.escaped).toBeGreaterThan(0);
    expect(b.escapeSteps).not.toEqual(a.escapeSteps);
    expect(b.checksum).toBe(a.checksum);
    expect(b.fingerprint).not.toBe(a.fingerprint);
  });

  it('sees the divergence steps and the step counts of the runs', () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const ens = new Ensemble(toy, spec({ eta: 30, steps: 2000 })).runToEnd();
    expect(ens.summary().diverged).toBeGreaterThan(0);
    const before = fingerprintRuns(ens.runs);
    const run = ens.runs.find((r) => r.divergedStep >= 0)!;
    run.divergedStep += 1;
    const moved = fingerprintRuns(ens.runs);
    expect(moved).not.toBe(before);
    run.divergedStep -= 1;
    expect(fingerprintRuns(ens.runs)).toBe(before);
    run.t += 1;
    expect(fingerprintRuns(ens.runs)).not.toBe(before);
  });
});
