import { isMlp } from './network/mlp-problem';
import { networkReport, type NetworkReport } from './network/trained-minima';
import { comparisonConfig, comparisonIssue } from './compare';
import { Ensemble, type RunsSummary } from './engine/ensemble';
import { runEnsembles } from './engine/settled';
import type { SwitchInfo } from './engine/switch-protocol';
import type { Config } from './params/param-table';
import { decodeQuery, encodeQuery, type ParamIssue } from './params/query';
import type { Problem } from './problems/problem';
import { generatorOf } from './rng';
import { prepareRun, startEnsembles } from './prepare-run';
import { stabilityRectangle } from './stability-region';
import { analyseMinimum, type MinimumTheory } from './theory/analyse-minimum';

export interface SimOutput {
  config: Config;
  permalink: string;
  problem: { kind: string; dim: number; n: number; notes: string[] };
  rectangle: { sharpnessMax: number; nonUniformityMax: number | null; c: number };
  minima: MinimumTheory[];
  runs: { sgd: RunsSummary | null; gd: RunsSummary | null };
  /**
   * With switchloss > 0 (Wu–Wang–Su Fig. 4): GD's phase; the runs above then start
   * at its switch point and count steps and escapes from there (both null without a switch).
   */
  switch?: SwitchInfo;
  /**
   * With `compare`: each comparison run as its own configuration (the main one
   * with the entry's overrides), from the same starts, in the main result's shape.
   */
  compare?: ComparisonOutput[];
  /** For a network (`problem=mlp`): the model written out and each run's end point, trained or not, with a and s where trained. */
  network?: NetworkReport;
  /** Issues with the query that were repaired (empty for a clean query). */
  issues: ParamIssue[];
  unknown: string[];
}

/** One comparison of `compare`: its overrides as written, and what it computes. */
export interface ComparisonOutput {
  overrides: string;
  permalink: string;
  rectangle: SimOutput['rectangle'];
  minima: MinimumTheory[];
  runs: SimOutput['runs'];
  switch?: SwitchInfo;
}

const LEFT_OUT = '; left out';

/**
 * A comparison that cannot run on the problem (B > n, noise where it does not apply):
 * left out by name, the others kept (README "Features", Compare); not a reason to stop the command line.
 */
export function isLeftOutComparison(issue: ParamIssue): boolean {
  return issue.key === 'compare' && issue.message.endsWith(LEFT_OUT);
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
      rng: generatorOf(config.v),
      v: config.v,
    }),
  );
}

/**
 * Run a configuration headless: the theory per minimum and the GD and SGD
 * ensembles. The same code the worker runs; `npm run sim` prints this object.
 */
export function simulateConfig(input: Config, extra: { issues?: ParamIssue[]; unknown?: string[] } = {}, network: { alignment?: boolean } = {}): SimOutput {
  const main = simulateOne(input, network);
  const compareIssues: ParamIssue[] = [];
  const compare: ComparisonOutput[] = [];
  for (const entry of main.config.compare) {
    const issue = comparisonIssue(main.config, entry, main.problem.n);
    if (issue) {
      compareIssues.push({ key: 'compare', message: `${issue}${LEFT_OUT}` });
      continue;
    }
    const out = simulateOne(comparisonConfig(main.config, entry));
    compare.push({ overrides: entry, permalink: out.permalink, rectangle: out.rectangle, minima: out.minima, runs: out.runs, ...(out.switch ? { switch: out.switch } : {}) });
  }
  return {
    ...main,
    ...(main.config.compare.length > 0 ? { compare } : {}),
    issues: [...(extra.issues ?? []), ...main.issues, ...compareIssues],
    unknown: extra.unknown ?? [],
  };
}

/** One configuration without its comparisons (`network`: what a network's end points measure, trained-minima.ts). */
function simulateOne(input: Config, network: { alignment?: boolean } = {}): SimOutput {
  const run = prepareRun(input);
  const { problem, config, issues, phase } = run;
  const rect = stabilityRectangle(config.eta, problem.n, config.B, config.sampling);
  phase?.runToEnd();
  const { sgd, gd } = startEnsembles(run);
  runEnsembles(problem, [sgd, gd].filter((e): e is Ensemble => e !== null), config.steps, config.stop);
  return {
    config,
    permalink: encodeQuery(config),
    problem: { kind: problem.kind, dim: problem.dim, n: problem.n, notes: problem.notes },
    rectangle: { sharpnessMax: rect.sharpnessMax, nonUniformityMax: Number.isFinite(rect.nonUniformityMax) ? rect.nonUniformityMax : null, c: rect.c },
    minima: theoryOfMinima(problem, config),
    runs: { sgd: sgd?.summary() ?? null, gd: gd?.summary() ?? null },
    ...(phase ? { switch: phase.info() } : {}),
    ...(isMlp(problem) ? { network: networkReport(problem, sgd, gd, network) } : {}),
    issues,
    unknown: [],
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
