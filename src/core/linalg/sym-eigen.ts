/**
 * Eigen-decomposition of a real symmetric matrix (row-major, d×d).
 * 1×1 and 2×2 in closed form; larger by cyclic Jacobi rotations, accurate to
 * about machine precision for the small sizes here. Values are sorted
 * descending BY VALUE (mathjs `eigs` sorts by |λ|, which is not what λ_max wants).
 */
export interface SymEigen {
  values: Float64Array;
  /** Column k of the row-major d×d matrix is the unit eigenvector of values[k]. */
  vectors: Float64Array;
}

export function symEigen(A: ArrayLike<number>, d: number): SymEigen {
  if (d === 1) return { values: Float64Array.of(A[0]), vectors: Float64Array.of(1) };
  if (d === 2) return sym2(A[0], A[1], A[3]);
  return jacobi(A, d);
}

/** λ_max of a symmetric matrix. */
export function symMaxEigenvalue(A: ArrayLike<number>, d: number): number {
  if (d === 1) return A[0];
  if (d === 2) {
    const m = 0.5 * (A[0] + A[3]);
    const h = Math.hypot(0.5 * (A[0] - A[3]), A[1]);
    return m + h;
  }
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
