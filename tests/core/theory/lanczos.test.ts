import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { hessianSet, moments } from '../../../src/core/theory/hessian-set';
import { lanczosExtreme } from '../../../src/core/theory/lanczos';
import { SecondMomentOperator } from '../../../src/core/theory/second-moment';
import { coneBounds, sgdVerdict, spectralRadius } from '../../../src/core/theory/spectral-radius';
import { symEigen } from '../../../src/core/linalg/sym-eigen';

describe('Lanczos for the largest eigenvalue of a self-adjoint operator', () => {
  it('finds 1 beside 0.999 in a few dozen steps, where power iteration would need thousands', () => {
    const lambda = Float64Array.from({ length: 200 }, (_, i) => (i === 0 ? 1 : i === 1 ? 0.999 : -0.9 + (1.8 * i) / 200));
    const op = { apply: (v: Float64Array, out: Float64Array) => (out.forEach((_, i) => (out[i] = lambda[i] * v[i])), out) };
    const r = lanczosExtreme(op, new Float64Array(200).fill(1));
    expect(r.converged).toBe(true);
    expect(r.steps).toBeLessThan(80);
    expect(Math.abs(r.value - 1)).toBeLessThan(1e-11);
  });

  it('gives ρ(𝒯) of a random quadratic minimum as the dense eigen-solve does, to 1e-10', () => {
    const { problem, config } = buildProblem(decodeQuery('problem=random&d=8&n=20&pseed=3').config);
    const set = hessianSet(problem, problem.minima[config.start], true);
    const m = moments(set);
    for (const eta of [0.2, 0.6, 1.1]) {
      const dense = spectralRadius(set, m, eta, 1).value;
      const d = set.d;
      const I = new Float64Array(d * d);
      for (let j = 0; j < d; j++) I[j * d + j] = 1;
      const r = lanczosExtreme(new SecondMomentOperator(set, m, eta, 1), I);
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - dense) / dense).toBeLessThan(1e-10);
    }
  });
});

/** ρ(𝒯) by writing 𝒯 out on the symmetric basis and solving it densely (the d ≤ 12 method, at any d). */
function denseRho(op: SecondMomentOperator, d: number): number {
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < d; j++) for (let k = j; k < d; k++) pairs.push([j, k]);
  const basis = pairs.map(([j, k]) => {
    const E = new Float64Array(d * d);
    if (j === k) E[j * d + j] = 1;
    else E[j * d + k] = E[k * d + j] = Math.SQRT1_2;
    return E;
  });
  const m = pairs.length;
  const T = new Float64Array(m * m);
  const out = new Float64Array(d * d);
  basis.forEach((E, b) => {
    op.apply(E, out);
    basis.forEach((F, a) => (T[a * m + b] = F.reduce((s, v, q) => s + v * out[q], 0)));
  });
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) T[a * m + b] = T[b * m + a] = 0.5 * (T[a * m + b] + T[b * m + a]);
  const v = symEigen(T, m).values;
  return Math.max(Math.abs(v[0]), Math.abs(v[m - 1]));
}

describe('ρ(𝒯) by Lanczos carries a proven bound', () => {
  const { problem, config } = buildProblem(decodeQuery('problem=random&d=16&n=30&pseed=4').config);
  const set = hessianSet(problem, problem.minima[config.start], false);
  const m = moments(set);
  const d = set.d;
  const I = new Float64Array(d * d);
  for (let j = 0; j < d; j++) I[j * d + j] = 1;

  it('at d = 16 equals the dense solve to 1e-12, with the exact value inside [lower, upper] and the residual printed', () => {
    for (const eta of [0.3, 0.9]) {
      const exact = denseRho(new SecondMomentOperator(set, m, eta, 1), d);
      const r = spectralRadius(set, m, eta, 1);
      expect(r.method).toMatch(/^Lanczos \(\d+ steps; residual /);
      expect(Math.abs(r.value - exact) / exact).toBeLessThan(1e-12);
      expect(r.lower).toBeLessThanOrEqual(exact);
      expect(r.upper).toBeGreaterThanOrEqual(exact);
      expect(r.upper - r.lower).toBeLessThan(1e-9 * exact);
    }
  });

  it('stopped after 3 steps: the value is below ρ, the residual is large, and the cone bounds still hold', () => {
    const op = new SecondMomentOperator(set, m, 0.9, 1);
    const exact = denseRho(op, d);
    const r = lanczosExtreme(op, I, 3);
    expect(r.converged).toBe(false);
    expect(r.residual).toBeGreaterThan(1e-6 * r.value);
    expect(r.value).toBeLessThanOrEqual(exact * (1 + 1e-13));
    const b = coneBounds(op, r.vector, d);
    expect(b.lower).toBeLessThanOrEqual(exact);
    expect(b.upper).toBeGreaterThanOrEqual(exact);
    expect(Number.isFinite(b.upper)).toBe(true);
  });

  it('gives a verdict only where the bound supports it', () => {
    expect(sgdVerdict({ lower: 0.98, upper: 0.99 })).toBe(true);
    expect(sgdVerdict({ lower: 1.01, upper: 1.02 })).toBe(false);
    expect(sgdVerdict({ lower: 0.999, upper: 1.001 })).toBe(null);
    expect(sgdVerdict({ lower: 1, upper: 1 })).toBe(true);
  });
});
