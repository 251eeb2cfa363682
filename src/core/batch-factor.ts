/** How a batch of B indices is drawn from the n components. */
export type Sampling = 'without' | 'with';

/**
 * Batch-variance factor c: the variance of a batch mean of the Hᵢ over the
 * variance of one Hᵢ (derived in docs/theory.md#sampling-and-the-batch-factor).
 * - without replacement (Wu): c = (n − B) / (B (n − 1)), 0 at B = n (GD);
 * - with replacement (Patel's SGD-k, k = B): c = 1 / B.
 */
/**
 * 1/c, computed directly (not as 1/batchFactor, whose rounding would differ): B with replacement,
 * B(n − 1)/(n − B) without, Infinity at B = n without (no noise: SGD is GD). The artificial
 * noises divide their covariance by it (docs/theory.md#artificial-noise-and-the-batch-factor).
 */
export function inverseBatchFactor(n: number, B: number, sampling: Sampling): number {
  if (sampling === 'with') return B;
  if (n <= 1 || B >= n) return Infinity;
  return (B * (n - 1)) / (n - B);
}

export function batchFactor(n: number, B: number, sampling: Sampling): number {
  if (sampling === 'with') return 1 / B;
  if (n <= 1 || B >= n) return 0;
  return (n - B) / (B * (n - 1));
}
