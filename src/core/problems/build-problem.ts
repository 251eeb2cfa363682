import type { Config } from '../params/param-table';
import type { ParamIssue } from '../params/query';
import type { Problem } from './problem';
import type { ProblemOptions, RegisteredProblem } from './problem-def';
import type { NumericProblemKey, ProblemKeyName } from './problem-keys';
import { problemDef } from './registry';

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
 * Build the problem a configuration names (through the registry), then check
 * the keys that depend on it. Synchronous: a problem with a `prepare` step
 * (custom formulas need the compiler) must have been prepared first;
 * buildProblemAsync does that.
 */
export function buildProblem(input: Config): Resolved {
  const issues: ParamIssue[] = [];
  const def = problemDef(input.problem);
  const options = problemOptions(def, input, issues);
  const problem = def.build(options, { radius: input.radius, issues });
  // The options carry the problem's repairs (limits, refused formulas …) back into the configuration.
  const config: Config = { ...input, ...options };
  if (config.B > problem.n) {
    issues.push({ key: 'B', message: `B must be at most n = ${problem.n}, got ${config.B}; used ${problem.n}` });
    config.B = problem.n;
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

/** buildProblem after the problem's `prepare` step (custom problems load mathjs only when needed). */
export async function buildProblemAsync(input: Config): Promise<Resolved> {
  await problemDef(input.problem).prepare?.();
  return buildProblem(input);
}
