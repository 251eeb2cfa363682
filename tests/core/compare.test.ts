import { describe, expect, it } from 'vitest';
import { comparisonConfig, pinEntry, swapWithMain } from '../../src/core/compare';
import { decodeQuery, encodeQuery } from '../../src/core/params/query';
import { simulateQuery } from '../../src/core/simulate';

describe('the compare key', () => {
  it('decodes overrides to canonical entries and encodes them back', () => {
    const { config, issues } = decodeQuery('problem=toy&compare=eta:0.50, B:2;opt:sgd,gd,seed:3');
    expect(issues).toEqual([]);
    expect(config.compare).toEqual(['eta:0.5,B:2', 'seed:3,opt:gd,sgd']);
    expect(encodeQuery(config)).toContain('compare=eta:0.5,B:2;seed:3,opt:gd,sgd');
    expect(decodeQuery(encodeQuery(config)).config.compare).toEqual(config.compare);
  });

  it('names a key that may not be overridden, a bad value, too many and duplicates', () => {
    const cases: Array<[string, string]> = [
      ['compare=radius:2', 'compare may override only eta, B, sampling, seed, runs, steps, noise, opt, got "radius"'],
      ['compare=eta:abc', 'compare: eta must be a positive number, got "abc"'],
      ['compare=B:1;B:2;B:3;eta:1', 'compare holds at most 3 comparisons, got 4'],
      ['compare=B:2;B:02', 'compare lists the comparison "B:2" twice'],
      ['compare=eta', 'compare: each override is key:value, got "eta"'],
    ];
    for (const [q, message] of cases) {
      const { config, issues } = decodeQuery(`problem=toy&eta=0.6&${q}`);
      expect(issues.map((i) => i.message)).toEqual([`${message}; used ""`]);
      expect(config.compare).toEqual([]);
      expect(config.eta).toBe(0.6);
    }
  });

  it('applies an entry to the main configuration, keeping every other key', () => {
    const main = decodeQuery('problem=toy&eta=0.7&B=1&seed=7&runs=20&radius=0.01&compare=eta:0.5').config;
    const c = comparisonConfig(main, main.compare[0]);
    expect(c).toMatchObject({ eta: 0.5, B: 1, seed: 7, runs: 20, radius: 0.01, compare: [] });
  });

  it('pins a configuration with every overridable key, so it stays when the main one moves', () => {
    const main = decodeQuery('problem=toy&eta=0.9&B=2&seed=4&steps=50').config;
    const entry = pinEntry(main);
    expect(entry).toBe('eta:0.9,B:2,sampling:without,seed:4,runs:100,steps:50,opt:gd,sgd');
    const moved = { ...main, eta: 0.3, seed: 9, compare: [entry] };
    expect(comparisonConfig(moved, entry)).toMatchObject({ eta: 0.9, B: 2, seed: 4, steps: 50 });
  });

  it('swaps a comparison with the main configuration', () => {
    const main = decodeQuery('problem=toy&eta=0.7&B=1&seed=7&compare=eta:0.5;B:2').config;
    const swapped = swapWithMain(main, 0);
    expect(swapped.eta).toBe(0.5);
    expect(comparisonConfig(swapped, swapped.compare[0])).toMatchObject({ eta: 0.7, B: 1, seed: 7 });
    expect(comparisonConfig(swapped, swapped.compare[1])).toMatchObject({ eta: 0.7, B: 2, seed: 7 });
    // Swapping back gives the same configurations.
    const back = swapWithMain(swapped, 0);
    expect(back.eta).toBe(0.7);
    expect(comparisonConfig(back, back.compare[0]).eta).toBe(0.5);
  });

  it('runs each comparison from the same starts: its numbers are those of its own link', () => {
    const out = simulateQuery('problem=toy&eta=0.7&B=1&seed=7&runs=30&steps=80&compare=eta:0.5;B:2;seed:3');
    expect(out.compare).toHaveLength(3);
    for (const c of out.compare!) {
      const alone = simulateQuery(c.permalink);
      expect(c.runs.sgd?.checksum).toBe(alone.runs.sgd?.checksum);
      expect(c.runs.gd?.checksum).toBe(alone.runs.gd?.checksum);
      expect(c.rectangle).toEqual(alone.rectangle);
    }
    expect(out.compare![0].permalink).toBe('v=3&problem=toy&eta=0.5&B=1&seed=7&runs=30&steps=80');
    expect(out.compare![0].runs.sgd?.checksum).not.toBe(out.runs.sgd?.checksum);
  });

  it('runs from the same starts: a comparison that only runs longer repeats the main runs step for step', () => {
    const out = simulateQuery('problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=30&compare=steps:90');
    const main = out.runs.sgd!;
    const longer = out.compare![0].runs.sgd!;
    expect(main.escaped).toBeGreaterThan(0);
    expect(longer.escapeSteps.filter((s) => s <= 30)).toEqual(main.escapeSteps);
    // with another seed the runs start elsewhere
    const reseeded = simulateQuery('problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=30&compare=seed:8').compare![0].runs.sgd!;
    expect(reseeded.escapeSteps).not.toEqual(main.escapeSteps);
  });

  it('leaves out a comparison that cannot run on the problem, with its name', () => {
    const out = simulateQuery('problem=toy&compare=B:5;eta:0.5');
    expect(out.compare).toHaveLength(1);
    expect(out.issues.map((i) => i.message)).toEqual(['compare "B:5": B must be at most n = 2, got 5; left out']);
  });
});
