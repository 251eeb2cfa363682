/**
 * Transcendental functions that give the same bits in every JavaScript engine.
 *
 * ECMAScript leaves Math.log, Math.exp, Math.sin, Math.cos, Math.pow, … to the
 * engine ("implementation-approximated"), and engines differ: Node 20's V8 and
 * Debian's Chromium 156 disagree in the last bit on a large share of inputs for
 * every one of them (only + − × ÷ and Math.sqrt are fixed by IEEE 754). One such
 * bit in a Gaussian draw or a start point changes a run's checksum, and then a
 * permalink no longer reproduces `npm run sim`. So the core computes these here,
 * from the four operations and Math.sqrt only, in a fixed order.
 *
 * Accuracy is within a few units in the last place on the ranges the explorer
 * uses (tests/core/portable-math.test.ts measures it against Math). sin, cos and
 * tan reduce their argument with a three-part π/2, exact for |x| < 2²⁰·π/2 ≈ 1.6e6;
 * beyond that they stay deterministic but lose accuracy.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** 2^k for −1022 ≤ k ≤ 1023, built from its bits. */
function pow2(k: number): number {
  u32[HI] = (k + 1023) << 20;
  u32[LO] = 0;
  return f64[0];
}

/** ln 2 split so that k·LN2_HI is exact for |k| < 2¹¹ (LN2_HI has 32 significant bits). */
export const LN2_HI = 6.93147180369123816490e-1;
export const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;

/** π/2 in three parts, each of 33 bits (so n·part is exact for |n| < 2²⁰), and the last one's tail. */
export const PIO2_1 = 1.57079632673412561417;
export const PIO2_2 = 6.07710050630396597660e-11;
export const PIO2_2T = 2.02226624879595063154e-21;
const TWO_OVER_PI = 6.36619772367581382433e-1;
const PI_2 = 1.5707963267948966;
const PI_6 = 0.5235987755982989;
const SQRT3 = 1.7320508075688772;

/** Reciprocal factorials 1/k!, k = 0..21, each rounded once (k! is exact up to 18!). */
const INV_FACT: number[] = [];
for (let k = 0, f = 1; k <= 21; k++, f *= k) INV_FACT.push(1 / f);

/** Natural logarithm: x = 2ᵏ·m with m ∈ [√½, √2), log m = 2 atanh(s), s = (m − 1)/(m + 1). */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2⁵⁴: subnormals to normal
    k = -54;
  }
  f64[0] = x;
  let hx = u32[HI];
  k += (hx >>> 20) - 1023;
  hx &= 0x000fffff;
  // Mantissas at or above √2's (0x6a09e…) are halved, so m ∈ [≈0.7071, ≈1.4142).
  if (hx >= 0x6a09e) {
    u32[HI] = hx | 0x3fe00000;
    k += 1;
  } else u32[HI] = hx | 0x3ff00000;
  const f = f64[0] - 1; // exact (Sterbenz)
  const s = f / (2 + f);
  const z = s * s;
  // R = 2z/3 + 2z²/5 + … + 2z¹³/27: |z| ≤ 0.0295, the tail is below 1e-20 of log m.
  let R = 2 / 27;
  for (let j = 25; j >= 3; j -= 2) R = 2 / j + z * R;
  R *= z;
  // log(1 + f) = 2s + s·R = f − s·(f − R), since 2s = f − s·f.
  const lm = f - s * (f - R);
  return k * LN2_HI + (lm + k * LN2_LO);
}

/** eˣ: x = k·ln 2 + r, |r| ≤ ½ ln 2, e^r by its Taylor series to r¹⁴, then scaled by 2ᵏ. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = INV_FACT[14];
  for (let j = 13; j >= 1; j--) p = INV_FACT[j] + r * p;
  const e = 1 + r * p;
  if (k > 1023) return e * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return e * pow2(k + 1000) * pow2(-1000);
  return e * pow2(k);
}

/** eˣ − 1, accurate near 0. */
export function expm1(x: number): number {
  if (x > -0.35 && x < 0.35) {
    let p = INV_FACT[17];
    for (let j = 16; j >= 2; j--) p = INV_FACT[j] + x * p;
    return x + x * x * p;
  }
  return exp(x) - 1;
}

/** Quadrant n = round(2x/π) and the remainder r = x − n·π/2 (exact reduction for |n| < 2²⁰). */
let quadrant = 0;
function reduce(x: number): number {
  const n = Math.round(x * TWO_OVER_PI);
  quadrant = ((n % 4) + 4) % 4;
  return x - n * PIO2_1 - n * PIO2_2 - n * PIO2_2T;
}

/** sin and cos on |r| ≤ π/4 + ε by their Taylor series (to r¹⁹ and r²⁰). */
function sinKernel(r: number): number {
  const z = r * r;
  let p = -INV_FACT[19];
  for (let j = 17; j >= 3; j -= 2) p = (j % 4 === 1 ? INV_FACT[j] : -INV_FACT[j]) + z * p;
  return r + r * z * p;
}
function cosKernel(r: number): number {
  const z = r * r;
  let p = INV_FACT[20];
  for (let j = 18; j >= 2; j -= 2) p = (j % 4 === 0 ? INV_FACT[j] : -INV_FACT[j]) + z * p;
  return 1 + z * p;
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const r = reduce(x);
  switch (quadrant) {
    case 0:
      return sinKernel(r);
    case 1:
      return cosKernel(r);
    case 2:
      return -sinKernel(r);
    default:
      return -cosKernel(r);
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const r = reduce(x);
  switch (quadrant) {
    case 0:
      return cosKernel(r);
    case 1:
      return -sinKernel(r);
    case 2:
      return -cosKernel(r);
    default:
      return sinKernel(r);
  }
}

export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const r = reduce(x);
  const s = sinKernel(r);
  const c = cosKernel(r);
  return quadrant % 2 === 0 ? s / c : -c / s;
}

/** arctan: 1/x beyond 1, then tan(π/6) shifts |x| below 2 − √3, then the series to x²⁹. */
export function atan(x: number): number {
  if (x !== x) return NaN;
  const neg = x < 0;
  let a = neg ? -x : x;
  let base = 0;
  let flip = false;
  if (a > 1) {
    a = 1 / a;
    flip = true;
  }
  if (a > 0.2679491924311227) {
    a = (a * SQRT3 - 1) / (a + SQRT3);
    base = PI_6;
  }
  const z = a * a;
  // atan a = a·Σⱼ (−1)ʲ zʲ/(2j + 1), j = 0..14: z ≤ 0.072, the tail is below 1e-18.
  let p = 1 / 29;
  for (let j = 13; j >= 0; j--) p = (j % 2 === 0 ? 1 : -1) / (2 * j + 1) + z * p;
  let v = base + a * p;
  if (flip) v = PI_2 - v;
  return neg ? -v : v;
}

export function tanh(x: number): number {
  if (x !== x) return NaN;
  const a = x < 0 ? -x : x;
  if (a > 22) return x < 0 ? -1 : 1;
  const t = expm1(2 * a);
  const v = t / (t + 2);
  return x < 0 ? -v : v;
}

export function sinh(x: number): number {
  if (x !== x) return NaN;
  const a = x < 0 ? -x : x;
  let v: number;
  if (a < 22) {
    const e = expm1(a);
    v = 0.5 * (e + e / (e + 1));
  } else v = a < 709 ? 0.5 * exp(a) : exp(a - LN2_HI - LN2_LO);
  return x < 0 ? -v : v;
}

export function cosh(x: number): number {
  if (x !== x) return NaN;
  const a = x < 0 ? -x : x;
  if (a < 22) {
    const e = exp(a);
    return 0.5 * (e + 1 / e);
  }
  return a < 709 ? 0.5 * exp(a) : exp(a - LN2_HI - LN2_LO);
}

/**
 * xʸ with JavaScript's special cases. Integer exponents up to 2¹⁰ in size multiply
 * (so x^2 is x·x exactly); other exponents go through exp(y·log x).
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (!Number.isFinite(y)) {
    const ax = x < 0 ? -x : x;
    if (ax === 1) return NaN;
    return ax > 1 === y > 0 ? Infinity : 0;
  }
  const integer = Number.isInteger(y);
  if (integer && (y < 0 ? -y : y) <= 1024) {
    let e = y < 0 ? -y : y;
    let b = x;
    let acc = 1;
    while (e > 0) {
      if (e & 1) acc *= b;
      e >>= 1;
      if (e > 0) b *= b;
    }
    return y < 0 ? 1 / acc : acc;
  }
  if (x === 0 || !Number.isFinite(x)) {
    const odd = integer && y % 2 !== 0;
    const big = x !== 0; // ±Infinity
    const mag = big === y > 0 ? Infinity : 0;
    return x < 0 || Object.is(x, -0) ? (odd ? -mag : mag) : mag;
  }
  // Half-integer exponents: the integer part multiplies, the half is a square root (exact in IEEE 754).
  if (x > 0 && Number.isInteger(2 * y) && (y < 0 ? -y : y) <= 1024) {
    const m = pow(x, y - 0.5) * Math.sqrt(x);
    return m;
  }
  if (x < 0) {
    if (!integer) return NaN;
    const m = exp(y * log(-x));
    return y % 2 !== 0 ? -m : m;
  }
  return exp(y * log(x));
}
