/**
 * The one typed protocol between the page and the simulation worker. Both
 * sides import these types; nothing else crosses the boundary. Large arrays
 * cross as transferable typed arrays.
 */
import type { RunsSummary } from '../core/engine/ensemble';
import type { KernelStatus } from '../core/kernels/kernel-choice';
import type { Config } from '../core/params/param-table';
import type { ParamIssue } from '../core/params/query';
import type { SwitchInfo } from '../core/engine/switch-protocol';
import type { MinimumTheory } from '../core/theory/analyse-minimum';
import type { LandscapeSample } from '../core/landscape';

export type ToWorker =
  | {
      type: 'start';
      id: number;
      /** The canonical query string: the same configuration `npm run sim` reads. */
      query: string;
      /** Steps per second; Infinity for as fast as the engine goes. (The stop rule is the query's `stop`.) */
      stepsPerSecond: number;
      /** Start paused (after the first frame). */
      paused: boolean;
      /**
       * A companion run for the Wu–Wang–Su workspace: skip the theory of the minima,
       * and stream the alignment of run 0 (square-loss models), which plain runs do not compute.
       */
      lean?: boolean;
      /** The share of one core this run may take (sharing.ts); 1 when absent. */
      share?: number;
      /**
       * The problem identity (src/core/run-cache.ts) whose landscape the page already
       * holds: when the run's problem is that one, `started` leaves the landscape out.
       */
      knownProblem?: string;
    }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'step'; id: number; steps: number }
  | { type: 'speed'; id: number; stepsPerSecond: number }
  /** A new share of one core (configurations were added or removed). */
  | { type: 'share'; id: number; share: number }
  | { type: 'cancel'; id: number }
  /** The page drew the last frame: the worker may send the next (at most one per animation frame). */
  | { type: 'ack'; id: number }
  /** Test hook: make the worker throw while handling this message. */
  | { type: 'crash'; id: number };

/** A sampled view of the objective for the landscape view. */
export type Landscape = LandscapeSample;

export interface StartedInfo {
  config: Config;
  /** What the problem was built from (problemIdentity): equal for a retuned run, whose problem was kept. */
  problemKey: string;
  permalink: string;
  issues: ParamIssue[];
  problem: { kind: string; dim: number; n: number; notes: string[]; domain: { lo: number[]; hi: number[] } | null };
  /**
   * The theory of every listed minimum at this η, B and sampling. Empty while
   * theoryPending: for a large model it follows in a `theory` message, so the runs start first.
   */
  minima: MinimumTheory[];
  /** The theory of the minima is still being computed (a `theory` message brings it). */
  theoryPending: boolean;
  /** Why the deferred theory could not be computed. */
  theoryError?: string;
  /** Index of the reference minimum runs start from (escape is measured from it). */
  center: number;
  landscape: Landscape;
  /** How many SGD runs (K) and GD runs (0 or 1) stream. */
  sgdRuns: number;
  gdRuns: number;
  /** Which loop steps the SGD runs, WebAssembly or TypeScript, and why (the status line's tooltip). */
  kernel: KernelStatus;
}

/** StartedInfo as it crosses: the landscape is null when the page said it holds this problem's (`knownProblem`). */
export type StartedWire = Omit<StartedInfo, 'landscape'> & { landscape: Landscape | null };

/** One optimiser's part of a frame. */
export interface StreamPart {
  /** Current iterates, run-major (K·d). */
  x: Float64Array;
  /** Newly recorded history steps (shared by all live runs: they move in lockstep). */
  histSteps: Float64Array;
  /** Loss and distance at those steps, run-major: [run·m + j]. Values of runs that had diverged are 0 and must be skipped. */
  histLoss: Float64Array;
  histDist: Float64Array;
  /**
   * Every run's iterate at those steps, [(run·m + j)·d + c], when the configuration
   * keeps them (keepsPositions in live-stream.ts): the time scrubber's landscape.
   */
  histX?: Float64Array;
  /** Per run: escape step (−1 none), diverged step (−1 none). */
  escapeStep: Int32Array;
  divergedStep: Int32Array;
  /** Trail of run 0 since the last frame (positions, m·d), for the trajectory view. */
  trail: Float64Array;
  /** The step of each trail point. */
  trailSteps: Float64Array;
}

/** Wu–Wang–Su's α, β, μ, γ (Wu–Wang–Su eq. 3, Definition 2.1) of one run's iterate at newly reached steps (square-loss models). */
export interface AlignmentPart {
  step: Float64Array;
  loss: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  mu: Float64Array;
  gamma: Float64Array;
}

export type FromWorker =
  | { type: 'started'; id: number; info: StartedWire }
  | {
      type: 'frame';
      id: number;
      t: number;
      stepsPerSecond: number;
      running: boolean;
      sgd: StreamPart | null;
      gd: StreamPart | null;
      /** Before the switch of Wu–Wang–Su's protocol (switchloss > 0): GD's steps so far and its loss. */
      gdPhase?: { steps: number; loss: number };
      /** Alignment of run 0 (SGD's, else GD's) since the last frame. */
      align?: AlignmentPart;
    }
  | {
      type: 'done';
      id: number;
      t: number;
      reason: 'steps' | 'settled';
      sgd: RunsSummary | null;
      gd: RunsSummary | null;
      /** With switchloss > 0: the GD phase, as in `npm run sim`'s `switch`. */
      switch?: SwitchInfo;
    }
  /** The theory of the minima of run `id`, computed after its first frame (StartedInfo.theoryPending). */
  | { type: 'theory'; id: number; minima: MinimumTheory[]; error?: string }
  | { type: 'error'; id: number; message: string };

/** The typed arrays of a frame, for postMessage's transfer list. */
export function transferables(msg: FromWorker): ArrayBuffer[] {
  if (msg.type !== 'frame') return [];
  const out: ArrayBuffer[] = [];
  for (const part of [msg.sgd, msg.gd]) {
    if (!part) continue;
    for (const a of [part.x, part.histSteps, part.histLoss, part.histDist, part.histX, part.escapeStep, part.divergedStep, part.trail, part.trailSteps]) if (a) out.push(a.buffer as ArrayBuffer);
  }
  if (msg.align) for (const a of Object.values(msg.align)) out.push(a.buffer as ArrayBuffer);
  return out;
}
