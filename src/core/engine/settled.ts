import type { Problem } from '../problems/problem';
import { nearestMinimum, type Ensemble } from './ensemble';

/**
 * The stop rule `stop=settled` is checked only at multiples of this many steps,
 * so where a run stops does not depend on how the worker slices its work: the
 * browser and `npm run sim` stop at the same step, with the same checksum.
 */
export const SETTLE_EVERY = 50;
/** A run has converged when it is this close to its nearest minimum. */
export const CONVERGED = 1e-10;

/** Every run of every ensemble has escaped, diverged, or converged to a minimum. */
export function ensemblesSettled(problem: Problem, ensembles: readonly Ensemble[]): boolean {
  for (const ens of ensembles) {
    for (const r of ens.runs) {
      if (r.escapeStep >= 0 || r.divergedStep >= 0) continue;
      const m = problem.minima[nearestMinimum(problem, r.x)].x;
      let d2 = 0;
      for (let j = 0; j < m.length; j++) d2 += (r.x[j] - m[j]) ** 2;
      if (Math.sqrt(d2) > CONVERGED) return false;
    }
  }
  return true;
}

/**
 * Advance ensembles in lockstep to `steps`, or, with the settled rule, to the
 * first multiple of SETTLE_EVERY at which all have settled.
 */
export function runEnsembles(problem: Problem, ensembles: readonly Ensemble[], steps: number, stop: 'steps' | 'settled'): number {
  let t = 0;
  while (t < steps) {
    const k = stop === 'settled' ? Math.min(SETTLE_EVERY - (t % SETTLE_EVERY), steps - t) : steps - t;
    for (const e of ensembles) e.advance(k);
    t += k;
    if (stop === 'settled' && t % SETTLE_EVERY === 0 && ensemblesSettled(problem, ensembles)) break;
  }
  return t;
}
