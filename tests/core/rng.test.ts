import { describe, expect, it } from 'vitest';
import {
  applyJump,
  characteristicPolynomial,
  familyBase,
  generatorOf,
  JUMP_2_64,
  jumpPolynomials,
  mulMod,
  Mulberry32,
  streamRng,
  Xoshiro128,
  xoshiroStreamState,
  type Rng,
} from '../../src/core/rng';

/*
 * The statistical tests below are deterministic (fixed seeds), so they cannot flake:
 * each either passes for ever or fails for ever. Each states its false-alarm rate α:
 * the probability that an ideal generator would fail the same threshold. Thresholds
 * are set at about 5 standard deviations, α ≈ 6·10⁻⁷ per statistic (two-sided normal
 * tail at z = 5), so the whole file's family-wise rate stays below 10⁻⁴.
 */
const Z = 5;

function uniforms(g: Rng, n: number): Float64Array {
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = g.next();
  return u;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Birthday spacings: 2¹⁰ birthdays in 2²⁴ days (24 bits of each output from bit
 * `shift`), λ = m³/(4n) = 16 duplicate spacings a year; over 200 years the total is
 * Poisson(3200). Returns |total − 3200| in standard deviations.
 */
function birthdayDeviation(next: () => number, shift: number): number {
  const m = 1024;
  const years = 200;
  let total = 0;
  const days = new Uint32Array(m);
  const gaps = new Uint32Array(m);
  for (let y = 0; y < years; y++) {
    for (let i = 0; i < m; i++) days[i] = (next() >>> shift) & 0xffffff;
    days.sort();
    for (let i = 0; i < m; i++) gaps[i] = i === 0 ? days[0] : days[i] - days[i - 1];
    gaps.sort();
    for (let i = 1; i < m; i++) if (gaps[i] === gaps[i - 1]) total++;
  }
  const lambda = years * 16;
  return Math.abs(total - lambda) / Math.sqrt(lambda);
}

/** Wilson–Hilferty: the χ²_k quantile at standard-normal z (accurate to < 0.1% for k ≥ 100). */
const chi2Quantile = (k: number, z: number) => k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;

describe('xoshiro128** matches the reference implementation', () => {
  // Outputs of Blackman & Vigna's xoshiro128starstar.c from the state (1, 2, 3, 4),
  // compiled with gcc: six outputs; four after one jump(); four after three.
  it('the first outputs from (1, 2, 3, 4)', () => {
    const g = new Xoshiro128([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => g.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it('after one and three jumps of 2⁶⁴', () => {
    const one = new Xoshiro128(applyJump([1, 2, 3, 4], JUMP_2_64));
    expect(Array.from({ length: 4 }, () => one.nextUint32())).toEqual([1194304935, 745561276, 25819468, 3320478005]);
    const J = jumpPolynomials();
    const three = new Xoshiro128(applyJump(applyJump([1, 2, 3, 4], J[0]), J[1]));
    expect(Array.from({ length: 4 }, () => three.nextUint32())).toEqual([3344231144, 1269814945, 1012918313, 917248472]);
  });
  it('the characteristic polynomial gives the published jump: x^(2⁶⁴) mod P', () => {
    const P = characteristicPolynomial();
    let x: Uint32Array = Uint32Array.of(2, 0, 0, 0);
    for (let i = 0; i < 64; i++) x = mulMod(x, x, P);
    expect(Array.from(x)).toEqual(JUMP_2_64);
  });
  it('JUMPS[k] is the jump by 2^(64+k): JUMPS[2] equals four jumps of 2⁶⁴', () => {
    const J = jumpPolynomials();
    let s = familyBase(9, 3) as number[];
    for (let i = 0; i < 4; i++) s = applyJump(s, J[0]);
    expect(applyJump(familyBase(9, 3), J[2])).toEqual(s);
  });
});

describe('streams are disjoint by construction', () => {
  it('stream r + 1 starts exactly 2⁶⁴ draws after stream r, whatever order streams are asked for', () => {
    const J0 = jumpPolynomials()[0];
    const seq = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => xoshiroStreamState(77, r, 0));
    for (let r = 0; r < 7; r++) expect(applyJump(seq[r], J0)).toEqual(seq[r + 1]);
    // Out of order (the cache of the last stream must not change any state).
    for (const r of [5, 2, 7, 0, 6, 1]) expect(xoshiroStreamState(77, r, 0)).toEqual(seq[r]);
    expect(xoshiroStreamState(77, 0, 0)).toEqual(familyBase(77, 0).map((w) => w >>> 0));
  });
  it('a large index is the sum of its binary jumps: stream 2¹⁶ + 3 from stream 3 is one jump of 2⁸⁰', () => {
    const J = jumpPolynomials();
    expect(applyJump(xoshiroStreamState(4, 3, 1), J[16])).toEqual(xoshiroStreamState(4, 65539, 1));
  });
  it('v = 1 is mulberry32, v ≥ 2 xoshiro128**; mulberry32 is unchanged', () => {
    expect(generatorOf(1)).toBe('mulberry32');
    expect(generatorOf(2)).toBe('xoshiro128**');
    expect(streamRng('mulberry32', 1, 0, 0)).toBeInstanceOf(Mulberry32);
    expect(streamRng('xoshiro128**', 1, 0, 0)).toBeInstanceOf(Xoshiro128);
    // The first draws of the old generator's stream (1, 0, salt 0).
    const m = new Mulberry32(1, 0, 0);
    const first = [m.next(), m.next()];
    const again = new Mulberry32(1, 0, 0);
    expect([again.next(), again.next()]).toEqual(first);
  });
});

describe('statistical tests of xoshiro128** streams (α ≈ 6·10⁻⁷ each)', () => {
  const N = 1_000_000;
  const u = uniforms(streamRng('xoshiro128**', 12345, 0, 0), N);

  it('χ² uniformity over 1000 bins: within the two-sided 5σ quantiles of χ²₉₉₉', () => {
    const bins = new Float64Array(1000);
    for (let i = 0; i < N; i++) bins[Math.floor(u[i] * 1000)]++;
    const e = N / 1000;
    let chi2 = 0;
    for (const b of bins) chi2 += (b - e) ** 2 / e;
    expect(chi2).toBeGreaterThan(chi2Quantile(999, -Z));
    expect(chi2).toBeLessThan(chi2Quantile(999, Z));
  });

  it('serial correlation at lags 1 to 8: |r| < 5/√N', () => {
    for (let lag = 1; lag <= 8; lag++) {
      const r = correlation(u.subarray(0, N - lag), u.subarray(lag));
      expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(N - lag));
    }
  });

  it("birthday spacings (Marsaglia): duplicate spacings of 2¹⁰ birthdays in 2²⁴ days, summed over 200 years, are Poisson(3200)", () => {
    const g = streamRng('xoshiro128**', 2024, 3, 0) as Xoshiro128;
    for (const shift of [8, 0]) expect(birthdayDeviation(() => g.nextUint32(), shift)).toBeLessThan(Z);
  });

  it('neighbouring streams (r, r + 1) and neighbouring seeds are uncorrelated: |r| < 5/√n for each of 24 pairs', () => {
    const n = 100_000;
    const pairs: [Rng, Rng][] = [];
    for (let r = 0; r < 8; r++) pairs.push([streamRng('xoshiro128**', 1, r, 0), streamRng('xoshiro128**', 1, r + 1, 0)]);
    for (let s = 1; s <= 8; s++) pairs.push([streamRng('xoshiro128**', s, 0, 0), streamRng('xoshiro128**', s + 1, 0, 0)]);
    // The same stream under the run and start salts (a run's steps and its start).
    for (let r = 0; r < 8; r++) pairs.push([streamRng('xoshiro128**', 3, r, 0), streamRng('xoshiro128**', 3, r, 303)]);
    for (const [a, b] of pairs) {
      const r = correlation(uniforms(a, n), uniforms(b, n));
      expect(Math.abs(r)).toBeLessThan(Z / Math.sqrt(n));
    }
  });

  it('the tests can fail: a 32-bit LCG fails birthday spacings in its low bits, and two overlapping streams correlate perfectly', () => {
    let x = 1;
    const lcg = () => (x = (Math.imul(x, 69069) + 1) >>> 0);
    expect(birthdayDeviation(lcg, 0)).toBeGreaterThan(Z);
    // Two mulberry32 streams whose hashed starts lie 1000 steps apart on its one cycle of
    // 2³² (the state advances by 0x6d2b79f5 a draw): the second repeats the first.
    const a = new Mulberry32(5, 0, 0);
    const b = new Mulberry32(5, 0, 0);
    b.state = (a.state + Math.imul(1000, 0x6d2b79f5)) | 0;
    const ua = uniforms(a, 3000);
    const ub = uniforms(b, 2000);
    expect(correlation(ua.subarray(1000), ub)).toBe(1);
  });
});
