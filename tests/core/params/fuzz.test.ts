import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../../src/core/params/param-table';
import { decodeQuery, encodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';

const KEYS = Object.keys(PARAMS);
const nasty = ['NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '-5', '0', '1e-400', '', ' ', 'abc', '0x1f', '1,2,3', ';;', '%', '%zz', '%E0%A4%A', '1e308', '9007199254740993', 'true', 'null', 'undefined', '__proto__', 'constructor', '<script>'];

const valueArb = fc.oneof(
  fc.constantFrom(...nasty),
  fc.double().map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.string({ maxLength: 30 }),
  fc.array(fc.double({ noNaN: false }), { maxLength: 6 }).map((a) => a.join(',')),
  fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 4 }), { maxLength: 4 }).map((a) => a.map((r) => r.join(',')).join(';')),
);
const keyArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
const pairArb = fc.tuple(keyArb, valueArb, fc.boolean()).map(([k, v, enc]) => `${enc ? encodeURIComponent(k) : k}=${enc ? encodeURIComponent(v) : v}`);
const queryArb = fc.oneof(
  fc.array(pairArb, { maxLength: 12 }).map((p) => p.join('&')),
  fc.string({ maxLength: 200 }),
  // mutate a valid link
  fc.tuple(fc.constantFrom('v=1&problem=toy&eta=0.7&B=1&seed=1', 'problem=circle&model=2&eta=1024&sampling=with', 'problem=styblinski&d=3&n=20', 'problem=quadratic&H=8,-2,6;1,2,4&B=2'), fc.nat(60), fc.string({ maxLength: 5 })).map(([q, at, ins]) => q.slice(0, at) + ins + q.slice(at)),
);

describe('decoding links that anyone can craft (fuzz)', () => {
  it('turns 10,000 random and mutated query strings into a valid state and named issues, never a throw', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const d = decodeQuery(q);
        for (const i of d.issues) expect(KEYS).toContain(i.key);
        // The state is valid: it re-encodes to a link that decodes cleanly, and its problem builds.
        const back = decodeQuery(encodeQuery(d.config));
        expect(back.issues).toEqual([]);
        expect(back.unknown).toEqual([]);
        const built = buildProblem({ ...d.config, n: Math.min(d.config.n, 50), d: Math.min(d.config.d, 4) });
        expect(built.config.B).toBeLessThanOrEqual(built.problem.n);
        expect(Number.isFinite(built.config.eta) && built.config.eta > 0).toBe(true);
      }),
      { numRuns: 10_000, seed: 20261124 },
    );
  });

  it('refuses a 100 KB value by name and keeps the rest', () => {
    const d = decodeQuery(`seed=3&H=${'1;'.repeat(150_000)}&problem=quadratic`);
    expect(d.config.seed).toBe(3);
    expect(d.issues.map((i) => i.key)).toContain('H');
  });

  it('cannot be steered into the prototype by __proto__ or constructor keys', () => {
    const d = decodeQuery('__proto__=1&constructor=2&eta=0.5');
    expect(d.unknown).toEqual(['__proto__', 'constructor']);
    expect(d.config.eta).toBe(0.5);
    expect(Object.getPrototypeOf(d.config)).toBe(Object.prototype);
  });
});
