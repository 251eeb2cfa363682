import { useExplorer } from '../state/store';
import { lastIndexAtOrBefore } from './step-search';
import type { RunBuffers } from './run-buffers';

/** What the scrubber reads of a live run (a LiveRun, or a comparison's). */
export interface ScrubRun {
  sgd: RunBuffers | null;
  gd: RunBuffers | null;
  done: boolean;
}

/**
 * The time scrubber reads the decimated histories, as the CSV export does:
 * t snaps to the last recorded step at or before it. While `t` is absent (−1),
 * or the run has not reached it yet, the views follow the run.
 */
export interface ScrubAt {
  /** The recorded step shown. */
  t: number;
  /** Its index in the histories. */
  j: number;
}

/** The buffers the scrubber walks along: SGD's, else GD's (both record the same steps). */
export function scrubBuffers(run: ScrubRun | null): RunBuffers | null {
  return run?.sgd ?? run?.gd ?? null;
}

/** The last index whose recorded step is ≤ t (−1 when none is). */
export function indexAtOrBefore(b: RunBuffers, t: number): number {
  return lastIndexAtOrBefore(b.step, t, b.count);
}

/** Where the scrubber puts the views for this run and this `t`, or null to follow the run. */
export function scrubAt(run: ScrubRun | null, t: number = useExplorer.getState().config.t): ScrubAt | null {
  const b = scrubBuffers(run);
  if (!run || !b || t < 0 || b.count === 0) return null;
  if (!run.done && b.step[b.count - 1] < t) return null;
  const j = indexAtOrBefore(b, t);
  return j < 0 ? null : { t: b.step[j], j };
}

/** How many runs had escaped by step t (their first step with ‖x − x*‖ > R is ≤ t). */
export function escapedBy(b: RunBuffers, t: number): number {
  let k = 0;
  for (let r = 0; r < b.K; r++) if (b.escapeStep[r] >= 0 && b.escapeStep[r] <= t) k++;
  return k;
}

/** How many runs had diverged by step t. */
export function divergedBy(b: RunBuffers, t: number): number {
  let k = 0;
  for (let r = 0; r < b.K; r++) if (b.divergedStep[r] >= 0 && b.divergedStep[r] <= t) k++;
  return k;
}

/** The distances to the start minimum at history index j of every run still finite there. */
export function distancesAt(b: RunBuffers, j: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < b.K; r++) if (b.alive(r, j)) out.push(b.dist[r * b.budget + j]);
  return out;
}

/** Move the scrubber by `by` recorded steps (from the newest when it follows the run). */
export function scrubBy(run: ScrubRun | null, by: number): void {
  const b = scrubBuffers(run);
  if (!b || b.count === 0) return;
  const at = scrubAt(run);
  const j = Math.max(0, Math.min(b.count - 1, (at ? at.j : b.count - 1) + by));
  useExplorer.getState().setConfig({ t: b.step[j] });
}
