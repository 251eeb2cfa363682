import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../../src/core/params/param-table';
import { decodeQuery, encodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { queryArb } from '../../support/link-arbitrary';

const KEYS = Object.keys(PARAMS);
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
