import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { hessianSet, moments } from '../../../src/core/theory/hessian-set';
import { lanczosExtreme } from '../../../src/core/theory/lanczos';
import { SecondMomentOperator, spectralRadius } from '../../../src/core/theory/second-moment';

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
