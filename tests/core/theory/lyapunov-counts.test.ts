import { describe, expect, it } from 'vitest';
import { lyapunov1D } from '../../../src/core/theory/lyapunov';

const eta = 0.9;

describe('Λ in 1D summed exactly over the batch counts where they are few enough', () => {
  it('weighted, with replacement, n = 7 and B = 7: all 7⁷ ordered batches enumerated here give the same Λ (1,716 compositions)', () => {
    const h = Float64Array.of(0.2, 0.5, 0.9, 1.3, 1.7, 2.4, 3.1);
    const p = Float64Array.of(0.05, 0.1, 0.2, 0.25, 0.2, 0.12, 0.08);
    const B = 7;
    // Brute force: every ordered batch (i₁ … i₇), probability ∏ p, curvature the mean of the h.
    let ref = 0;
    const idx = new Array<number>(B).fill(0);
    for (;;) {
      let pr = 1;
      let m = 0;
      for (const i of idx) {
        pr *= p[i];
        m += h[i];
      }
      ref += pr * Math.log(Math.abs(1 - (eta * m) / B));
      let k = B - 1;
      while (k >= 0 && idx[k] === 6) idx[k--] = 0;
      if (k < 0) break;
      idx[k]++;
    }
    const l = lyapunov1D(h, p, eta, B, 'with', 1);
    expect(l.exact).toBe(true);
    expect(l.stderr).toBe(0);
    expect(l.method).toBe('exact (1716 compositions of the batch)');
    expect(Math.abs(l.value - ref)).toBeLessThan(1e-12);
  });

  it('without replacement, n = 40 distinct curvatures and B = 5: all C(40, 5) = 658,008 batches enumerated here give the same Λ', () => {
    const n = 40;
    const B = 5;
    const h = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.07 * i);
    const p = new Float64Array(n).fill(1 / n);
    let ref = 0;
    let count = 0;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        for (let c = b + 1; c < n; c++)
          for (let d = c + 1; d < n; d++)
            for (let e = d + 1; e < n; e++) {
              ref += Math.log(Math.abs(1 - (eta * (h[a] + h[b] + h[c] + h[d] + h[e])) / B));
              count++;
            }
    expect(count).toBe(658008);
    ref /= count;
    const l = lyapunov1D(h, p, eta, B, 'without', 1);
    expect(l.exact).toBe(true);
    expect(l.method).toBe('exact (658008 hypergeometric counts of the batch)');
    // 658,008 terms, each rounded: agreement to 1e-10 (the reference suite's bar is 1e-9)
    expect(Math.abs(l.value - ref)).toBeLessThan(1e-10);
  });

  it('repeated curvatures are grouped: 3 values held by 60 components, B = 20, without replacement, against a direct multivariate hypergeometric sum', () => {
    const vals = [0.3, 1.1, 2.6];
    const K = [25, 20, 15];
    const h = Float64Array.from(K.flatMap((k, l) => new Array<number>(k).fill(vals[l])));
    const n = h.length;
    const B = 20;
    const p = new Float64Array(n).fill(1 / n);
    // ∏ C(Kₗ, jₗ) / C(n, B) with exact integers (BigInt), then the sum.
    const C = (a: number, b: number): bigint => {
      if (b < 0 || b > a) return 0n;
      let r = 1n;
      for (let i = 1; i <= b; i++) r = (r * BigInt(a - b + i)) / BigInt(i);
      return r;
    };
    const total = C(n, B);
    let ref = 0;
    for (let j0 = 0; j0 <= B; j0++)
      for (let j1 = 0; j0 + j1 <= B; j1++) {
        const j2 = B - j0 - j1;
        const ways = C(K[0], j0) * C(K[1], j1) * C(K[2], j2);
        if (ways === 0n) continue;
        const pr = Number((ways * 10n ** 30n) / total) / 1e30;
        ref += pr * Math.log(Math.abs(1 - (eta * (j0 * vals[0] + j1 * vals[1] + j2 * vals[2])) / B));
      }
    const l = lyapunov1D(h, p, eta, B, 'without', 1);
    expect(l.exact).toBe(true);
    expect(l.method).toMatch(/hypergeometric counts of the batch/);
    expect(Math.abs(l.value - ref)).toBeLessThan(1e-12);
  });

  it('beyond 10⁶ count vectors it stays a Monte Carlo estimate with its error', () => {
    const n = 60;
    const h = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.05 * i);
    const l = lyapunov1D(h, new Float64Array(n).fill(1 / n), eta, 8, 'with', 1);
    expect(l.exact).toBe(false);
    expect(l.stderr).toBeGreaterThan(0);
  });
});
