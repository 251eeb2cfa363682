import { Ensemble, type RunsSummary } from './engine/ensemble';
import { runEnsembles } from './engine/settled';
import type { Config } from './params/param-table';
import { decodeQuery, encodeQuery, type ParamIssue } from './params/query';
import { buildProblem } from './problems/build-problem';
import type { Problem } from './problems/problem';
import { stabilityRectangle } from './stability-region';
import { analyseMinimum, type MinimumTheory } from './theory/analyse-minimum';

export interface SimOutput {
  config: Config;
  permalink: string;
  problem: { kind: string; dim: number; n: number; notes: string[] };
  rectangle: { sharpnessMax: number; nonUniformityMax: number | null; c: number };
  minima: MinimumTheory[];
  runs: { sgd: RunsSummary | null; gd: RunsSummary | null };
  /** Issues with the query that were repaired (empty for a clean query). */
  issues: ParamIssue[];
  unknown: string[];
}

/** The theory of every listed minimum at the configuration's η, B and sampling. */
export function theoryOfMinima(problem: Problem, config: Config): MinimumTheory[] {
  return problem.minima.map((m) =>
    analyseMinimum(problem, m, {
      eta: config.eta,
      B: config.B,
      sampling: config.sampling,
      radius: config.radius,
      escape: config.escape,
      seed: config.seed,
    }),
  );
}

/** The ensemble of one optimiser; a noise switch (Wu–Wang–Su §3.3) applies to the SGD side only. */
export function ensembleSpec(config: Config, opt: 'gd' | 'sgd') {
  return { ...config, opt, noise: opt === 'sgd' ? config.noise : ('sgd' as const) };
}

/**
 * Run a configuration headless: the theory per minimum and the GD and SGD
 * ensembles. The same code the worker runs; `npm run sim` prints this object.
 */
export function simulateConfig(input: Config, extra: { issues?: ParamIssue[]; unknown?: string[] } = {}): SimOutput {
  const { problem, config, issues } = buildProblem(input);
  const rect = stabilityRectangle(config.eta, problem.n, config.B, config.sampling);
  const make = (opt: 'gd' | 'sgd') => (config.opt.includes(opt) ? new Ensemble(problem, ensembleSpec(config, opt)) : null);
  const sgd = make('sgd');
  const gd = make('gd');
  runEnsembles(problem, [sgd, gd].filter((e): e is Ensemble => e !== null), config.steps, config.stop);
  return {
    config,
    permalink: encodeQuery(config),
    problem: { kind: problem.kind, dim: problem.dim, n: problem.n, notes: problem.notes },
    rectangle: { sharpnessMax: rect.sharpnessMax, nonUniformityMax: Number.isFinite(rect.nonUniformityMax) ? rect.nonUniformityMax : null, c: rect.c },
    minima: theoryOfMinima(problem, config),
    runs: { sgd: sgd?.summary() ?? null, gd: gd?.summary() ?? null },
    issues: [...(extra.issues ?? []), ...issues],
    unknown: extra.unknown ?? [],
  };
}

export function simulateQuery(query: string): SimOutput {
  const decoded = decodeQuery(query);
  return simulateConfig(decoded.config, decoded);
}

/** JSON with non-finite numbers as null (JSON has no Infinity or NaN). */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), indent);
}
