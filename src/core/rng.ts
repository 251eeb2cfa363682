import * as pm from './portable-math';
/**
 * (A little over 300 lines on purpose: the two generators and xoshiro's
 * jump-ahead, which steps the generator itself to find its characteristic
 * polynomial, read best in one place; split, they would import each other.)
 *
 * Seeded random numbers. Every draw in a run comes from a stream derived from
 * (seed, stream index, salt) only, so a run does not depend on how runs are
 * grouped into batches or workers. Nothing here touches Math.random.
 *
 * Two generators, chosen by the link's version `v` (docs: README, "Random streams"):
 * - v ≥ 2: xoshiro128** (Blackman & Vigna), a 128-bit state and period 2¹²⁸ − 1.
 *   Stream r of a (seed, salt) family starts r·2⁶⁴ steps after the family's base
 *   state (a jump-ahead), so two streams of one family cannot overlap unless one
 *   of them draws 2⁶⁴ numbers: disjoint by construction. Families of different
 *   seeds or salts start at hashed points of the cycle.
 * - v = 1: mulberry32, a 32-bit state (period 2³²); every stream is a hashed start
 *   on that one cycle, so long streams can overlap. Kept so that v = 1 links
 *   reproduce their numbers bit for bit.
 * Only 32-bit integer operations (Math.imul, >>>, ^, <<) are used, so both are
 * bit for bit the same in every JavaScript engine.
 */

/** splitmix32 finaliser: a good 32-bit avalanche hash. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** mulberry32's 32-bit starting state of stream `stream` of seed `seed` (both integers). */
export function streamState(seed: number, stream: number, salt = 0): number {
  return mix32(mix32(mix32(seed >>> 0) ^ (stream >>> 0)) ^ Math.imul(salt + 1, 0x27d4eb2d));
}

/** The generators a link can name. */
export type Generator = 'mulberry32' | 'xoshiro128**';

/** The generator of the newest link version: what specs built without a link use. */
export const NEWEST_GENERATOR: Generator = 'xoshiro128**';

/** The generator of link version v: xoshiro128** from v = 2 on, mulberry32 for v = 1. */
export function generatorOf(v: number): Generator {
  return v >= 2 ? 'xoshiro128**' : 'mulberry32';
}

/** What every generator offers on top of next(). */
abstract class RandomStream {
  /** Uniform on [0, 1), 32 bits of resolution. */
  abstract next(): number;
  /** Uniform integer in 0..n−1. */
  int(n: number): number {
    return (this.next() * n) | 0;
  }
  /** Uniform on (lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Standard normal by Box–Muller (one of the pair; simple and exact enough here). */
  normal(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * pm.log(u)) * pm.cos(2 * Math.PI * v);
  }
}

/**
 * mulberry32: a fast 32-bit generator. Used by v = 1 links, and by every link for
 * the problems' own random data (random quadratics, Styblinski–Tang components,
 * features), so one query names the same problem in every version.
 */
export class Mulberry32 extends RandomStream {
  state: number;
  constructor(seed: number, stream = 0, salt = 0) {
    super();
    // Kept as a signed 32-bit integer, as next() leaves it (the same draws: next()
    // reduces modulo 2³² either way). A state above 2³¹ stored as a double changes
    // the field's representation and slows the engine's loop in some processes.
    this.state = streamState(seed, stream, salt) | 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/**
 * xoshiro128**: four 32-bit words of state, all kept as signed 32-bit integers
 * (see Mulberry32's constructor for why).
 */
export class Xoshiro128 extends RandomStream {
  s0: number;
  s1: number;
  s2: number;
  s3: number;
  constructor(state: ArrayLike<number>) {
    super();
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one state that never leaves 0
  }
  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const out = Math.imul((m << 7) | (m >>> 25), 9);
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return out >>> 0;
  }
  /** nextUint32() / 2³², written out: this is the engine's innermost call, and it stays monomorphic and call-free. */
  next(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const out = Math.imul((m << 7) | (m >>> 25), 9);
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return (out >>> 0) / 4294967296;
  }
  /** The state as four unsigned words. */
  words(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }
}

/** Any generator a stream can use. */
export type Rng = Mulberry32 | Xoshiro128;

// ---- Jump-ahead for xoshiro128** ------------------------------------------------
// The state transition T is linear over GF(2)¹²⁸. T^k = q(T) with q(x) = x^k mod P(x),
// P the characteristic polynomial of T; applying q to a state costs 128 steps.
// Polynomials of degree < 128 are four 32-bit words, bit i of word w the
// coefficient of x^(32w + i).

/** The published jump polynomial x^(2⁶⁴) mod P (Blackman & Vigna, xoshiro128starstar.c). */
export const JUMP_2_64: readonly number[] = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/** Apply q(T) to a state: Σ qᵢ Tⁱ s. */
export function applyJump(state: ArrayLike<number>, q: ArrayLike<number>): [number, number, number, number] {
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (let w = 0; w < 4; w++) {
    const word = q[w] | 0;
    for (let b = 0; b < 32; b++) {
      if ((word >>> b) & 1) {
        a0 ^= s0;
        a1 ^= s1;
        a2 ^= s2;
        a3 ^= s3;
      }
      // One step of the linear engine (the output scrambler plays no part).
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
  }
  return [a0 >>> 0, a1 >>> 0, a2 >>> 0, a3 >>> 0];
}

/**
 * The characteristic polynomial of T, found by Berlekamp–Massey from 256 bits of
 * one state word (T has full period, so P is primitive and the minimal polynomial
 * of any nonzero sequence it generates). Returned as its 128 low coefficients;
 * the x¹²⁸ term is implicit. Checked in the tests: x^(2⁶⁴) mod P is JUMP_2_64.
 */
export function characteristicPolynomial(): Uint32Array {
  const N = 256;
  const bits = new Uint8Array(N);
  const g = new Xoshiro128([1, 2, 3, 4]);
  for (let t = 0; t < N; t++) {
    bits[t] = g.s0 & 1;
    g.nextUint32();
  }
  // Berlekamp–Massey over GF(2): connection polynomial C(x) = 1 + c₁x + … + c_L x^L.
  const C = new Uint8Array(N + 1);
  let Bp = new Uint8Array(N + 1);
  C[0] = 1;
  Bp[0] = 1;
  let L = 0;
  let m = 1;
  for (let t = 0; t < N; t++) {
    let disc = bits[t];
    for (let i = 1; i <= L; i++) disc ^= C[i] & bits[t - i];
    if (disc === 0) {
      m++;
      continue;
    }
    const T = C.slice();
    for (let i = 0; i + m <= N; i++) C[i + m] ^= Bp[i];
    if (2 * L <= t) {
      L = t + 1 - L;
      Bp = T;
      m = 1;
    } else m++;
  }
  if (L !== 128) throw new Error(`xoshiro128: linear complexity ${L}, expected 128`);
  // P(x) = x^L C(1/x): the coefficient of x^(L−i) is cᵢ.
  const P = new Uint32Array(4);
  for (let i = 1; i <= L; i++) if (C[i]) P[(L - i) >>> 5] |= 1 << ((L - i) & 31);
  return P;
}

/** a·b mod P over GF(2) (degree < 128 each). */
export function mulMod(a: ArrayLike<number>, b: ArrayLike<number>, P: ArrayLike<number>): Uint32Array {
  const r = new Uint32Array(4);
  for (let i = 127; i >= 0; i--) {
    // r ← r·x mod P
    const carry = r[3] >>> 31;
    r[3] = (r[3] << 1) | (r[2] >>> 31);
    r[2] = (r[2] << 1) | (r[1] >>> 31);
    r[1] = (r[1] << 1) | (r[0] >>> 31);
    r[0] = r[0] << 1;
    if (carry) for (let w = 0; w < 4; w++) r[w] ^= P[w];
    if ((a[i >>> 5] >>> (i & 31)) & 1) for (let w = 0; w < 4; w++) r[w] ^= b[w];
  }
  return r;
}

/** JUMPS[k] = x^(2^(64+k)) mod P: the jump by 2^(64+k) steps, for stream indices below 2³². */
let JUMPS: Uint32Array[] | null = null;
export function jumpPolynomials(): Uint32Array[] {
  if (JUMPS) return JUMPS;
  const P = characteristicPolynomial();
  const out: Uint32Array[] = [Uint32Array.from(JUMP_2_64)];
  for (let k = 1; k < 32; k++) out.push(mulMod(out[k - 1], out[k - 1], P));
  JUMPS = out;
  return out;
}

/** The base state of the (seed, salt) family: four hashed words. */
export function familyBase(seed: number, salt: number): [number, number, number, number] {
  const h = mix32(mix32(seed >>> 0) ^ Math.imul(salt + 1, 0x27d4eb2d));
  const s: [number, number, number, number] = [mix32(h ^ 0x243f6a88), mix32(h ^ 0x85a308d3), mix32(h ^ 0x13198a2e), mix32(h ^ 0x03707344)];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

/**
 * The last stream handed out per family: a run of consecutive streams (an
 * ensemble's runs, a phase cell's runs) costs one 2⁶⁴ jump each instead of one
 * per set bit of the index. A cache only: the state of stream r is the same
 * whichever way it is reached.
 */
const lastStream = new Map<string, { r: number; s: [number, number, number, number] }>();

/** The state of stream r (0 ≤ r < 2³²) of the (seed, salt) family: base jumped by r·2⁶⁴. */
export function xoshiroStreamState(seed: number, stream: number, salt: number): [number, number, number, number] {
  const r = stream >>> 0;
  const key = `${seed >>> 0}:${salt}`;
  const memo = lastStream.get(key);
  // From the last stream handed out when it comes before r (the base's hash is then not needed).
  const fromMemo = memo !== undefined && memo.r <= r;
  const from = fromMemo ? memo.s : familyBase(seed, salt);
  let k = fromMemo ? r - memo.r : r;
  const jumps = jumpPolynomials();
  let s = from;
  for (let b = 0; k > 0; b++, k = Math.floor(k / 2)) if (k % 2 === 1) s = applyJump(s, jumps[b]);
  if (lastStream.size > 256) lastStream.clear();
  lastStream.set(key, { r, s });
  return s;
}

/** Stream `stream` of seed `seed` under the generator of a link. */
export function streamRng(generator: Generator, seed: number, stream = 0, salt = 0): Rng {
  return generator === 'mulberry32' ? new Mulberry32(seed, stream, salt) : new Xoshiro128(xoshiroStreamState(seed, stream, salt));
}

/**
 * The stream of run r of phase-grid cell c (of `runs` runs a cell). Under
 * xoshiro128** it is stream c·runs + r of the seed's run family, so every run of
 * the grid has its own disjoint stream; under mulberry32 (v = 1) the cell has its
 * own hashed seed and the run its index, as v = 1 links were computed.
 */
export function cellStream(generator: Generator | undefined, seed: number, cell: number, runs: number, r: number): { seed: number; runIndex: number; rng: Generator } {
  const g = generator ?? NEWEST_GENERATOR;
  if (g === 'mulberry32') return { seed: streamState(seed, cell, Salt.phaseCell), runIndex: r, rng: g };
  return { seed, runIndex: cell * runs + r, rng: g };
}

/** Salts keep independent uses of one seed apart. */
export const Salt = {
  run: 0,
  problem: 101,
  lyapunov: 202,
  start: 303,
  phaseCell: 404,
  selection: 505,
} as const;
