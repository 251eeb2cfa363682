import { describe, expect, it } from 'vitest';
import * as pm from '../../src/core/portable-math';
import { Mulberry32 } from '../../src/core/rng';

/** The distance between a and b in units of b's last place. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const scale = 2 ** (Math.floor(Math.log2(Math.abs(b) || Number.MIN_VALUE)) - 52);
  return Math.abs(a - b) / Math.max(scale, Number.MIN_VALUE);
}

function worst(f: (x: number) => number, g: (x: number) => number, draw: (u: number) => number, count = 50_000): number {
  const rng = new Mulberry32(11, 0);
  let max = 0;
  for (let i = 0; i < count; i++) {
    const x = draw(rng.next());
    max = Math.max(max, ulps(f(x), g(x)));
  }
  return max;
}

/** The bits of a double, high word first. */
function bits(v: number): [number, number] {
  const u = new Uint32Array(new Float64Array([v]).buffer);
  return [u[1], u[0]];
}

describe('the portable transcendental functions', () => {
  // The engine's Math is accurate to about an ulp; within a few ulps of it means ours is too.
  const cases: Array<[string, (x: number) => number, (x: number) => number, (u: number) => number, number]> = [
    ['log over the whole range', pm.log, Math.log, (u) => Math.exp((u - 0.5) * 1400), 2],
    ['log near 1', pm.log, Math.log, (u) => 0.5 + u, 2],
    ['log of subnormals', pm.log, Math.log, (u) => u * 1e-310, 2],
    ['exp', pm.exp, Math.exp, (u) => (u - 0.5) * 1400, 2],
    ['expm1 near 0', pm.expm1, Math.expm1, (u) => (u - 0.5) * 2, 5],
    ['sin', pm.sin, Math.sin, (u) => (u - 0.5) * 200, 2],
    ['cos of 2πu (Box–Muller)', pm.cos, Math.cos, (u) => 2 * Math.PI * u, 2],
    ['tan', pm.tan, Math.tan, (u) => (u - 0.5) * 20, 4],
    ['atan', pm.atan, Math.atan, (u) => (u - 0.5) * 20, 3],
    ['tanh', pm.tanh, Math.tanh, (u) => (u - 0.5) * 10, 5],
    ['sinh', pm.sinh, Math.sinh, (u) => (u - 0.5) * 10, 5],
    ['cosh', pm.cosh, Math.cosh, (u) => (u - 0.5) * 10, 3],
    ['a uniform draw to the power 1/d (start radii)', (x) => pm.pow(x, 1 / 7), (x) => Math.pow(x, 1 / 7), (u) => u, 3],
    ['half-integer powers', (x) => pm.pow(x, 2.5), (x) => Math.pow(x, 2.5), (u) => u * 10, 3],
    ['general powers', (x) => pm.pow(x, 0.37), (x) => Math.pow(x, 0.37), (u) => u * 100, 3],
  ];
  for (const [what, f, g, draw, bound] of cases)
    it(`agrees with the engine's Math within ${bound} ulps: ${what}`, () => {
      expect(worst(f, g, draw)).toBeLessThanOrEqual(bound);
    });

  it('multiplies out integer powers, so x^2 is x·x exactly and signs follow the parity', () => {
    for (const x of [-3.7, 0.1, 1e-5, 12345.678]) {
      expect(pm.pow(x, 2)).toBe(x * x);
      expect(pm.pow(x, 3)).toBe(x * x * x);
      expect(pm.pow(x, -1)).toBe(1 / x);
    }
    expect(pm.pow(-2, 0.5)).toBeNaN();
  });

  it("gives JavaScript's special values", () => {
    expect(pm.log(0)).toBe(-Infinity);
    expect(pm.log(-1)).toBeNaN();
    expect(pm.log(Infinity)).toBe(Infinity);
    expect(pm.exp(1000)).toBe(Infinity);
    expect(pm.exp(-1000)).toBe(0);
    expect(pm.exp(NaN)).toBeNaN();
    expect(pm.sin(Infinity)).toBeNaN();
    expect(pm.pow(0, -1)).toBe(Infinity);
    expect(pm.pow(2, Infinity)).toBe(Infinity);
    expect(pm.pow(0.5, Infinity)).toBe(0);
    expect(pm.pow(7, 0)).toBe(1);
    expect(pm.tanh(50)).toBe(1);
    expect(pm.atan(Infinity)).toBeCloseTo(Math.PI / 2, 15);
  });

  it('splits ln 2 and π/2 into parts with trailing zero bits, so the reductions multiply exactly', () => {
    expect(pm.LN2_HI + pm.LN2_LO).toBe(Math.LN2);
    expect(pm.PIO2_1 + pm.PIO2_2).toBe(Math.PI / 2);
    // 32 and 33 significant bits: the low word ends in zeros.
    expect(bits(pm.LN2_HI)[1] % 2 ** 20).toBe(0);
    expect(bits(pm.PIO2_1)[1] % 2 ** 19).toBe(0);
    expect(bits(pm.PIO2_2)[1] % 2 ** 19).toBe(0);
    // Exactly, in integers scaled by 10⁷⁰: the three parts add up to π/2 within 1e-36.
    const PI_HALF = 1_5707963267_9489661923_1321691639_7514420985_8469968755_2910487472_2961539082n; // π/2 × 10⁷⁰
    const scaled = (v: number): bigint => {
      const [hi, lo] = bits(v);
      const e = ((hi >>> 20) & 0x7ff) - 1075;
      const m = (BigInt((hi & 0xfffff) | 0x100000) << 32n) + BigInt(lo);
      return e >= 0 ? m * 10n ** 70n * 2n ** BigInt(e) : (m * 10n ** 70n) / 2n ** BigInt(-e);
    };
    const sum = scaled(pm.PIO2_1) + scaled(pm.PIO2_2) + scaled(pm.PIO2_2T);
    const gap = sum - PI_HALF;
    expect(gap < 0n ? -gap : gap).toBeLessThan(10n ** 34n);
  });

  it('computes only with + − × ÷ and Math.sqrt: the source calls no other Math function', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../../src/core/portable-math.ts', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const used = new Set(Array.from(src.matchAll(/Math\.(\w+)/g), (m) => m[1]));
    expect([...used].sort()).toEqual(['round', 'sqrt']);
  });
});
