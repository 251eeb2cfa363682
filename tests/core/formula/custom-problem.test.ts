import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { projectOntoBox, type Problem } from '../../../src/core/problems/problem';
import { simulateQuery } from '../../../src/core/simulate';

const build = (query: string): Problem => {
  const { problem, issues } = buildProblem(decodeQuery(`problem=custom&${query}`).config);
  expect(issues).toEqual([]);
  return problem;
};

describe('CustomProblem: its minima found in the box', () => {
  beforeAll(() => loadFormulaCompiler());

  it("finds Patel's quadratic basin in 2D: (0, −15), a fixed point with Hᵢ = diag(0, 2q₁ᵢ) plus the x terms", () => {
    const out = simulateQuery(`problem=custom&f=${encodeURIComponent('(y - 0.3*x^2 + 15)^2 + 0.1*x^2; 3*(y - 0.3*x^2 + 15)^2 + 0.3*x^2')}&box=-10,10,-20,15&steps=5&runs=2`);
    expect(out.issues).toEqual([]);
    expect(out.minima.map((m) => [m.label, m.fixedPoint])).toEqual([['x* = (0, -15)', true]]);
    // H₁ = diag(0.2, 2), H₂ = diag(0.6, 6): a = mean of 2 and 6 = 4, s = std = 2.
    expect(out.minima[0].sharpness).toBeCloseTo(4, 10);
    expect(out.minima[0].nonUniformity).toBeCloseTo(2, 10);
  });

  it('flags a minimum that is not a fixed point of every component (inhomogeneous)', () => {
    const p = build('f=(x-1)^2;(x+1)^2');
    expect(p.minima.map((m) => [m.label, m.fixedPoint])).toEqual([['x* = 0', false]]);
  });

  it('lists strict minima only, and explains saddles, maxima and flat minima in notes instead', () => {
    const p = build('f=cos(3x) + x^2/4');
    expect(p.minima.every((m) => m.caveat === undefined)).toBe(true);
    expect(p.notes.some((n) => n.startsWith('x ≈ 0: a stationary point that is not a minimum'))).toBe(true);
    const flat = buildProblem(decodeQuery('problem=custom&f=x^4').config).problem;
    expect(flat.minima).toEqual([]);
    expect(flat.notes.some((n) => n.startsWith('x ≈ 0: a flat minimum'))).toBe(true);
    expect(flat.notes).toContain('no strict minimum found: pin one with pin= to analyse a point');
  });

  it('analyses a pinned point as given, first, with a caveat when it is not a strict minimum', () => {
    const p = build('f=x^4;(x-2)^2&pin=0;0.5');
    expect(p.minima.map((m) => m.label)).toEqual(['pinned x* = 0', 'pinned x* = 0.5', 'x* = 0.835122']);
    expect(p.minima[0].caveat).toMatch(/^not a stationary point/);
    expect(build('f=x^4&pin=0').minima[0].caveat).toMatch(/^degenerate Hessian/);
    expect(build('f=-x^2&pin=0').minima[0].caveat).toMatch(/^not a minimum/);
    // A pin on a found minimum replaces it rather than listing it twice.
    expect(build('f=(x-1)^2&pin=1').minima.map((m) => m.label)).toEqual(['pinned x* = 1']);
  });

  it('normalises weights pᵢ to sum 1 and uses them in the loss and the full gradient', () => {
    const p = build('f=x^2;(x-1)^2&p=1,3&sampling=with');
    expect(Array.from(p.weights ?? [])).toEqual([0.25, 0.75]);
    expect(p.loss(Float64Array.of(0))).toBe(0.75);
    const g = new Float64Array(1);
    p.fullGradient(Float64Array.of(0), g);
    expect(g[0]).toBe(-1.5);
    expect(p.minima.map((m) => m.x[0])).toEqual([0.75]);
  });

  it('projects iterates onto its box, and searches minima only inside it', () => {
    const { problem: p, issues } = buildProblem(decodeQuery('problem=custom&f=(x-5)^2&box=-1,2').config);
    expect(p.project).toBe(true);
    expect(p.minima).toEqual([]);
    // Nothing to start beside: the runs start at the box's centre, and f is named.
    expect(issues.map((i) => i.key)).toEqual(['f']);
    expect(issues[0].message).toContain('x0 = 0.5');
    const x = Float64Array.of(7);
    if (p.domain) projectOntoBox(x, p.domain);
    expect(x[0]).toBe(2);
    const q = build('f=(x-5)^2');
    expect(q.project).toBe(false);
    expect(q.minima.map((m) => m.x[0])).toEqual([5]);
  });

  it('runs a landscape with no minimum from the box centre, measuring distance from the start, instead of throwing', () => {
    const out = simulateQuery('problem=custom&f=x&box=-1,1&runs=5&steps=20&eta=0.1&escape=0.5');
    expect(out.minima).toEqual([]);
    expect(out.issues.map((i) => i.key)).toEqual(['f']);
    expect(out.runs.sgd!.stepsDone).toBe(20);
    // f = x slides to the box's lower end: every run has left the start by 1 > R = 0.5.
    expect(out.runs.sgd!.endedNear).toEqual([]);
    expect(out.runs.gd!.escaped).toBe(1);
    expect(out.runs.sgd!.escaped).toBe(5);
  });

  it('merges the starts that reach one minimum: a double well has two', () => {
    const p = build('f=(x^2-1)^2');
    expect(p.minima.map((m) => m.label)).toEqual(['x* = -1', 'x* = 1']);
    expect(p.notes.filter((n) => n.includes('not a minimum'))).toHaveLength(1);
  });
});
