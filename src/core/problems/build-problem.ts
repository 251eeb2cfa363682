import type { Config } from '../params/param-table';
import type { ParamIssue } from '../params/query';
import { loadFormulaCompiler } from '../formula/load-formula-compiler';
import { CircleProblem, type CircleModel } from './circle';
import { customFromConfig } from './custom';
import { pointProblem } from './point';
import type { Problem } from './problem';
import { parseHessianList, QuadraticProblem } from './quadratic';
import { randomQuadratic } from './random-quadratic';
import { StyblinskiProblem } from './styblinski';
import { ToyProblem } from './toy';
import { randomFeatures } from './random-features';
import { diagonalNetwork } from './diagonal-network';

export interface Resolved {
  problem: Problem;
  /** The configuration after the checks that need the problem (B ≤ n, start, x0). */
  config: Config;
  issues: ParamIssue[];
}

const RANDOM_MAX_D = 30;

/**
 * Build the problem a configuration names, then check the keys that depend on
 * it. Synchronous: for problem=custom the formula compiler (mathjs, loaded
 * lazily) must have been loaded first; buildProblemAsync does that.
 */
export function buildProblem(input: Config): Resolved {
  const config: Config = { ...input };
  const issues: ParamIssue[] = [];
  let problem: Problem;
  switch (config.problem) {
    case 'toy':
      problem = new ToyProblem(config.b);
      break;
    case 'quadratic': {
      const r = parseHessianList(config.H);
      // The table has validated H already; a failure here would be a table bug.
      if ('error' in r) throw new Error(`H: ${r.error}`);
      problem = new QuadraticProblem(r.hessians, r.d);
      break;
    }
    case 'point':
      problem = pointProblem(config.a, config.s, config.n).problem;
      break;
    case 'random':
      if (config.d > RANDOM_MAX_D) {
        issues.push({ key: 'd', message: `d must be at most ${RANDOM_MAX_D} for random, got ${config.d}; used ${RANDOM_MAX_D}` });
        config.d = RANDOM_MAX_D;
      }
      problem = randomQuadratic(config.d, config.n, config.pseed);
      break;
    case 'circle':
      problem = new CircleProblem(config.model as CircleModel, config.radius);
      break;
    case 'styblinski':
      problem = new StyblinskiProblem(config.d, config.n, config.pseed);
      break;
    case 'custom':
      problem = customFromConfig(config, issues);
      break;
    case 'features':
    case 'dln': {
      const maxN = 200;
      const maxWidth = config.problem === 'features' ? 1000 : 500;
      if (config.n > maxN) {
        issues.push({ key: 'n', message: `n must be at most ${maxN} for ${config.problem}, got ${config.n}; used ${maxN}` });
        config.n = maxN;
      }
      if (config.width > maxWidth) {
        issues.push({ key: 'width', message: `width must be at most ${maxWidth} for ${config.problem}, got ${config.width}; used ${maxWidth}` });
        config.width = maxWidth;
      }
      problem = config.problem === 'features' ? randomFeatures(config.n, config.width, config.pseed) : diagonalNetwork(config.n, config.width, config.pseed);
      break;
    }
  }
  if (config.B > problem.n) {
    issues.push({ key: 'B', message: `B must be at most n = ${problem.n}, got ${config.B}; used ${problem.n}` });
    config.B = problem.n;
  }
  if (problem.minima.length === 0 && config.x0.length === 0) {
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

/** buildProblem, loading the formula compiler first when the problem is custom (mathjs is loaded only when needed). */
export async function buildProblemAsync(input: Config): Promise<Resolved> {
  if (input.problem === 'custom') await loadFormulaCompiler();
  return buildProblem(input);
}
