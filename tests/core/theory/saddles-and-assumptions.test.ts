import { beforeAll, describe, expect, it } from 'vitest';
import { batchFactor } from '../../../src/core/batch-factor';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { quadraticWarnings } from '../../../src/core/problems/quadratic-warnings';
import { simulateQuery } from '../../../src/core/simulate';
import { minimumStatus } from '../../../src/ui/diagram/diagram-model';

// Loading mathjs can take seconds on a busy machine.
beforeAll(async () => {
  await loadFormulaCompiler();
}, 60_000);

describe('a point with negative curvature is a saddle, not a stable minimum', () => {
  // H₁ = H₂ = diag(1, −0.5): a = 1 ≤ 2/η = 4 and s = 0, so "a ≤ 2/η" alone said stable and inside.
  const q = 'problem=quadratic&H=1,0,-0.5;1,0,-0.5&eta=0.5&B=1&runs=5&steps=200&escape=1';

  it('GD is stable only if every eigenvalue λ of H has |1 − ηλ| ≤ 1: the JSON says saddle, unstable, outside', () => {
    const out = simulateQuery(q);
    const m = out.minima[0];
    expect(m.sharpness).toBe(1);
    expect(m.minCurvature).toBeCloseTo(-0.5, 14);
    expect(m.saddle).toBe(true);
    expect(m.stableGD).toBe(false);
    expect(m.stableSGD).toBe(false);
    expect(m.inRectangle).toBe(false);
    expect(m.caveat).toMatch(/^a saddle, not a minimum/);
    // and GD does leave it
    expect(out.runs.gd!.escaped).toBe(1);
  });

  it('a positive semi-definite H is not a saddle, and an unchanged minimum keeps its verdicts', () => {
    const psd = simulateQuery('problem=quadratic&H=1,0,0;1,0,0&eta=0.5&B=1&runs=2&steps=5').minima[0];
    expect(psd.saddle).toBe(false);
    expect(psd.stableGD).toBe(true);
    const toy = simulateQuery('problem=toy&eta=0.7&B=1&runs=2&steps=5').minima[1];
    expect([toy.saddle, toy.stableGD, toy.inRectangle]).toEqual([false, true, false]);
  });

  it('the diagram gives a saddle its own status', () => {
    expect(minimumStatus({ stableSGD: false, stableGD: false, saddle: true })).toBe('saddle');
    expect(minimumStatus({ stableSGD: false, stableGD: true })).toBe('gd-only');
    expect(minimumStatus({ stableSGD: true, stableGD: true, saddle: false })).toBe('sgd-stable');
  });

  it('the quadratic fields warn when H is indefinite, and name indefinite components', () => {
    expect(quadraticWarnings('1,0,-0.5;1,0,-0.5')[0]).toMatch(/mean H has the negative eigenvalue -0\.5: x\* = 0 is a saddle/);
    const one = quadraticWarnings('2,0,-0.5;2,0,1.5');
    expect(one).toEqual(['a component has negative curvature: H1 (λ_min = -0.5)']);
    expect(quadraticWarnings('0.2;3.8')).toEqual([]);
    expect(quadraticWarnings('1,2')).toEqual([]); // does not parse: the field's error speaks
  });

  it('a custom problem lists no saddle unless pinned, and labels a pinned one', () => {
    const saddle = buildProblem(decodeQuery('problem=custom&f=x^2-y^2%2B0.1*y^4&box=-3,3,-3,3').config).problem;
    expect(saddle.minima.every((m) => !m.label.includes('(0, 0)'))).toBe(true);
    const pinned = buildProblem(decodeQuery('problem=custom&f=x^2-y^2%2B0.1*y^4&box=-3,3,-3,3&pin=0,0').config).problem;
    expect(pinned.minima[0].label).toBe('pinned saddle x = (0, 0)');
    expect(buildProblem(decodeQuery('problem=custom&f=-x^2&pin=0').config).problem.minima[0].label).toBe('pinned maximum x = 0');
  });
});

describe('bounds shown only under their assumptions', () => {
  it("Patel's l(k), u(k) are shown with replacement, and not for sampling without replacement (B < n)", () => {
    const base = 'problem=point&a=2&s=1.8&n=100&eta=0.5&B=4&runs=1&steps=1';
    const without = simulateQuery(base).minima[0];
    expect(without.patel).toBeNull();
    expect(without.patelNote).toMatch(/with replacement/);
    expect(without.patelGD).not.toBeNull();
    const withR = simulateQuery(`${base}&sampling=with`).minima[0];
    expect(withR.patel).not.toBeNull();
    expect(withR.patelNote).toBeUndefined();
    // B = n without replacement is GD: the k = ∞ bounds apply.
    expect(simulateQuery('problem=point&a=2&s=1.8&n=100&eta=0.5&B=100&runs=1&steps=1').minima[0].patel).not.toBeNull();
  });

  it('the Frobenius bound is 1/(η√(cμ₀)) for the sampling in use: √(B/μ₀)/η with replacement', () => {
    const q = 'problem=features&n=20&width=40&eta=0.5&B=5&runs=1&steps=1';
    const withR = simulateQuery(`${q}&sampling=with`).minima[0].wws!;
    const without = simulateQuery(q).minima[0].wws!;
    expect(withR.frobeniusBound).toBeCloseTo(Math.sqrt(5 / withR.mu0!) / 0.5, 10);
    expect(withR.frobeniusBoundSource).toMatch(/^Wu–Wang–Su Thm 3.3/);
    const c = batchFactor(20, 5, 'without');
    expect(without.c).toBe(c);
    expect(without.frobeniusBound).toBeCloseTo(1 / (0.5 * Math.sqrt(c * without.mu0!)), 10);
    expect(without.frobeniusBound!).toBeGreaterThan(withR.frobeniusBound!);
    expect(without.frobeniusBoundSource).toMatch(/^extension/);
    // B = n without replacement: no noise, no bound.
    expect(simulateQuery('problem=features&n=20&width=40&eta=0.5&B=20&runs=1&steps=1').minima[0].wws!.frobeniusBound).toBeNull();
  });
});
