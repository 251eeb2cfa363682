import type { Config } from '../params/param-table';
import type { Problem } from '../problems/problem';
import { isSquareLoss } from '../problems/square-loss';
import { generatorOf } from '../rng';
import { drain, type InPieces } from '../in-pieces';
import { wwsTheoryInPieces, type WwsTheory } from '../theory/alignment';
import { Ensemble, type EnsembleSpec } from './ensemble';
import { SgdRun } from './sgd-run';
import { perturbedStart } from './start-point';

/** GD gets at most this many steps to bring the loss below `switchloss`. */
export const SWITCH_GD_BUDGET = 20_000;

/** What the GD phase of Wu–Wang–Su's Fig. 4 protocol did. */
export interface SwitchInfo {
  /** The loss below which GD hands over to SGD (the `switchloss` key). */
  threshold: number;
  /** GD steps before the switch; null when GD did not get below the threshold (budget spent or diverged). */
  step: number | null;
  /** GD steps taken (equal to `step` after a switch). */
  gdSteps: number;
  /** Full loss L(θ) at the switch point (or where GD stopped). */
  loss: number;
  diverged: boolean;
  /** Wu–Wang–Su's theory at the switch point θ_s, the minimum GD reached (μ₀, ‖H‖_F, √(B/μ₀)/η, γ₀ …). */
  theory: WwsTheory | null;
}

/** The protocol applies to square-loss models with switchloss > 0. */
export function switchRequested(problem: Problem, config: Config): boolean {
  // A network (it lists no minimum; every run starts at its initialisation) takes the protocol too: Wu–Ma–E Fig. 1, Table 3, Fig. 8.
  return config.switchloss > 0 && (isSquareLoss(problem) || problem.initial !== undefined);
}

/**
 * The first half of Wu–Wang–Su Fig. 4 (Wu–Wang–Su §3.2): "the sharp minimum is found
 * by GD; when GD nearly converges, we switch to SGD with the same learning
 * rate". GD with step η runs from run 0's start (x0, a network's initialisation, or
 * the start minimum perturbed within `radius`) until L(θ) < switchloss, at most SWITCH_GD_BUDGET
 * steps. Advanced in slices so a worker stays cancellable; the result does not
 * depend on the slicing.
 */
export class GdPhase {
  readonly run: SgdRun;
  loss: number;
  private done = false;

  constructor(
    readonly problem: Problem,
    readonly config: Config,
  ) {
    const start = config.x0.length
      ? Float64Array.from(config.x0)
      : problem.minima.length === 0 && problem.initial
        ? Float64Array.from(problem.initial)
        : perturbedStart(problem.minima[config.start].x, config.radius, config.seed, 0, generatorOf(config.v));
    this.run = new SgdRun(
      problem,
      { opt: 'gd', eta: config.eta, B: config.B, sampling: config.sampling, center: start, escapeRadius: Infinity, historyBudget: 0, seed: config.seed, runIndex: 0, rng: generatorOf(config.v) },
      start,
    );
    this.loss = problem.loss(this.run.x);
  }

  get switched(): boolean {
    return this.loss < this.config.switchloss;
  }

  get diverged(): boolean {
    return this.run.done || !Number.isFinite(this.loss);
  }

  get finished(): boolean {
    return this.done || this.switched || this.diverged || this.run.t >= SWITCH_GD_BUDGET;
  }

  /** Up to k GD steps, stopping at the first iterate with L < switchloss. */
  advance(k: number): void {
    for (let i = 0; i < k && !this.finished; i++) {
      this.run.advance(1);
      this.loss = this.problem.loss(this.run.x);
    }
    if (this.finished) this.done = true;
  }

  runToEnd(): this {
    while (!this.finished) this.advance(1000);
    return this;
  }

  /** The switch point θ_s (GD's iterate), or null when there was no switch. */
  get point(): Float64Array | null {
    return this.switched && !this.diverged ? this.run.x : null;
  }

  info(): SwitchInfo {
    return drain(this.infoInPieces());
  }

  /**
   * info() in pieces: the theory at the switch point is O(n³) (0.2–0.5 s at n = 200),
   * so the worker runs it a slice at a time (src/core/in-pieces.ts); the same numbers.
   */
  *infoInPieces(): InPieces<SwitchInfo> {
    const p = this.problem;
    const at = this.point;
    const theory = at && isSquareLoss(p) ? yield* wwsTheoryInPieces(p, { label: 'switch point', x: at, fixedPoint: false }, this.config.eta, this.config.B, this.config.sampling) : null;
    return {
      threshold: this.config.switchloss,
      step: at ? this.run.t : null,
      gdSteps: this.run.t,
      loss: this.loss,
      diverged: this.diverged,
      theory,
    };
  }
}

/**
 * The second half: K runs (or GD once) with the same η, B and noise, all from
 * the switch point θ_s, on their own random streams (seed, r). Steps and
 * escapes are counted from the switch: a run has escaped at the first step
 * with ‖θ − θ_s‖ > R.
 */
export class SwitchedEnsemble extends Ensemble {
  constructor(problem: Problem, spec: EnsembleSpec, from: Float64Array) {
    // The base builds its runs without histories (cheap); each is replaced by one from θ_s.
    super(problem, { ...spec, x0: [], radius: 0, hist: 0 });
    const at = Float64Array.from(from);
    for (let r = 0; r < this.runs.length; r++) this.runs[r] = new SgdRun(problem, { ...this.runs[r].spec, center: at, historyBudget: spec.hist }, at);
  }
}
