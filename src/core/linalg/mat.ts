/** Small dense row-major matrix helpers (d×d), allocation-free where it matters. */

/**
 * out = A·B (d×d). out must not alias A or B. Loops i-k-j (rows of B read in
 * order, fast for large d); each entry still sums A[i,k]B[k,j] for k = 0, 1, … from
 * 0, so the result is bit-for-bit that of the plain i-j-k dot products.
 */
export function matMul(A: ArrayLike<number>, B: ArrayLike<number>, d: number, out: Float64Array): Float64Array {
  out.fill(0, 0, d * d);
  for (let i = 0; i < d; i++) {
    const row = i * d;
    for (let k = 0; k < d; k++) {
      const a = A[row + k];
      const bk = k * d;
      for (let j = 0; j < d; j++) out[row + j] += a * B[bk + j];
    }
  }
  return out;
}

export function identity(d: number): Float64Array {
  const I = new Float64Array(d * d);
  for (let i = 0; i < d; i++) I[i * d + i] = 1;
  return I;
}

/** Frobenius inner product ⟨A, B⟩ = tr(AᵀB). */
export function frobDot(A: ArrayLike<number>, B: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i] * B[i];
  return s;
}

export function trace(A: ArrayLike<number>, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += A[i * d + i];
  return s;
}

/** Symmetrise in place: A ← (A + Aᵀ)/2 (removes round-off asymmetry). */
export function symmetrise(A: Float64Array, d: number): Float64Array {
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const m = 0.5 * (A[i * d + j] + A[j * d + i]);
      A[i * d + j] = m;
      A[j * d + i] = m;
    }
  }
  return A;
}
