import type { Config } from '../params/param-table';
import type { ParamIssue } from '../params/query';
import type { Problem } from './problem';
import type { ProblemOptions, RegisteredProblem } from './problem-def';
import type { NumericProblemKey, ProblemKeyName } from './problem-keys';
import { problemDef } from './registry';
import { weightsWithoutRefusal } from '../params/weights-sampling';
import { batchLimit } from '../params/batch-limit';

export interface Resolved {
  problem: Problem;
  /** The configuration after the checks that need the problem (B ≤ n, start, x0). */
  config: Config;
  issues: ParamIssue[];
}

/**
 * A problem's options from a configuration (which holds every problem key), with
 * the problem's own limits applied: a value above a key's `max` is reduced to it,
 * with a message when `issues` is given.
 */
export function problemOptions(def: RegisteredProblem, config: Config, issues?: ParamIssue[]): ProblemOptions<ProblemKeyName> {
  const options: ProblemOptions<ProblemKeyName> = { ...config };
  for (const key of Object.keys(def.keys) as ProblemKeyName[]) {
    const max = def.keys[key]?.max;
    if (max === undefined || !isNumeric(options, key) || !(options[key] > max)) continue;
    issues?.push({ key, message: `${key} must be at most ${max} for ${def.kind}, got ${options[key]}; used ${max}` });
    options[key] = max;
  }
  return options;
}

function isNumeric(options: ProblemOptions<ProblemKeyName>, key: ProblemKeyName): key is NumericProblemKey {
  return typeof options[key] === 'number';
}

/**
 * Problem keys that shape how the runs go, not the problem (no build reads them):
 * Wu–Wang–Su's noise switch (§3.3) and the GD phase's threshold (Fig. 4). A change
 * of them keeps the built problem (src/core/run-cache.ts).
 */
export const RUN_KEYS_OF_PROBLEMS: ReadonlySet<ProblemKeyName> = new Set<ProblemKeyName>(['noise', 'switchloss']);

/** A problem as built from a configuration's problem keys, before the checks that need the rest of it. */
export interface BuiltProblem {
  problem: Problem;
  /** The declared keys' values after the build's own repairs (refused formulas, mismatched lengths …). */
  repaired: Partial<ProblemOptions<ProblemKeyName>>;
  /** The build's repairs, each naming its key (the limits are checked again on every resolve). */
  issues: ParamIssue[];
}

/**
 * Build the problem a configuration names (through the registry), without the
 * checks that depend on the run's keys. Synchronous: a problem with a `prepare`
 * step (custom formulas need the compiler) must have been prepared first.
 */
export function buildBare(input: Config): BuiltProblem {
  const def = problemDef(input.problem);
  const options = problemOptions(def, input);
  const issues: ParamIssue[] = [];
  const problem = def.build(options, { radius: input.radius, issues });
  const repaired: Partial<ProblemOptions<ProblemKeyName>> = {};
  for (const key of Object.keys(def.keys) as ProblemKeyName[]) if (!RUN_KEYS_OF_PROBLEMS.has(key)) copyOption(repaired, options, key);
  return { problem, repaired, issues };
}

function copyOption<K extends ProblemKeyName>(to: Partial<ProblemOptions<ProblemKeyName>>, from: ProblemOptions<ProblemKeyName>, key: K): void {
  to[key] = from[key];
}

/**
 * The configuration checked against a built problem: the keys' limits, the
 * build's repairs, then B ≤ n, start and x0 — the one place these are decided
 * (a retuned run, with the problem kept, passes through here as a fresh one does).
 * `built` must have been built from a configuration with the same problem keys.
 */
export function resolveAgainst(built: BuiltProblem, input: Config): Resolved {
  const issues: ParamIssue[] = [];
  const def = problemDef(input.problem);
  const options = problemOptions(def, input, issues);
  issues.push(...built.issues);
  const { problem } = built;
  // The options carry the problem's repairs (limits, refused formulas …) back into the configuration.
  const config: Config = { ...input, ...options, ...built.repaired };
  const overB = batchLimit(config.B, problem.n);
  if (overB) {
    issues.push({ key: 'B', message: `${overB}; used ${problem.n}` });
    config.B = problem.n;
  }
  // Weights with SGD need sampling=with (from v=3); B = n is GD on the weighted sum, which is sound, and kept.
  const unweighable = weightsWithoutRefusal(config, problem.n, problem.weights !== null);
  if (unweighable) {
    issues.push({ key: 'sampling', message: `${unweighable}; used sampling=with` });
    config.sampling = 'with';
  }
  if (problem.minima.length === 0 && config.x0.length === 0 && !problem.initial) {
    // Nothing to start beside (a custom landscape with no strict minimum): start at the box's centre, or 0.
    const box = problem.domain;
    config.x0 = Array.from({ length: problem.dim }, (_, j) => (box && Number.isFinite(box.lo[j] + box.hi[j]) ? (box.lo[j] + box.hi[j]) / 2 : 0));
    issues.push({ key: 'f', message: `no strict minimum found to start from; runs start at x0 = ${config.x0.join(',')} (set x0= or pin=)` });
  }
  if (problem.minima.length > 0 && config.start >= problem.minima.length) {
    issues.push({ key: 'start', message: `start must be below ${problem.minima.length} (the number of minima listed), got ${config.start}; used 0` });
    config.start = 0;
  }
  if (config.x0.length > 0 && config.x0.length !== problem.dim) {
    issues.push({ key: 'x0', message: `x0 must have ${problem.dim} coordinates, got ${config.x0.length}; ignored` });
    config.x0 = [];
  }
  return { problem, config, issues };
}

/** Build the problem a configuration names, then check the keys that depend on it. */
export function buildProblem(input: Config): Resolved {
  return resolveAgainst(buildBare(input), input);
}

/** buildProblem after the problem's `prepare` step (custom problems load mathjs only when needed). */
export async function buildProblemAsync(input: Config): Promise<Resolved> {
  await problemDef(input.problem).prepare?.();
  return buildProblem(input);
}
