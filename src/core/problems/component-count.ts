import type { Config } from '../params/param-table';
import { checkFormulaList } from '../formula/formula-list';
import { CIRCLE_COMPONENTS } from './circle';
import { parseHessianList } from './quadratic';

const SQUARE_LOSS_MAX_N = 200;

/**
 * n, the number of components fᵢ of the configured problem, without building
 * it: the page needs n for the rectangle's height (Wu eq. 9) on every slider
 * move, before the worker has built the problem. A unit test checks it against
 * buildProblem for every problem.
 */
export function componentCount(config: Config): number {
  switch (config.problem) {
    case 'toy':
      return config.b.length;
    case 'quadratic': {
      const r = parseHessianList(config.H);
      return 'error' in r ? 1 : r.hessians.length;
    }
    case 'circle':
      return CIRCLE_COMPONENTS;
    case 'custom': {
      const r = checkFormulaList(config.f);
      return r.ok ? r.formulas.length : 1;
    }
    case 'features':
    case 'dln':
      return Math.min(config.n, SQUARE_LOSS_MAX_N);
    case 'point':
    case 'random':
    case 'styblinski':
      return config.n;
  }
}
