import { describe, expect, it } from 'vitest';
import { JACOBI_LIMIT, symEigen, symMaxEigenvalue, tridiagonalQL } from '../../../src/core/linalg/sym-eigen';

function randomSymmetric(d: number, seed: number, rank = d): Float64Array {
  // G Gᵀ − shift with G d×rank: indefinite when shifted, rank-deficient when rank < d.
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const G = Float64Array.from({ length: d * rank }, next);
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let v = 0;
      for (let k = 0; k < rank; k++) v += G[i * rank + k] * G[j * rank + k];
      A[i * d + j] = v - (rank === d ? 0.3 * d * (i === j ? 1 : 0) : 0);
    }
  }
  return A;
}

/** max |AV − VΛ| and max |VᵀV − I|, relative to the largest |λ|. */
function residuals(A: Float64Array, d: number, values: Float64Array, V: Float64Array): { res: number; orth: number } {
  let res = 0;
  let orth = 0;
  const scale = Math.max(Math.abs(values[0]), Math.abs(values[d - 1]));
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += A[i * d + j] * V[j * d + k];
      res = Math.max(res, Math.abs(s - values[k] * V[i * d + k]) / scale);
      let o = 0;
      for (let j = 0; j < d; j++) o += V[j * d + i] * V[j * d + k];
      orth = Math.max(orth, Math.abs(o - (i === k ? 1 : 0)));
    }
  }
  return { res, orth };
}

describe('Householder + implicit QL eigen-solver (used above the Jacobi limit)', () => {
  it('agrees with the Jacobi sweeps on matrices Jacobi still handles', () => {
    for (const [d, rank, seed] of [
      [3, 3, 1],
      [9, 9, 2],
      [JACOBI_LIMIT, JACOBI_LIMIT, 3],
      [20, 5, 4],
    ]) {
      const A = randomSymmetric(d, seed, rank);
      const jac = symEigen(A, d); // d ≤ JACOBI_LIMIT: Jacobi
      const ql = tridiagonalQL(A, d, true);
      const scale = Math.abs(jac.values[0]) + Math.abs(jac.values[d - 1]);
      for (let k = 0; k < d; k++) expect(Math.abs(ql.values[k] - jac.values[k])).toBeLessThan(1e-13 * scale);
      for (let k = 1; k < d; k++) expect(ql.values[k]).toBeLessThanOrEqual(ql.values[k - 1]);
      const { res, orth } = residuals(A, d, ql.values, ql.vectors);
      expect(res).toBeLessThan(1e-13);
      expect(orth).toBeLessThan(1e-13);
      expect(tridiagonalQL(A, d, false).values[0]).toBeCloseTo(jac.values[0], 12);
    }
  });

  it('is what symEigen and symMaxEigenvalue use above the limit, with accurate vectors (also rank-deficient)', () => {
    for (const [d, rank, seed] of [
      [JACOBI_LIMIT + 1, JACOBI_LIMIT + 1, 5],
      [80, 80, 6],
      [60, 12, 7],
    ]) {
      const A = randomSymmetric(d, seed, rank);
      const e = symEigen(A, d);
      const { res, orth } = residuals(A, d, e.values, e.vectors);
      expect(res).toBeLessThan(1e-12);
      expect(orth).toBeLessThan(1e-12);
      let trace = 0;
      let sum = 0;
      for (let k = 0; k < d; k++) {
        trace += A[k * d + k];
        sum += e.values[k];
      }
      expect(Math.abs(trace - sum)).toBeLessThan(1e-11 * Math.abs(e.values[0]) * d);
      if (rank < d) expect(Math.abs(e.values[rank])).toBeLessThan(1e-12 * e.values[0]);
      expect(symMaxEigenvalue(A, d)).toBeCloseTo(e.values[0], 10);
    }
  });
});
