/**
 * Eigen-decomposition of a real symmetric matrix (row-major, d×d).
 * 1×1 and 2×2 in closed form; up to JACOBI_LIMIT by cyclic Jacobi rotations, accurate
 * to about machine precision for the small sizes here; larger (the n×n reduced
 * matrices of square-loss models, n up to 200) by Householder reduction to
 * tridiagonal form and the implicit QL method (EISPACK tred2/tql2, as in JAMA):
 * O(d³) with a small constant, several times faster than Jacobi sweeps there.
 * Values are sorted descending BY VALUE (mathjs `eigs` sorts by |λ|, which is not
 * what λ_max wants).
 */
import { drain, type InPieces } from '../in-pieces';

export interface SymEigen {
  values: Float64Array;
  /** Column k of the row-major d×d matrix is the unit eigenvector of values[k]. */
  vectors: Float64Array;
}

export function symEigen(A: ArrayLike<number>, d: number): SymEigen {
  if (d === 1) return { values: Float64Array.of(A[0]), vectors: Float64Array.of(1) };
  if (d === 2) return sym2(A[0], A[1], A[3]);
  if (d > JACOBI_LIMIT) return tridiagonalQL(A, d, true);
  return jacobi(A, d);
}

/** Above this dimension symEigen uses tred2/tql2 instead of Jacobi. */
export const JACOBI_LIMIT = 32;

/** All eigenvalues, descending, without the vectors (the same values as symEigen's). */
export function symEigenvalues(A: ArrayLike<number>, d: number): Float64Array {
  if (d <= 2) return symEigen(A, d).values;
  return d > JACOBI_LIMIT ? tridiagonalQL(A, d, false).values : jacobi(A, d, false).values;
}

/** symEigenvalues in pieces: tridiagonalQL's above JACOBI_LIMIT, one piece below (Jacobi at d ≤ 32 is quick). */
export function* symEigenvaluesInPieces(A: ArrayLike<number>, d: number): InPieces<Float64Array> {
  if (d <= JACOBI_LIMIT) return symEigenvalues(A, d);
  return (yield* tridiagonalQLInPieces(A, d, false)).values;
}

/** λ_max of a symmetric matrix. */
export function symMaxEigenvalue(A: ArrayLike<number>, d: number): number {
  if (d === 1) return A[0];
  if (d === 2) {
    const m = 0.5 * (A[0] + A[3]);
    const h = Math.hypot(0.5 * (A[0] - A[3]), A[1]);
    return m + h;
  }
  if (d > JACOBI_LIMIT) return tridiagonalQL(A, d, false).values[0];
  return jacobi(A, d, false).values[0];
}

function sym2(a: number, b: number, c: number): SymEigen {
  // [[a, b], [b, c]]: λ = m ± h with m = (a+c)/2, h = √(((a−c)/2)² + b²).
  const m = 0.5 * (a + c);
  const h = Math.hypot(0.5 * (a - c), b);
  const l1 = m + h;
  const l2 = m - h;
  let v1x: number;
  let v1y: number;
  if (b === 0) {
    if (a >= c) {
      v1x = 1;
      v1y = 0;
    } else {
      v1x = 0;
      v1y = 1;
    }
  } else {
    // (A − l1 I) v = 0: pick the better-conditioned row.
    if (Math.abs(l1 - a) > Math.abs(l1 - c)) {
      v1x = b;
      v1y = l1 - a;
    } else {
      v1x = l1 - c;
      v1y = b;
    }
    const nrm = Math.hypot(v1x, v1y);
    v1x /= nrm;
    v1y /= nrm;
  }
  return { values: Float64Array.of(l1, l2), vectors: Float64Array.of(v1x, -v1y, v1y, v1x) };
}

function jacobi(A0: ArrayLike<number>, d: number, wantVectors = true): SymEigen {
  const A = Float64Array.from(A0 as ArrayLike<number>);
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.abs(A[i]));
  if (scale === 0) return { values: new Float64Array(d), vectors: V };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += A[p * d + q] * A[p * d + q];
    if (off <= 1e-30 * scale * scale) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (apq === 0) continue;
        const app = A[p * d + p];
        const aqq = A[q * d + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < d; k++) {
          const akp = A[k * d + p];
          const akq = A[k * d + q];
          A[k * d + p] = cs * akp - sn * akq;
          A[k * d + q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p * d + k];
          const aqk = A[q * d + k];
          A[p * d + k] = cs * apk - sn * aqk;
          A[q * d + k] = sn * apk + cs * aqk;
        }
        if (wantVectors) {
          for (let k = 0; k < d; k++) {
            const vkp = V[k * d + p];
            const vkq = V[k * d + q];
            V[k * d + p] = cs * vkp - sn * vkq;
            V[k * d + q] = sn * vkp + cs * vkq;
          }
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => A[j * d + j] - A[i * d + i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    values[dst] = A[src * d + src];
    if (wantVectors) for (let k = 0; k < d; k++) vectors[k * d + dst] = V[k * d + src];
  });
  return { values, vectors };
}

/**
 * Householder tridiagonalisation (tred2) then implicit QL with Wilkinson-type shifts
 * (tql2), after JAMA's EigenvalueDecomposition (public domain). Without vectors the
 * QL rotations are not accumulated.
 */
export function tridiagonalQL(A0: ArrayLike<number>, n: number, wantVectors: boolean): SymEigen {
  return drain(tridiagonalQLInPieces(A0, n, wantVectors));
}

/** tridiagonalQL, yielding after each row of the reduction and its accumulation and after each eigenvalue found (3n pieces). */
export function* tridiagonalQLInPieces(A0: ArrayLike<number>, n: number, wantVectors: boolean): InPieces<SymEigen> {
  const V = Float64Array.from(A0 as ArrayLike<number>);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // tred2
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j * n + i] = f;
        g = e[j] + V[j * n + j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j] * d[k];
          e[k] += V[k * n + j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k * n + j] -= f * e[k] + g * d[k];
        d[j] = V[(i - 1) * n + j];
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
    yield;
  }
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i];
    V[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1] * V[k * n + j];
        for (let k = 0; k <= i; k++) V[k * n + j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
    yield;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j];
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
  // tql2
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      for (let iter = 0; iter < 200; iter++) {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (wantVectors) {
            for (let k = 0; k < n; k++) {
              const vk = k * n;
              h = V[vk + i + 1];
              V[vk + i + 1] = s * V[vk + i] + c * h;
              V[vk + i] = c * V[vk + i] - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
    yield;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j] - d[i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(wantVectors ? n * n : 0);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    if (wantVectors) for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src];
  });
  return { values, vectors };
}
