import type { Sampling } from '../batch-factor';
import type { Generator } from '../rng';
import type { Problem } from '../problems/problem';
import { median, wilson95 } from '../stats';
import { checksumFloat64 } from './checksum';
import { fingerprintRuns } from './fingerprint';
import { SgdRun, type NoiseScaling, type Optimiser } from './sgd-run';
import { recycleHistories } from './history';
import { perturbedStart } from './start-point';

export interface EnsembleSpec {
  opt: Optimiser;
  eta: number;
  B: number;
  sampling: Sampling;
  seed: number;
  /** The link's generator (src/core/rng.ts); the newest when absent. */
  rng?: Generator;
  runs: number;
  steps: number;
  /** Index of the start minimum (ignored for the start when x0 is given). */
  start: number;
  /** Explicit start coordinates (all runs), or empty. */
  x0: number[];
  radius: number;
  escape: number;
  hist: number;
  /** Replace SGD's noise by Gaussian noise of the same total variance (square-loss models; Wu–Wang–Su §3.3). */
  noise?: 'sgd' | 'isotropic' | 'aligned';
  /** How that noise's covariance scales with the batch (NoiseScaling in sgd-run.ts); the newest when absent. */
  noiseScaling?: NoiseScaling;
  /** Keep every run's iterate at its recorded history points (for the time scrubber's landscape). */
  keepPositions?: boolean;
}

/** The reference minimum: the start minimum, or the one nearest x0 when x0 is given. */
export function referenceMinimum(problem: Problem, start: number, x0: number[]): number {
  if (x0.length === 0) return start;
  return nearestMinimum(problem, Float64Array.from(x0));
}

export function nearestMinimum(problem: Problem, x: Float64Array): number {
  let best = 0;
  let bestD = Infinity;
  problem.minima.forEach((m, k) => {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += (x[j] - m.x[j]) ** 2;
    if (s < bestD) {
      bestD = s;
      best = k;
    }
  });
  return best;
}

export interface Curves {
  step: number[];
  meanLoss: number[];
  medianLoss: number[];
  meanDist: number[];
  medianDist: number[];
}

export interface RunsSummary {
  optimiser: Optimiser;
  runs: number;
  stepsDone: number;
  escaped: number;
  diverged: number;
  fractionEscaped: number;
  interval95: [number, number];
  medianEscapeStep: number | null;
  escapeSteps: number[];
  divergedSteps: number[];
  /** How many runs end nearest each minimum (index into the problem's list); diverged runs excluded. */
  endedNear: number[];
  finalLoss: { mean: number | null; median: number | null };
  /** The final iterates only: the field v=1 and v=2 checksums were recorded in (README "Checksum and fingerprint"). */
  checksum: string;
  /** The whole run: every history point, escape and divergence step and final iterate (engine/fingerprint.ts). */
  fingerprint: string;
  curves: Curves;
}

/**
 * K runs of one optimiser from perturbations of the same start, run r drawing
 * from the stream (seed, r). Advanced in time-synchronous slices so a live view
 * sees every run at the same step; results do not depend on the slicing.
 * GD is deterministic, so it runs once, from run 0's start.
 */
export class Ensemble {
  readonly runs: SgdRun[];
  readonly centerIndex: number;
  t = 0;

  constructor(
    readonly problem: Problem,
    readonly spec: EnsembleSpec,
  ) {
    this.centerIndex = referenceMinimum(problem, spec.start, spec.x0);
    // With no minimum listed (a custom landscape without one), distances are measured from the start.
    // A network lists no minimum: distances are measured from its initialisation, where every run starts.
    const initial = spec.x0.length === 0 && problem.minima.length === 0 ? problem.initial : undefined;
    const center = problem.minima[this.centerIndex]?.x ?? initial ?? Float64Array.from(spec.x0);
    const count = spec.opt === 'gd' ? 1 : spec.runs;
    this.runs = [];
    for (let r = 0; r < count; r++) {
      const x0 = spec.x0.length ? Float64Array.from(spec.x0) : initial ? Float64Array.from(initial) : perturbedStart(problem.minima[spec.start].x, spec.radius, spec.seed, r, spec.rng);
      this.runs.push(
        new SgdRun(
          problem,
          {
            opt: spec.opt,
            eta: spec.eta,
            B: spec.B,
            sampling: spec.sampling,
            center,
            escapeRadius: spec.escape,
            historyBudget: spec.hist,
            seed: spec.seed,
            runIndex: r,
            rng: spec.rng,
            noise: spec.noise,
            noiseScaling: spec.noiseScaling,
            keepPositions: spec.keepPositions,
          },
          x0,
        ),
      );
    }
  }

  get finished(): boolean {
    return this.t >= this.spec.steps;
  }

  /** Advance every run by up to k steps (not past spec.steps). */
  advance(k: number): void {
    const target = Math.min(this.spec.steps, this.t + k);
    const dt = target - this.t;
    if (dt <= 0) return;
    for (const run of this.runs) if (!run.done) run.advance(dt - (run.t - this.t));
    this.t = target;
  }

  /**
   * Hand the runs' history buffers back for the next ensemble (a worker's restart);
   * the histories are empty after it, and the ensemble must not be advanced again.
   */
  release(): void {
    recycleHistories(this.runs.map((r) => r.history));
  }

  runToEnd(): this {
    this.advance(this.spec.steps - this.t);
    return this;
  }

  summary(): RunsSummary {
    const runs = this.runs;
    const escapeSteps = runs.filter((r) => r.escapeStep >= 0).map((r) => r.escapeStep);
    const divergedSteps = runs.filter((r) => r.divergedStep >= 0).map((r) => r.divergedStep);
    const endedNear = new Array<number>(this.problem.minima.length).fill(0);
    const finals: number[] = [];
    for (const r of runs) {
      if (r.done) continue;
      if (endedNear.length) endedNear[nearestMinimum(this.problem, r.x)]++;
      const l = this.problem.loss(r.x);
      if (Number.isFinite(l)) finals.push(l);
    }
    const interval95 = wilson95(escapeSteps.length, runs.length);
    return {
      optimiser: this.spec.opt,
      runs: runs.length,
      stepsDone: this.t,
      escaped: escapeSteps.length,
      diverged: divergedSteps.length,
      fractionEscaped: escapeSteps.length / runs.length,
      interval95,
      medianEscapeStep: median(escapeSteps),
      escapeSteps,
      divergedSteps,
      endedNear,
      finalLoss: { mean: finals.length ? finals.reduce((a, b) => a + b, 0) / finals.length : null, median: median(finals) },
      checksum: checksumFloat64(runs.map((r) => r.x)),
      fingerprint: fingerprintRuns(runs),
      curves: this.curves(),
    };
  }

  /** Mean and median of loss and distance over the runs alive at each recorded step. */
  curves(): Curves {
    const out: Curves = { step: [], meanLoss: [], medianLoss: [], meanDist: [], medianDist: [] };
    const ref = this.runs.reduce<SgdRun | null>((best, r) => (r.history && (!best || r.history.count > best.history!.count) ? r : best), null);
    if (!ref || !ref.history) return out;
    const L: number[] = [];
    const D: number[] = [];
    for (let i = 0; i < ref.history.count; i++) {
      const step = ref.history.step[i];
      L.length = 0;
      D.length = 0;
      for (const r of this.runs) {
        const h = r.history!;
        if (i < h.count && h.step[i] === step) {
          L.push(h.lossAt(i));
          D.push(h.dist[i]);
        }
      }
      out.step.push(step);
      out.meanLoss.push(L.reduce((a, b) => a + b, 0) / L.length);
      out.medianLoss.push(median(L) as number);
      out.meanDist.push(D.reduce((a, b) => a + b, 0) / D.length);
      out.medianDist.push(median(D) as number);
    }
    return out;
  }
}
