/**
 * The smallest of 1, 2, 5 × 10^k at or above v (at least 10). A live axis over
 * the steps grows in these jumps rather than every frame, so what is drawn
 * against it stays put between jumps (a few dozen over a 10⁷-step run).
 */
export function ladder(v: number): number {
  if (!(v > 10)) return 10;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const k of [1, 2, 5, 10]) if (k * p >= v) return k * p;
  return 10 * p;
}
