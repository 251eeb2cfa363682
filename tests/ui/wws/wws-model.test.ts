import { describe, expect, it } from 'vitest';
import type { WwsTheory } from '../../../src/core/theory/alignment';
import { batchSweep, fittedGrowth, frobeniusRows, gammaLine, lossDomain, LOSS_CAP, reachedMinimum, sci, sweepBatches } from '../../../src/ui/wws/wws-model';
import type { SwitchInfo } from '../../../src/core/engine/switch-protocol';

const theory: WwsTheory = {
  mu0: 0.5,
  gamma: 0.55,
  frobenius: 20,
  traceH: 80,
  frobeniusBound: Math.sqrt(1 / 0.5) / 0.1,
  gdFrobeniusBound: (2 * Math.sqrt(80)) / 0.1,
  gamma0: (0.01 * 0.5 * 400) / 1,
  isotropicTraceBound: Math.sqrt(80) / 0.1,
  sharpnessPower: 12,
  nonUniformityPower: 30,
  c: 1,
  frobeniusBoundSource: 'Wu–Wang–Su Thm 3.3 (with replacement, c = 1/B)',
};

describe('the Wu–Wang–Su workspace model', () => {
  it('batchSweep(th, η, n) is η‖H‖_F√(μ₀/B): above 1 at B = 1 here, falling as 1/√B', () => {
    const s = batchSweep(theory, 0.1, 20);
    expect(s.map((p) => p.B)).toEqual([1, 2, 4, 8, 16, 20]);
    expect(s[0].ratio).toBeCloseTo(theory.frobenius / theory.frobeniusBound!, 12);
    expect(s[2].ratio * 2).toBeCloseTo(s[0].ratio, 12);
    expect(batchSweep(theory, 0.1, 20, 5).map((p) => p.B)).toEqual([1, 2, 4, 5, 8, 16, 20]);
    expect(batchSweep({ ...theory, mu0: null }, 0.1, 20)).toEqual([]);
  });

  it('batchSweep(th, η, n, B, "without") uses the batch factor of sampling without replacement: the same at B = 1, 0 at B = n', () => {
    const withR = batchSweep(theory, 0.1, 20, undefined, 'with');
    const without = batchSweep(theory, 0.1, 20, undefined, 'without');
    expect(without[0].ratio).toBeCloseTo(withR[0].ratio, 12);
    // c = (n − B)/(B(n − 1)) < 1/B for 1 < B < n, and 0 at B = n (GD): the bound is looser
    for (let i = 1; i < without.length - 1; i++) expect(without[i].ratio).toBeLessThan(withR[i].ratio);
    expect(without[without.length - 1]).toEqual({ B: 20, ratio: 0 });
  });

  it('sweepBatches(n) doubles from 1 and ends at n', () => {
    expect(sweepBatches(1)).toEqual([1]);
    expect(sweepBatches(5)).toEqual([1, 2, 4, 5]);
  });

  it('frobeniusRows(th) keeps the minimum’s norms apart from the theory’s bounds', () => {
    const rows = frobeniusRows(theory);
    expect(rows.filter((r) => r.kind === 'minimum').map((r) => r.key)).toEqual(['frobenius', 'trace']);
    expect(rows.filter((r) => r.kind === 'theory').map((r) => r.key)).toEqual(['bound', 'gd']);
    expect(rows.every((r) => r.kind === 'minimum' || r.label.startsWith('theory'))).toBe(true);
    expect(frobeniusRows({ ...theory, frobeniusBound: null }).map((r) => r.key)).not.toContain('bound');
  });

  it('gammaLine(L₀, γ₀, T) starts at L₀ and grows by γ₀ a step', () => {
    const line = gammaLine(1e-6, 2.5, 20, 20);
    expect(line[0]).toEqual({ t: 0, loss: 1e-6 });
    expect(line[5].loss / line[4].loss).toBeCloseTo(2.5, 12);
    expect(line.at(-1)!.t).toBe(20);
  });

  it('lossDomain caps the axis at LOSS_CAP so diverging runs leave through the top', () => {
    const [lo, hi] = lossDomain(1e-6, 1e300);
    expect(hi).toBeCloseTo(LOSS_CAP * 1.5, 6);
    expect(lo).toBeCloseTo(1e-6 / 1.5, 12);
    expect(lossDomain(0, 0)).toEqual([1e-8, 1]);
  });

  it('reachedMinimum prefers the switch point’s theory to the listed minimum’s', () => {
    const sw: SwitchInfo = { threshold: 1e-6, step: 42, gdSteps: 42, loss: 9e-7, diverged: false, theory };
    expect(reachedMinimum(null, sw)).toEqual({ theory, label: 'GD’s switch point (step 42)' });
    expect(reachedMinimum(null, { ...sw, theory: null })).toBeNull();
  });

  it('sci writes 9.5·10⁻⁷ and 1·10⁻⁶', () => {
    expect(sci(9.52e-7)).toBe('9.5·10⁻⁷');
    expect(sci(1e-6)).toBe('1·10⁻⁶');
    expect(sci(230)).toBe('2.3·10²');
    expect(sci(3)).toBe('3');
  });
});

describe('fittedGrowth(step, mean)', () => {
  it('recovers the growth of an exact exponential over the first three decades', () => {
    const step = Array.from({ length: 30 }, (_, t) => t);
    const mean = step.map((t) => 1e-6 * 3 ** t);
    const g = fittedGrowth(step, mean)!;
    expect(g.rate).toBeCloseTo(3, 10);
    // 3⁷ = 2187 > 10³: the fit stops at the first point past three decades
    expect(g).toMatchObject({ from: 0, to: 7 });
  });

  it('fits every point when the mean never rises three decades, and gives a rate below 1 for a decay', () => {
    const step = [0, 1, 2, 3, 4];
    const g = fittedGrowth(step, step.map((t) => 0.5 ** t))!;
    expect(g.rate).toBeCloseTo(0.5, 10);
    expect(g.to).toBe(4);
    expect(fittedGrowth([0, 1], [1, 2])).toBeNull();
  });
});
