import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../src/core/formula/compile-formulas';
import { gradientOf, hessianOf, valueOf } from '../../../src/core/formula/evaluate-tape';
import type { Tape } from '../../../src/core/formula/tape';

/** Smooth formulas in x and y, defined everywhere (so central differences apply). */
const formulaArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', 'pi', 'e'),
    fc.double({ min: -2, max: 2, noNaN: true }).map((c) => `(${c.toFixed(3)})`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'atan'), tie('e')).map(([f, a]) => `${f}(${a})`),
    tie('e').map((a) => `exp(tanh(${a}))`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `log(1 + (${a})^2)`),
    tie('e').map((a) => `(${a})^3`),
    tie('e').map((a) => `-(${a})`),
    tie('e').map((a) => `2^tanh(${a})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) / (1 + (${b})^2)`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(1 + (${a})^2)^tanh(${b})`),
  ),
})).e;

const pointArb = fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }));

function compiled(src: string): Tape {
  const r = compileFormula(src, 2);
  if ('error' in r) throw new Error(`${src}: ${r.error.message}`);
  return r.tape;
}

const near = (ad: number, fd: number, scale: number) => Math.abs(ad - fd) <= 2e-5 * (1 + Math.abs(fd) + scale);

describe('forward-mode AD over a tape', () => {
  it('gives gradients that agree with central differences of the value, on random formulas (property)', () => {
    fc.assert(
      fc.property(formulaArb, pointArb, (src, [x, y]) => {
        const t = compiled(src);
        const k = t.length - 1;
        const h = 1e-5;
        const f = gradientOf(t, x, y);
        const g0 = t.g0[k];
        const g1 = t.g1[k];
        expect(f).toBe(valueOf(t, x, y));
        const d0 = (valueOf(t, x + h, y) - valueOf(t, x - h, y)) / (2 * h);
        const d1 = (valueOf(t, x, y + h) - valueOf(t, x, y - h)) / (2 * h);
        const scale = Math.abs(f);
        expect(near(g0, d0, scale), `${src} at (${x}, ${y}): ∂x ${g0} vs ${d0}`).toBe(true);
        expect(near(g1, d1, scale), `${src} at (${x}, ${y}): ∂y ${g1} vs ${d1}`).toBe(true);
      }),
      { numRuns: 400, seed: 6 },
    );
  });

  it('gives Hessians that agree with central differences of the AD gradient, on random formulas (property)', () => {
    fc.assert(
      fc.property(formulaArb, pointArb, (src, [x, y]) => {
        const t = compiled(src);
        const k = t.length - 1;
        const h = 1e-5;
        hessianOf(t, x, y);
        const [h00, h01, h11] = [t.h00[k], t.h01[k], t.h11[k]];
        const scale = Math.abs(t.g0[k]) + Math.abs(t.g1[k]);
        const grad = (u: number, w: number) => (gradientOf(t, u, w), [t.g0[k], t.g1[k]]);
        const [ax, bx] = [grad(x + h, y), grad(x - h, y)];
        const [ay, by] = [grad(x, y + h), grad(x, y - h)];
        expect(near(h00, (ax[0] - bx[0]) / (2 * h), scale), `${src}: h00`).toBe(true);
        expect(near(h01, (ay[0] - by[0]) / (2 * h), scale), `${src}: h01 via ∂y∂x`).toBe(true);
        expect(near(h01, (ax[1] - bx[1]) / (2 * h), scale), `${src}: h01 via ∂x∂y`).toBe(true);
        expect(near(h11, (ay[1] - by[1]) / (2 * h), scale), `${src}: h11`).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('takes the active branch of min and max, the first at a tie', () => {
    const t = compiled('min(x^2, 0.1*(x-1)^2)');
    const k = t.length - 1;
    hessianOf(t, 1, 0);
    expect([t.v[k], t.g0[k], t.h00[k]]).toEqual([0, 0, 0.2]);
    hessianOf(t, 0, 0);
    expect([t.v[k], t.g0[k], t.h00[k]]).toEqual([0, 0, 2]);
    // At x = 1/2 both branches of max are 1: the first (slope +2) is taken.
    const m = compiled('max(2*x, 2 - 2*x)');
    gradientOf(m, 0.5, 0);
    expect(m.g0[m.length - 1]).toBe(2);
    const a = compiled('abs(x)');
    gradientOf(a, 0, 0);
    expect(a.g0[a.length - 1]).toBe(1);
  });

  it('is exact on polynomials: the Hessian of (y − 0.3x² + 15)² at (0, −15) is diag(0, 2)', () => {
    const t = compiled('(y - 0.3*x^2 + 15)^2');
    const k = t.length - 1;
    hessianOf(t, 0, -15);
    expect([t.v[k], t.g0[k], t.g1[k], t.h00[k], t.h01[k], t.h11[k]]).toEqual([0, 0, 0, 0, 0, 2]);
  });

  it('folds constants and shares repeated subexpressions: x*(x-1) + (x-1) needs 4 instructions', () => {
    expect(compiled('x*(x-1) + (x-1)').length).toBe(4);
    expect(compiled('2*pi*x').c).toContain(2 * Math.PI);
  });
});
