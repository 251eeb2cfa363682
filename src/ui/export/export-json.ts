import type { RunsSummary } from '../../core/engine/ensemble';
import { VIEW_KEYS, type Config } from '../../core/params/param-table';
import { copyKeys, encodeQuery } from '../../core/params/query';
import type { SimOutput } from '../../core/simulate';
import { stabilityRectangle } from '../../core/stability-region';
import type { StartedInfo } from '../../worker/protocol';

/**
 * The finished run's summary in the shape `npm run sim` prints, built from what
 * the worker computed (the same core code): the worker ran the configuration
 * without the view keys, so those are taken from the page, and the link is the
 * canonical link of the whole configuration, as the command line gives it.
 */
export function summaryOutput(info: StartedInfo, runs: { sgd: RunsSummary | null; gd: RunsSummary | null }, page: Config): SimOutput {
  const c: Config = { ...info.config };
  copyKeys(c, page, VIEW_KEYS);
  const rect = stabilityRectangle(c.eta, info.problem.n, c.B, c.sampling);
  const { kind, dim, n, notes } = info.problem;
  return {
    config: c,
    permalink: encodeQuery(c),
    problem: { kind, dim, n, notes },
    rectangle: { sharpnessMax: rect.sharpnessMax, nonUniformityMax: Number.isFinite(rect.nonUniformityMax) ? rect.nonUniformityMax : null, c: rect.c },
    minima: info.minima,
    runs,
    issues: info.issues,
    unknown: [],
  };
}
