/*
 * The stability verdicts and where they are marginal (docs/theory.md#one-inequality-for-both-verdicts).
 * GD and SGD are judged by the same inequality, a mean-square growth factor g ≤ 1:
 * GD's g = (1 − ηa)² at a point that is not a saddle (every |1 − ηλ| ≤ 1; docs/theory.md#the-condition-for-gd),
 * SGD's g = ρ(𝒯) (Wu eqs. 1–3 with the batch factor c). Both are computed in floating
 * point, so both are compared with 1 within the same tolerance, and a factor within
 * it of 1 is "marginal": the theory is at its boundary, where a run neither grows
 * nor shrinks in mean square, and a last-ulp change of η may move it either way.
 */

/** Relative tolerance of g ≤ 1: a few thousand ulps, far above the rounding of the closed forms and the dense solve. */
export const STABILITY_TOLERANCE = 1e-12;

/** Stable (g ≤ 1 within the tolerance) or not, from a growth factor known exactly to rounding. */
export function stableFactor(g: number): boolean {
  return g <= 1 + STABILITY_TOLERANCE;
}

/** The growth factor is 1 within the tolerance. */
export function marginalFactor(g: number): boolean {
  return Math.abs(g - 1) <= STABILITY_TOLERANCE;
}

/**
 * The verdict a proven interval [lower, upper] ∋ g supports: stable when upper ≤ 1,
 * unstable when lower > 1 (each within the tolerance), null (undecided within the
 * bound) when the interval holds 1 with room on both sides.
 */
export function verdictOf(r: { lower: number; upper: number }): boolean | null {
  return stableFactor(r.upper) ? true : !stableFactor(r.lower) ? false : null;
}

/**
 * GD's growth factor along H's top eigenvector, (1 − ηa)²: with λ_min ≥ 0 (not a saddle)
 * the largest (1 − ηλ)² over H's eigenvalues is this or 1 (a zero curvature), so
 * GD is stable iff it is ≤ 1, i.e. a ≤ 2/η.
 */
export function gdFactor(eta: number, sharpness: number): number {
  const top = 1 - eta * sharpness;
  return top * top;
}
