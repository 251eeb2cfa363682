import type { Sampling } from '../batch-factor';
import { checksumFloat64 } from '../engine/checksum';
import { nearestMinimum } from '../engine/ensemble';
import { SgdRun, type Optimiser } from '../engine/sgd-run';
import type { Problem } from '../problems/problem';
import { NEWEST_GENERATOR, streamRng, Salt, type Generator } from '../rng';
import { landscapeWindow } from '../landscape';

export interface SelectionSpec {
  eta: number;
  B: number;
  sampling: Sampling;
  seed: number;
  runs: number;
  steps: number;
  /** Starts uniform in the window (domain or the minima's span), or in the ball of `radius` around `around`. */
  around: number[] | null;
  radius: number;
  /** A run has settled in a minimum when it ends within this distance of it. */
  settleRadius: number;
  /** The link's generator (src/core/rng.ts); the newest when absent. */
  rng?: Generator;
}

export interface SelectionResult {
  optimiser: Optimiser;
  /** Runs ending within settleRadius of each minimum (index into the problem's list). */
  counts: number[];
  diverged: number;
  /** Runs that ended farther than settleRadius from every minimum. */
  unsettled: number;
  /** The minimum each run ended in (−1 diverged, −2 unsettled). */
  endedIn: Int32Array;
  /** Checksum of the final iterates: reproduced from the seed bit for bit. */
  checksum: string;
}

/** Run r's start: from the stream (seed, r, selection), the same for SGD and GD. */
export function selectionStart(problem: Problem, spec: SelectionSpec, r: number): Float64Array {
  const rng = streamRng(spec.rng ?? NEWEST_GENERATOR, spec.seed, r, Salt.selection);
  const d = problem.dim;
  const x = new Float64Array(d);
  if (spec.around) {
    for (let j = 0; j < d; j++) x[j] = spec.around[j] + spec.radius * (2 * rng.next() - 1);
    return x;
  }
  const { lo, hi } = landscapeWindow(problem);
  for (let j = 0; j < d; j++) x[j] = rng.uniform(lo[j], hi[j]);
  return x;
}

/**
 * The selection experiment: K runs of SGD and K of GD from the same random
 * starts, until they settle; which minimum did each end in? (Wu Table 2, Fig. 6:
 * SGD ends only in minima inside its region, GD as sharp as 2/η allows.)
 * One GD run would give a histogram of one, so GD runs from each of the K starts.
 */
export function selection(problem: Problem, spec: SelectionSpec, opt: Optimiser): SelectionResult {
  const counts = new Array<number>(problem.minima.length).fill(0);
  const endedIn = new Int32Array(spec.runs);
  let diverged = 0;
  let unsettled = 0;
  const finals: Float64Array[] = [];
  for (let r = 0; r < spec.runs; r++) {
    const x0 = selectionStart(problem, spec, r);
    const run = new SgdRun(
      problem,
      { opt, eta: spec.eta, B: spec.B, sampling: spec.sampling, center: x0, escapeRadius: Infinity, historyBudget: 0, seed: spec.seed, runIndex: r, rng: spec.rng },
      x0,
    );
    run.advance(spec.steps);
    finals.push(run.x);
    if (run.divergedStep >= 0) {
      diverged++;
      endedIn[r] = -1;
      continue;
    }
    const k = nearestMinimum(problem, run.x);
    const m = problem.minima[k].x;
    let d2 = 0;
    for (let j = 0; j < m.length; j++) d2 += (run.x[j] - m[j]) ** 2;
    if (Math.sqrt(d2) <= spec.settleRadius) {
      counts[k]++;
      endedIn[r] = k;
    } else {
      unsettled++;
      endedIn[r] = -2;
    }
  }
  return { optimiser: opt, counts, diverged, unsettled, endedIn, checksum: checksumFloat64(finals) };
}
