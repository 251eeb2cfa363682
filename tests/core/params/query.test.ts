import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMS, PROBLEMS } from '../../../src/core/params/param-table';
import { decodeQuery, defaultConfig, encodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';

describe('the parameter table and its query strings', () => {
  it('decodes a readable link', () => {
    const { config, issues, unknown } = decodeQuery('?problem=toy&eta=0.7&B=1&seed=7');
    expect(issues).toEqual([]);
    expect(unknown).toEqual([]);
    expect(config).toMatchObject({ problem: 'toy', eta: 0.7, B: 1, seed: 7 });
  });

  it('names a bad value, says what was used instead, and keeps the other keys', () => {
    const { config, issues } = decodeQuery('problem=toy&eta=abc&seed=5&B=-2');
    expect(config.seed).toBe(5);
    expect(config.eta).toBe(0.7);
    expect(issues.map((i) => i.key).sort()).toEqual(['B', 'eta']);
    expect(issues.find((i) => i.key === 'eta')!.message).toBe('eta must be a positive number, got "abc"; used "0.7"');
  });

  it('refuses numbers that overflow, NaN and Infinity', () => {
    for (const v of ['1e400', 'NaN', 'Infinity', '-1', '0', '0x10', '']) {
      const { issues } = decodeQuery(`eta=${v}`);
      expect(issues.map((i) => i.key)).toEqual(['eta']);
    }
  });

  it('lists unknown keys and ignores them', () => {
    const d = decodeQuery('problem=toy&bogus=1&eta=0.5');
    expect(d.unknown).toEqual(['bogus']);
    expect(d.config.eta).toBe(0.5);
  });

  it('survives broken percent-encoding and duplicate keys', () => {
    const d = decodeQuery('eta=%E0%A4%A&seed=3&seed=4');
    expect(d.config.seed).toBe(4);
    expect(d.issues.map((i) => i.key).sort()).toEqual(['eta', 'seed']);
  });

  it('clamps a batch larger than n, naming B', () => {
    const { config, issues } = buildProblem(decodeQuery('problem=toy&B=5').config);
    expect(config.B).toBe(2);
    expect(issues[0].message).toBe('B must be at most n = 2, got 5; used 2');
  });

  it('writes the version, problem, η, B and seed always, other keys only off their defaults', () => {
    expect(encodeQuery(defaultConfig('toy'))).toBe('v=3&problem=toy&eta=0.7&B=1&seed=1');
    expect(encodeQuery({ ...defaultConfig('quadratic'), H: '8,-2,6;1,2,4' })).toBe('v=3&problem=quadratic&eta=0.7&B=1&seed=1&H=8,-2,6;1,2,4');
  });

  it('round-trips any valid configuration: encode then decode gives the same state (property)', () => {
    const configArb = fc.record({
      problem: fc.constantFrom(...PROBLEMS),
      eta: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      B: fc.integer({ min: 1, max: 100 }),
      sampling: fc.constantFrom('without', 'with'),
      seed: fc.integer({ min: 0, max: 4294967295 }),
      runs: fc.integer({ min: 1, max: 5000 }),
      steps: fc.integer({ min: 1, max: 10_000_000 }),
      radius: fc.double({ min: 0, max: 10, noNaN: true }),
      escape: fc.double({ min: 1e-9, max: 100, noNaN: true }),
      b: fc.array(fc.double({ min: 1e-6, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
      a: fc.double({ min: 0, max: 100, noNaN: true }),
      s: fc.double({ min: 0, max: 100, noNaN: true }),
      model: fc.integer({ min: 1, max: 4 }),
      lecture: fc.boolean(),
    });
    fc.assert(
      fc.property(configArb, (over) => {
        const config = { ...defaultConfig(over.problem), ...over };
        const back = decodeQuery(encodeQuery(config));
        expect(back.issues).toEqual([]);
        const keys = Object.keys(PARAMS) as Array<keyof typeof PARAMS>;
        for (const k of keys) {
          const spec = PARAMS[k];
          if (spec.problems && !(spec.problems as readonly string[]).includes(config.problem)) continue;
          expect(back.config[k]).toEqual(config[k]);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
