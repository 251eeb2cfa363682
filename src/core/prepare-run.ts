import { Ensemble } from './engine/ensemble';
import { GdPhase, switchRequested, SwitchedEnsemble } from './engine/switch-protocol';
import type { Config } from './params/param-table';
import type { ParamIssue } from './params/query';
import { buildBare, resolveAgainst, type BuiltProblem } from './problems/build-problem';
import type { Problem } from './problems/problem';
import { generatorOf } from './rng';
import { noiseScalingOf } from './engine/sgd-run';

/**
 * Where every run starts, in `npm run sim` and in the worker alike: the problem
 * a configuration names, the configuration as repaired, what was repaired, and
 * Wu–Wang–Su's GD phase when `switchloss` asks for one (Wu–Wang–Su Fig. 4; docs/theory.md#alignment-and-the-frobenius-bound).
 * `built` is the problem already built for these problem keys when a run is
 * retuned (src/core/run-cache.ts): the same object a fresh build would equal.
 * The phase is not run here: the CLI runs it to the end at once, the worker in
 * slices; then `ensembles` starts the runs from where it switched.
 */
export interface PreparedRun {
  problem: Problem;
  /** The problem as built, before the run's own checks (the run cache keeps it between starts). */
  built: BuiltProblem;
  config: Config;
  issues: ParamIssue[];
  phase: GdPhase | null;
}

export function prepareRun(input: Config, built: BuiltProblem = buildBare(input)): PreparedRun {
  const { problem, config, issues } = resolveAgainst(built, input);
  const phase = switchRequested(problem, config) ? new GdPhase(problem, config) : null;
  return { problem, built, config, issues, phase };
}

/** What only drawing needs; no number reported depends on it. */
export interface DrawingNeeds {
  /** Keep every run's iterate at its recorded steps (the time scrubber's landscape). */
  keepPositions?: boolean;
}

/**
 * The GD and SGD ensembles of a prepared run (null where `opt` leaves one out).
 * After a GD phase (which must have finished) they start at its switch point;
 * a phase that never switched starts none.
 */
export function startEnsembles(run: PreparedRun, drawing: DrawingNeeds = {}): { sgd: Ensemble | null; gd: Ensemble | null } {
  return { sgd: makeEnsemble(run.problem, run.config, 'sgd', run.phase, drawing), gd: makeEnsemble(run.problem, run.config, 'gd', run.phase, drawing) };
}

/** The ensemble of one optimiser; a noise switch (Wu–Wang–Su §3.3) applies to the SGD side only. */
export function ensembleSpec(config: Config, opt: 'gd' | 'sgd') {
  return { ...config, opt, noise: opt === 'sgd' ? config.noise : ('sgd' as const), noiseScaling: noiseScalingOf(config.v), rng: generatorOf(config.v) };
}

/** One optimiser's ensemble, or null when it is not asked for (or a GD phase never switched). */
export function makeEnsemble(problem: Problem, config: Config, opt: 'gd' | 'sgd', phase: GdPhase | null, drawing: DrawingNeeds = {}): Ensemble | null {
  if (!config.opt.includes(opt)) return null;
  const spec = { ...ensembleSpec(config, opt), ...drawing };
  if (!phase) return new Ensemble(problem, spec);
  const at = phase.point;
  return at ? new SwitchedEnsemble(problem, spec, at) : null;
}
