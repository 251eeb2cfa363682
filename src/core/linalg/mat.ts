/** Small dense row-major matrix helpers (d×d), allocation-free where it matters. */

/** out = A·B (d×d). out must not alias A or B. */
export function matMul(A: ArrayLike<number>, B: ArrayLike<number>, d: number, out: Float64Array): Float64Array {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += A[i * d + k] * B[k * d + j];
      out[i * d + j] = s;
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
