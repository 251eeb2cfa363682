import type { RunBuffers } from '../sim/run-buffers';
import type { ScrubAt } from '../sim/scrub';
import { COLORS } from '../theme/colors';

/** Draw a run's point: its coordinates at xs[o …], its colour, radius and opacity; GD's is a square (not told by colour alone). */
export type PlacePoint = (xs: ArrayLike<number>, o: number, color: string, r: number, op: number, square?: boolean) => void;

/** Runs drawn as faint dots at most (the mean and the counts use all). */
const MAX_DOTS = 500;

/**
 * Places each run on the landscape (through `place`): where it is now, or at the time
 * scrubber's step — runs 1… from the iterates their histories keep at the
 * recorded steps (the CSV's steps), run 0 and GD from their paths, which are
 * finer, so t moves smoothly. `missing`: the histories keep no iterates at this
 * size (keepsPositions in src/worker/live-stream.ts), so only run 0 and GD are drawn at t.
 */
export function placeRuns(sgd: RunBuffers | null, gd: RunBuffers | null, scrub: ScrubAt | null, dim: number, place: PlacePoint): { missing: boolean } {
  if (scrub === null) {
    if (sgd) for (let r = Math.min(sgd.K, MAX_DOTS) - 1; r >= 0; r--) if (sgd.divergedStep[r] < 0) place(sgd.x, r * dim, COLORS.sgdRun, r === 0 ? 8 : 3.5, r === 0 ? 1 : 0.35);
    if (gd && gd.divergedStep[0] < 0) place(gd.x, 0, COLORS.gdRun, 8, 1, true);
    return { missing: false };
  }
  const { t, j } = scrub;
  let missing = false;
  if (sgd) {
    if (sgd.pos) {
      for (let r = Math.min(sgd.K, MAX_DOTS) - 1; r >= 1; r--) if (sgd.alive(r, j)) place(sgd.pos, (r * sgd.budget + j) * dim, COLORS.sgdRun, 3.5, 0.35);
    } else missing = sgd.K > 1;
  }
  for (const [b, color] of [[sgd, COLORS.sgdRun], [gd, COLORS.gdRun]] as const) {
    if (!b || (b.divergedStep[0] >= 0 && b.divergedStep[0] <= t)) continue;
    const p = b.trailPointsUpTo(t) - 1;
    if (p >= 0) place(b.trail, p * dim, color, 8, 1, b === gd);
  }
  return { missing };
}

/** For the browser tests: the coordinates drawn for runs 0 and 1 at the scrubbed step, "run0:…|run1:…". */
export function scrubProbe(sgd: RunBuffers, scrub: ScrubAt, dim: number, coords: (xs: ArrayLike<number>, o: number) => string): string {
  const p0 = sgd.trailPointsUpTo(scrub.t) - 1;
  const run0 = p0 >= 0 ? `run0:${coords(sgd.trail, p0 * dim)}` : '';
  const run1 = sgd.pos && sgd.K > 1 && sgd.alive(1, scrub.j) ? `|run1:${coords(sgd.pos, (sgd.budget + scrub.j) * dim)}` : '';
  return run0 + run1;
}
