import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/cli/job';
import { parseSweep, pointQuery, pointValues, sweepJob } from '../../src/cli/sweep';
import { simulateQuery, toJson } from '../../src/core/simulate';

describe('the --sweep syntax', () => {
  it('reads a range lo:hi:n (both ends, evenly spaced) and a list, a piece with = starting the next key', () => {
    const axes = parseSweep('eta=0.1:1:4,B=1,2,4,8');
    expect(axes).toEqual([
      { key: 'eta', values: ['0.1', String(0.1 + 0.9 / 3), String(0.1 + (0.9 * 2) / 3), '1'] },
      { key: 'B', values: ['1', '2', '4', '8'] },
    ]);
  });

  it('reads lo:hi:n:log as log-spaced values with the ends exactly as typed', () => {
    const [a] = parseSweep('etamax=1:100:3:log');
    expect(a.values[0]).toBe('1');
    expect(Number(a.values[1])).toBeCloseTo(10, 12);
    expect(a.values[2]).toBe('100');
  });

  it('lists every combination, the first key varying slowest', () => {
    const axes = parseSweep('seed=1:3:3,sampling=with,without');
    expect(Array.from({ length: 6 }, (_, p) => pointValues(axes, p))).toEqual([
      { seed: '1', sampling: 'with' },
      { seed: '1', sampling: 'without' },
      { seed: '2', sampling: 'with' },
      { seed: '2', sampling: 'without' },
      { seed: '3', sampling: 'with' },
      { seed: '3', sampling: 'without' },
    ]);
  });

  it('refuses an unknown key, a key twice, an empty value, a value before any key and a bad range, naming each', () => {
    expect(() => parseSweep('etta=1,2')).toThrow('--sweep: unknown key "etta"');
    expect(() => parseSweep('eta=1,eta=2')).toThrow('--sweep: eta is given twice');
    expect(() => parseSweep('eta=1,,2')).toThrow('--sweep eta: an empty value');
    expect(() => parseSweep('1,2')).toThrow('--sweep must start with key=…, got "1,2"');
    expect(() => parseSweep('eta=0.1:1')).toThrow('--sweep eta: a range must be lo:hi:n or lo:hi:n:log, got "0.1:1"');
    expect(() => parseSweep('eta=0.1:1:2.5')).toThrow('--sweep eta: n must be a whole number from 1 to 1000000');
    expect(() => parseSweep('eta=0:1:3:log')).toThrow('--sweep eta: a log range needs lo > 0 and hi > 0');
    expect(() => parseSweep('seed=1:1000:1000,runs=1:1000:1000,steps=1:2:2')).toThrow('--sweep has 2000000 points, more than 1000000');
  });

  it('sets a point’s keys in the base link, replacing the values it had', () => {
    expect(pointQuery('v=3&problem=toy&eta=0.7&B=1&seed=1', { eta: '0.5', seed: '3' })).toBe('v=3&problem=toy&B=1&eta=0.5&seed=3');
  });
});

describe('a sweep', () => {
  it('gives each point exactly the result `npm run sim` gives for the point’s link', async () => {
    const job = await sweepJob('problem=toy&runs=6&steps=40&seed=4', 'eta=0.3,0.9,B=1,2', 'sim');
    const out = JSON.parse(runJob(job, null));
    expect(out.keys).toEqual(['eta', 'B']);
    expect(out.points.map((p: { permalink: string }) => p.permalink)).toEqual([
      'v=3&problem=toy&eta=0.3&B=1&seed=4&runs=6&steps=40',
      'v=3&problem=toy&eta=0.3&B=2&seed=4&runs=6&steps=40',
      'v=3&problem=toy&eta=0.9&B=1&seed=4&runs=6&steps=40',
      'v=3&problem=toy&eta=0.9&B=2&seed=4&runs=6&steps=40',
    ]);
    for (const p of out.points) expect(toJson(p.result)).toBe(toJson(JSON.parse(toJson(simulateQuery(p.permalink)))));
    // Each result is of its own point: the sweep really sets the keys.
    expect(out.points.map((p: { result: { config: { eta: number; B: number } } }) => [p.result.config.eta, p.result.config.B])).toEqual([
      [0.3, 1],
      [0.3, 2],
      [0.9, 1],
      [0.9, 2],
    ]);
  });

  it('refuses a point with a bad value before running anything, naming the point and the key', async () => {
    await expect(sweepJob('problem=toy', 'B=1,2,4', 'sim')).rejects.toThrow('sweep point 2 (B=4): B must be at most n = 2, got 4');
    await expect(sweepJob('problem=toy', 'eta=1,-1', 'sim')).rejects.toThrow('sweep point 1 (eta=-1): eta must be a positive number, got "-1"');
  });
});
