import type { Config } from '../params/param-table';
import { problemOptions } from './build-problem';
import { problemDef } from './registry';

/**
 * n, the number of components fᵢ of the configured problem, without building
 * it: the page needs n for the rectangle's height (Wu eq. 9) on every slider
 * move, before the worker has built the problem. Each problem's `count` sees
 * the options its build would see (limits applied). A unit test checks it
 * against buildProblem for every problem.
 */
export function componentCount(config: Config): number {
  const def = problemDef(config.problem);
  return def.count(problemOptions(def, config));
}
