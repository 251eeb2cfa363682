/**
 * The last index i < count whose recorded step is ≤ t, or −1 when none is: the
 * one binary search over a run's ascending recorded steps (its history, run 0's
 * trail), for the scrubber, the landscape's path up to t and the data tables.
 */
export function lastIndexAtOrBefore(steps: ArrayLike<number>, t: number, count: number = steps.length): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
