import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../src/core/params/query';
import { prepareRun, startEnsembles } from '../../src/core/prepare-run';
import { problemIdentity, RunCache } from '../../src/core/run-cache';
import { simulateQuery } from '../../src/core/simulate';
import { runEnsembles } from '../../src/core/engine/settled';

const config = (q: string) => decodeQuery(q).config;

describe('RunCache: the problem kept between starts that change only how the runs go', () => {
  it('builds the problem once while only η, B, sampling, seed, runs, steps, opt or the stop rule change', () => {
    const cache = new RunCache();
    const base = 'problem=circle&model=1&eta=0.5&runs=20&steps=100';
    for (const q of [base, `${base}&eta=0.6`, `${base}&B=4`, `${base}&sampling=with`, `${base}&seed=9`, 'problem=circle&model=1&eta=0.6&runs=50&steps=300&opt=sgd&stop=settled&hist=32&escape=2&start=1'])
      cache.problemOf(config(q));
    expect(cache.builds).toBe(1);
  });

  it('builds again when the problem, one of its keys, ε or the link version changes', () => {
    const cache = new RunCache();
    const qs = ['problem=circle&model=1', 'problem=circle&model=2', 'problem=circle&model=2&radius=0.01', 'problem=toy', 'problem=quadratic&H=1;2', 'problem=quadratic&H=1;3', 'v=1&problem=quadratic&H=1;3'];
    for (const q of qs) cache.problemOf(config(q));
    expect(cache.builds).toBe(qs.length);
  });

  it('keeps the problem through a noise switch or a GD-phase threshold, which no build reads', () => {
    expect(problemIdentity(config('problem=features&n=20&width=30&noise=isotropic&switchloss=0.01'))).toBe(problemIdentity(config('problem=features&n=20&width=30')));
    expect(problemIdentity(config('problem=features&n=20&width=30'))).not.toBe(problemIdentity(config('problem=features&n=21&width=30')));
  });

  it('gives a retuned run the numbers a cold start gives, bit for bit, and the same theory', () => {
    const cache = new RunCache();
    const first = 'problem=toy&eta=0.7&B=1&seed=3&runs=30&steps=400';
    const second = 'problem=toy&eta=0.45&B=2&seed=5&runs=30&steps=400&sampling=with';
    const warm = cache.problemOf(config(first));
    expect(warm.kept).toBe(false);
    const kept = cache.problemOf(config(second));
    expect(kept.kept).toBe(true);
    const run = prepareRun(config(second), kept.built);
    const { sgd, gd } = startEnsembles(run);
    runEnsembles(run.problem, [sgd!, gd!], run.config.steps, run.config.stop);
    const cold = simulateQuery(second);
    expect(sgd!.summary().checksum).toBe(cold.runs.sgd!.checksum);
    expect(gd!.summary().checksum).toBe(cold.runs.gd!.checksum);
    expect(cache.theoryOf(kept.built, run.config)).toEqual(cold.minima);
    // Asked twice, the theory is the one computed the first time.
    expect(cache.theoryOf(kept.built, run.config)).toBe(cache.theoryOf(kept.built, run.config));
  });

  it('still checks B ≤ n on a kept problem, in the one place a cold start checks it', () => {
    const cache = new RunCache();
    cache.problemOf(config('problem=toy&B=1'));
    const { built } = cache.problemOf(config('problem=toy&B=5'));
    const run = prepareRun(config('problem=toy&B=5'), built);
    expect(run.config.B).toBe(2);
    expect(run.issues.map((i) => i.key)).toContain('B');
  });
});
