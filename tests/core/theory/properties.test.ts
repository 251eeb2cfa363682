import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuadraticProblem } from '../../../src/core/problems/quadratic';
import { insideRectangle, stabilityRectangle } from '../../../src/core/stability-region';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';

/** Random PSD components: Hᵢ = AᵢAᵢᵀ (+ diagonal when `commuting`). */
const problemArb = fc
  .record({
    d: fc.integer({ min: 1, max: 3 }),
    n: fc.integer({ min: 2, max: 6 }),
    commuting: fc.boolean(),
    entries: fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 6 * 9, maxLength: 6 * 9 }),
  })
  .map(({ d, n, commuting, entries }) => {
    const hs: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const h = new Float64Array(d * d);
      if (commuting) for (let r = 0; r < d; r++) h[r * d + r] = entries[i * 9 + r] ** 2;
      else
        for (let r = 0; r < d; r++)
          for (let c = 0; c < d; c++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += entries[i * 9 + r * 3 + k] * entries[i * 9 + c * 3 + k];
            h[r * d + c] = s;
          }
      hs.push(h);
    }
    return { problem: new QuadraticProblem(hs, d), commuting, d };
  });

const settingsArb = fc.record({
  eta: fc.double({ min: 0.01, max: 3, noNaN: true }),
  Bfrac: fc.double({ min: 0, max: 1, noNaN: true }),
  sampling: fc.constantFrom('without' as const, 'with' as const),
});

const analyse = (p: QuadraticProblem, s: { eta: number; Bfrac: number; sampling: 'without' | 'with' }) => {
  const B = 1 + Math.floor(s.Bfrac * (p.n - 1));
  return { B, t: analyseMinimum(p, p.minima[0], { eta: s.eta, B, sampling: s.sampling, radius: 1e-3, escape: 1, seed: 5 }) };
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the theory, on random problems (property tests)', () => {
  it("keeps ρ(𝒯) at most Theorem 1's eigenvalue", () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem }, s) => {
        const { t } = analyse(problem, s);
        expect(t.spectralRadius).toBeLessThanOrEqual(t.theorem1 * (1 + 1e-9) + 1e-12);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('has equality in 1D and when all Hᵢ commute', () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem, commuting, d }, s) => {
        if (!(commuting || d === 1)) return;
        const { t } = analyse(problem, s);
        expect(close(t.spectralRadius, t.theorem1)).toBe(true);
      }),
      { numRuns: 150, seed: 2 },
    );
  });

  it('keeps Λ at most ½ ln ρ(𝒯) (within Monte Carlo error where Λ is estimated)', () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem }, s) => {
        const { t } = analyse(problem, s);
        if (t.spectralRadius === 0) return;
        expect(t.lyapunov.value).toBeLessThanOrEqual(0.5 * Math.log(t.spectralRadius) + 4 * t.lyapunov.stderr + 1e-9);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it("makes Theorem 1's condition imply the rectangle", () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem }, s) => {
        const { B, t } = analyse(problem, s);
        if (t.theorem1 <= 1) expect(insideRectangle(t.sharpness, t.nonUniformity * (1 - 1e-9), stabilityRectangle(s.eta, problem.n, B, s.sampling))).toBe(true);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it("makes GD's stability a ≤ 2/η", () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem }, s) => {
        const { t } = analyse(problem, s);
        expect(t.stableGD).toBe(t.sharpness <= 2 / s.eta);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it("at B = n without replacement gives SGD the ρ of GD, max over eigenvalues of (1 − ηλ)²", () => {
    fc.assert(
      fc.property(problemArb, settingsArb, ({ problem }, s) => {
        const t = analyseMinimum(problem, problem.minima[0], { eta: s.eta, B: problem.n, sampling: 'without', radius: 1e-3, escape: 1, seed: 1 });
        expect(t.c).toBe(0);
        const lambdas = t.patelGD ? t.patelGD.lambdas : [];
        const gd = Math.max((1 - s.eta * t.sharpness) ** 2, ...lambdas.map((l) => (1 - s.eta * l) ** 2), lambdas.length < problem.dim ? 1 : 0);
        expect(close(t.spectralRadius, gd)).toBe(true);
      }),
      { numRuns: 100, seed: 6 },
    );
  });
});
