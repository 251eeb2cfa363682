import { describe, expect, it } from 'vitest';
import { diagonalNetwork } from '../../../src/core/problems/diagonal-network';
import { randomFeatures } from '../../../src/core/problems/random-features';
import type { SquareLossProblem } from '../../../src/core/problems/square-loss';
import { reducedHessianSet } from '../../../src/core/theory/alignment';
import { denseComponent, moments, type HessianSet } from '../../../src/core/theory/hessian-set';
import { lyapunov } from '../../../src/core/theory/lyapunov';
import { patelBounds } from '../../../src/core/theory/patel-bounds';
import { SecondMomentOperator, theorem1Eigenvalue } from '../../../src/core/theory/second-moment';
import { spectralRadius } from '../../../src/core/theory/spectral-radius';

/** The same set with every Hᵢ = kᵢkᵢᵀ written out densely: the general O(n·d³) code paths. */
function densified(set: HessianSet): HessianSet {
  const { d, n } = set;
  const data = new Float64Array(n * d * d);
  for (let i = 0; i < n; i++) data.set(denseComponent(set, i), i * d * d);
  return { d, n, p: set.p, diagonal: false, data };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let size = 0;
  for (let k = 0; k < a.length; k++) {
    diff = Math.max(diff, Math.abs(a[k] - b[k]));
    size = Math.max(size, Math.abs(a[k]), Math.abs(b[k]));
  }
  return diff / size;
}

function symmetricRandom(d: number, seed: number): Float64Array {
  const P = new Float64Array(d * d);
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = next();
      P[a * d + b] = v;
      P[b * d + a] = v;
    }
  }
  return P;
}

const cases: Array<[string, () => SquareLossProblem]> = [
  ['random features n = 12, p = 30 (ρ by the dense eigen-solve)', () => randomFeatures(12, 30, 4)],
  ['random features n = 16, p = 40 (ρ by Lanczos)', () => randomFeatures(16, 40, 7)],
  ['diagonal network n = 14, k = 20', () => diagonalNetwork(14, 20, 2)],
];

describe('rank-one Hessian sets (square loss at a global minimum) agree with the dense Hᵢ', () => {
  for (const [name, make] of cases) {
    it(name, () => {
      const prob = make();
      const minimum = prob.minima[prob.minima.length - 1];
      const fast = reducedHessianSet(prob, minimum);
      expect(fast.rankOne).toBe(true);
      expect(fast.data.length).toBe(prob.n * fast.d); // factors only, not n dense d×d matrices
      const dense = densified(fast);
      const d = fast.d;
      const mf = moments(fast);
      const md = moments(dense);
      expect(maxRel(mf.H, md.H)).toBeLessThan(1e-12);
      expect(maxRel(mf.Sigma, md.Sigma)).toBeLessThan(1e-10);

      for (const [eta, c] of [
        [0.5, 1],
        [2, 0.3],
        [1 / mf.H[0], 0],
      ]) {
        const of = new SecondMomentOperator(fast, mf, eta, c);
        const od = new SecondMomentOperator(dense, md, eta, c);
        const P = symmetricRandom(d, 17);
        expect(maxRel(of.apply(P, new Float64Array(d * d)), od.apply(P, new Float64Array(d * d)))).toBeLessThan(1e-10);
        expect(rel(theorem1Eigenvalue(mf, d, eta, c), theorem1Eigenvalue(md, d, eta, c))).toBeLessThan(1e-10);
        const rf = spectralRadius(fast, mf, eta, c);
        const rd = spectralRadius(dense, md, eta, c);
        // Both by Lanczos (in H's eigenbasis for the factors, on the symmetric basis for the dense set):
        // the same value, and each inside the other's proven bounds, which are tight.
        expect(rel(rf.value, rd.value)).toBeLessThan(1e-10);
        for (const [a, b] of [
          [rf, rd],
          [rd, rf],
        ]) {
          expect(a.lower).toBeLessThanOrEqual(b.value * (1 + 1e-12));
          expect(a.upper).toBeGreaterThanOrEqual(b.value * (1 - 1e-12));
          // Tight where Lanczos converged; within 1e-4 where it stopped at its step cap (a cluster at the top).
          expect((a.upper - a.lower) / a.value).toBeLessThan(a.method.includes('not converged') ? 1e-4 : 1e-8);
        }
      }

      for (const B of [1, 3]) {
        for (const sampling of ['with', 'without'] as const) {
          const lf = lyapunov(fast, 0.8, B, sampling, 5);
          const ld = lyapunov(dense, 0.8, B, sampling, 5);
          expect(lf.method).toBe(ld.method);
          expect(rel(lf.value, ld.value)).toBeLessThan(1e-10);
          expect(rel(lf.stderr, ld.stderr)).toBeLessThan(1e-8);
        }
      }

      for (const k of [1, 4, Infinity]) {
        const pf = patelBounds(fast, mf, k)!;
        const pd = patelBounds(dense, md, k)!;
        expect(pf.M).toBe(pd.M);
        expect(pf.lambdas.length).toBe(pd.lambdas.length);
        expect(maxRel(pf.lambdas, pd.lambdas)).toBeLessThan(1e-10);
        for (const key of ['sP', 'tP', 'lower', 'upper'] as const) expect(rel(pf[key], pd[key])).toBeLessThan(1e-9);
      }
    });
  }
});
