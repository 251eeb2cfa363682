/**
 * A long computation written as a generator that yields between pieces of its
 * work (a row, a sweep, a few iterations) and returns its result. A worker runs
 * it a slice at a time (`runFor`) and stays responsive; everything else drains it
 * at once (`drain`). Either way the arithmetic is the same, so the result is too.
 */
export type InPieces<T> = Generator<void, T, void>;

/** The result, computed at once. */
export function drain<T>(work: InPieces<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/** Pieces until `now()` passes `until` or the work ends; the result once it has ended. */
export function runFor<T>(work: InPieces<T>, until: number, now: () => number): { done: true; value: T } | { done: false } {
  for (;;) {
    const r = work.next();
    if (r.done) return { done: true, value: r.value };
    if (now() >= until) return { done: false };
  }
}
