import type { Config } from '../params/param-table';
import { componentCount } from '../problems/component-count';
import { generatorOf } from '../rng';
import { batchAxis, type PhaseGridSpec } from './phase-grid';

/**
 * The phase grid a configuration asks for: `grid` η values log-spaced from
 * etamin to etamax × up to `grid` batch sizes 1..n, `cellruns` runs of `steps`
 * steps per cell from the start minimum (its ε and R, its sampling and seed).
 * The page's phase view and `npm run sim -- --phase` both take their grid from
 * here, so the same link gives the same cells in both.
 */
export function phaseGridOf(config: Config): PhaseGridSpec {
  const lo = Math.min(config.etamin, config.etamax);
  const hi = Math.max(config.etamin, config.etamax);
  return {
    etaMin: lo,
    etaMax: hi,
    etaCount: config.grid,
    batches: batchAxis(componentCount(config), config.grid),
    runs: config.cellruns,
    steps: config.steps,
    sampling: config.sampling,
    seed: config.seed,
    rng: generatorOf(config.v),
    start: config.start,
    radius: config.radius,
    escape: config.escape,
  };
}
