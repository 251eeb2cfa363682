import { batchAxis, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { Config } from '../../core/params/param-table';
import { generatorOf } from '../../core/rng';
import { componentCount } from '../../core/problems/component-count';
import { simQuery } from '../state/store';

/**
 * The phase grid a configuration asks for: `grid` η values log-spaced from
 * etamin to etamax × up to `grid` batch sizes 1..n, `cellruns` runs of `steps`
 * steps per cell from the start minimum (its ε and R, its sampling and seed).
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

/** The problem's query without η and B: the grid does not depend on them, so moving them keeps it. */
export function problemQueryOf(config: Config): string {
  return simQuery({ ...config, eta: 1, B: 1 });
}
