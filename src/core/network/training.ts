import type { Ensemble } from '../engine/ensemble';
import { startEnsembles, type PreparedRun } from '../prepare-run';
import { sharpness } from './curvature';
import { isMlp, type MlpProblem } from './mlp-problem';
import { MEASURED_SGD_RUNS, runEnd, type RunEnd } from './trained-minima';

/** One recorded step of a network's training: the losses, and where measured the sharpness (a quick Lanczos value, a lower bound). */
export interface TrainingPoint {
  t: number;
  gdLoss: number | null;
  /** SGD runs' losses (the first MEASURED_SGD_RUNS). */
  sgdLoss: number[];
  gdSharpness: number | null;
  sgdSharpness: number | null;
}

/** Along training the sharpness is the largest Ritz value after this many Lanczos steps: a lower bound on a, labelled so. */
export const TRACE_LANCZOS_STEPS = 15;

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * A network's GD and SGD runs (the same ensembles as the live run and `npm run sim`,
 * so the same numbers), advanced in pieces with the losses recorded at 50 evenly
 * spaced steps and the sharpness of GD and SGD run 0 at 10: the training view's
 * curves (GD's sharpness rising to 2/η, Cohen et al.'s edge of stability, when η is large).
 */
export class NetworkTraining {
  readonly problem: MlpProblem;
  readonly sgd: Ensemble | null;
  readonly gd: Ensemble | null;
  readonly steps: number;
  readonly every: number;
  readonly sharpEvery: number;
  /** GD's steps before the switch (switchloss), or null without one or when GD never got below it. */
  readonly switchStep: number | null;
  t = 0;

  constructor(run: PreparedRun) {
    if (!isMlp(run.problem)) throw new Error(`the training view needs problem=mlp, got problem=${run.problem.kind}`);
    this.problem = run.problem;
    // With switchloss (Wu–Ma–E Fig. 1) GD trains first; the runs start where it switched, as in npm run sim.
    run.phase?.runToEnd();
    this.switchStep = run.phase ? (run.phase.info().step ?? null) : null;
    const { sgd, gd } = startEnsembles(run);
    this.sgd = sgd;
    this.gd = gd;
    this.steps = run.config.steps;
    this.every = Math.max(1, Math.ceil(this.steps / 50));
    this.sharpEvery = this.every * 5;
  }

  get done(): boolean {
    return this.t >= this.steps;
  }

  /** The point at the current step. */
  record(): TrainingPoint {
    const p = this.problem;
    const withSharpness = this.t % this.sharpEvery === 0 || this.t === this.steps;
    const quick = { tol: 1e-3, maxSteps: TRACE_LANCZOS_STEPS };
    const gdRun = this.gd?.runs[0];
    const gdAlive = gdRun && gdRun.divergedStep < 0;
    const sgdRun = this.sgd?.runs[0];
    const sgdAlive = sgdRun && sgdRun.divergedStep < 0;
    return {
      t: this.t,
      gdLoss: gdRun ? (gdAlive ? finiteOrNull(p.loss(gdRun.x)) : null) : null,
      sgdLoss: (this.sgd?.runs ?? []).slice(0, MEASURED_SGD_RUNS).map((r) => (r.divergedStep < 0 ? p.loss(r.x) : Infinity)),
      gdSharpness: withSharpness && gdAlive ? finiteOrNull(sharpness(p, gdRun.x, quick).value) : null,
      sgdSharpness: withSharpness && sgdAlive ? finiteOrNull(sharpness(p, sgdRun.x, quick).value) : null,
    };
  }

  /** Advance to the next recorded step (or the end) and return its point. */
  advance(): TrainingPoint {
    const target = Math.min(this.steps, (Math.floor(this.t / this.every) + 1) * this.every);
    const k = target - this.t;
    this.sgd?.advance(k);
    this.gd?.advance(k);
    this.t = target;
    return this.record();
  }

  /** Where each run ended, measured where trained (trained-minima.ts), without θ (the page does not need p numbers a run). */
  ends(): RunEnd[] {
    const out: RunEnd[] = [];
    if (this.gd) out.push(runEnd(this.problem, 'gd', 0, this.gd.runs[0].x, this.gd.runs[0].divergedStep >= 0));
    this.sgd?.runs.slice(0, MEASURED_SGD_RUNS).forEach((r, k) => out.push(runEnd(this.problem, 'sgd', k, r.x, r.divergedStep >= 0)));
    return out.map((e) => ({ ...e, theta: [] }));
  }
}
