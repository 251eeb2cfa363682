import type { Ensemble } from '../core/engine/ensemble';
import type { Config } from '../core/params/param-table';
import type { Problem } from '../core/problems/problem';
import type { AlignmentPart, StreamPart } from './protocol';

/*
 * One optimiser's live stream in the worker: its ensemble, run 0's trail, and
 * what a frame sends of it (everything new since the last frame).
 */

/** Run 0's alignment points not sent yet (a companion run's; see run-costs.ts). */
export type AlignBuffer = { [K in keyof AlignmentPart]: number[] };

export function emptyAlign(): AlignBuffer {
  return { step: [], loss: [], alpha: [], beta: [], mu: [], gamma: [] };
}

export interface Stream {
  ens: Ensemble;
  lastSent: number;
  trail: number[];
  /** The step of each trail point. */
  trailSteps: number[];
}

/**
 * The time scrubber draws every run at a recorded step when the iterates of all
 * runs' histories fit in this many numbers (runs × d × hist; 8 MB): the toy, the
 * circle and Styblinski–Tang at d = 10 with 200 runs do, a 1000-weight model does not.
 */
const POSITIONS_MAX = 1 << 20;

/** Whether this configuration's live runs keep their iterates at recorded steps. */
export function keepsPositions(problem: Problem, config: Config): boolean {
  return config.hist > 0 && config.runs * problem.dim * config.hist <= POSITIONS_MAX;
}

export function newStream(ens: Ensemble | null): Stream | null {
  return ens ? { ens, lastSent: -1, trail: [], trailSteps: [] } : null;
}

/** A frame carries at most about this many trail points (4× while the page has not acked). */
const TRAIL_POINTS_PER_FRAME = 512;
/**
 * …and at most about this many of the trail's numbers (points × d). A point is the
 * whole iterate, so a network's (d in the thousands: 2,410 for the default) would
 * otherwise be megabytes a frame: 512 points of d = 2,410 are 1.2 M numbers, and the
 * page spent 3.3 s of 8 copying them into its trail. Every problem up to d = 32 keeps
 * its 512 points.
 */
const TRAIL_NUMBERS_PER_FRAME = 16_384;
/** Below this step the trail keeps every step; past it, one point in t / this many steps. */
const TRAIL_EVERY_STEP_UNTIL = 1024;

/** Trail points a frame carries for an iterate of d numbers (at least 4). */
export function trailPointsPerFrame(d: number): number {
  return Math.max(4, Math.min(TRAIL_POINTS_PER_FRAME, Math.floor(TRAIL_NUMBERS_PER_FRAME / Math.max(1, d))));
}

/**
 * Steps between two trail points when k steps are taken from step t: every step
 * early on and coarser as t grows (the page thins the trail by halving anyway).
 * A stride set by the chunk alone made every step of a 200-run ensemble a separate
 * advance(1) once the chunk had adapted down to ~32 steps: a third of the engine's speed.
 */
export function trailStride(k: number, t: number, d = 1): number {
  return Math.max(1, Math.floor(k / trailPointsPerFrame(d)), Math.floor(t / TRAIL_EVERY_STEP_UNTIL));
}

/** Run 0's position now, onto its trail (dropped while the page is far behind). */
export function pushTrail(s: Stream, d: number): void {
  const run0 = s.ens.runs[0];
  if (s.trail.length >= trailPointsPerFrame(d) * 4 * d) return;
  for (let j = 0; j < d; j++) s.trail.push(run0.x[j]);
  s.trailSteps.push(run0.t);
}

/** The news of one stream since its last frame. */
export function streamPart(s: Stream, d: number): StreamPart {
  const runs = s.ens.runs;
  const K = runs.length;
  const x = new Float64Array(K * d);
  const escapeStep = new Int32Array(K);
  const divergedStep = new Int32Array(K);
  runs.forEach((r, i) => {
    x.set(r.x, i * d);
    escapeStep[i] = r.escapeStep;
    divergedStep[i] = r.divergedStep;
  });
  // New history points: the lockstep runs share their recorded steps.
  const ref = runs.find((r) => r.history && r.divergedStep < 0) ?? runs.find((r) => r.history);
  let steps: number[] = [];
  let first = 0;
  if (ref && ref.history) {
    const h = ref.history;
    while (first < h.count && h.step[first] <= s.lastSent) first++;
    steps = Array.from(h.step.subarray(first, h.count));
  }
  const m = steps.length;
  const histLoss = new Float64Array(K * m);
  const histDist = new Float64Array(K * m);
  const histX = ref?.history?.positions ? new Float64Array(K * m * d) : undefined;
  runs.forEach((r, i) => {
    const h = r.history;
    if (!h) return;
    for (let j = 0; j < m; j++) {
      const at = first + j;
      if (at < h.count && h.step[at] === steps[j]) {
        histLoss[i * m + j] = h.lossAt(at);
        histDist[i * m + j] = h.dist[at];
        if (histX && h.positions) histX.set(h.positions.subarray(at * d, (at + 1) * d), (i * m + j) * d);
      }
    }
  });
  if (m > 0) s.lastSent = steps[m - 1];
  const trail = Float64Array.from(s.trail);
  const trailSteps = Float64Array.from(s.trailSteps);
  s.trail.length = 0;
  s.trailSteps.length = 0;
  return { x, histSteps: Float64Array.from(steps), histLoss, histDist, ...(histX ? { histX } : {}), escapeStep, divergedStep, trail, trailSteps };
}

/** The alignment points since the last frame, as typed arrays. */
export function alignmentPart(b: AlignBuffer): { align?: AlignmentPart } {
  if (b.step.length === 0) return {};
  const align: AlignmentPart = {
    step: Float64Array.from(b.step),
    loss: Float64Array.from(b.loss),
    alpha: Float64Array.from(b.alpha),
    beta: Float64Array.from(b.beta),
    mu: Float64Array.from(b.mu),
    gamma: Float64Array.from(b.gamma),
  };
  for (const k of Object.keys(b) as Array<keyof AlignBuffer>) b[k].length = 0;
  return { align };
}
