import fc from 'fast-check';
import { LINK_PARAMS as PARAMS } from '../../src/ui/state/link-params';

/**
 * Random and mutated query strings: random keys, huge numbers, NaN and
 * Infinity, negative sizes, wrong types, percent-encoding garbage, duplicate
 * keys. Shared by the Node fuzz test and the browser's link test.
 */
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
export const queryArb = fc.oneof(
  fc.array(pairArb, { maxLength: 12 }).map((p) => p.join('&')),
  fc.string({ maxLength: 200 }),
  // mutate a valid link
  fc.tuple(fc.constantFrom('v=1&problem=toy&eta=0.7&B=1&seed=1', 'problem=circle&model=2&eta=1024&sampling=with', 'problem=styblinski&d=3&n=20', 'problem=quadratic&H=8,-2,6;1,2,4&B=2'), fc.nat(60), fc.string({ maxLength: 5 })).map(([q, at, ins]) => q.slice(0, at) + ins + q.slice(at)),
);

