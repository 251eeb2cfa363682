/**
 * How much of one core each configuration's worker may take when
 * `configurations` run at once (the main one and its comparisons): together
 * they leave one core to the page — its drawing and the browser's compositor —
 * so the live views keep their frame rate while two or more ensembles stream.
 * On a machine with cores to spare each runs flat out. (README "Features", Compare)
 */
export function workerShare(configurations: number, cores: number = globalThis.navigator?.hardwareConcurrency || 2): number {
  return Math.min(1, Math.max(1, cores - 1) / Math.max(1, configurations));
}
