import type { RunsSummary } from '../../core/engine/ensemble';
import type { Config } from '../../core/params/param-table';
import { copyKeys, encodeQuery } from '../../core/params/query';
import type { ComparisonOutput, SimOutput } from '../../core/simulate';
import { stabilityRectangle } from '../../core/stability-region';
import type { StartedInfo } from '../../worker/protocol';

/**
 * The finished run's summary in the shape `npm run sim` prints, built from what
 * the worker computed (the same core code): the worker ran the run specification
 * without the comparisons and the other computations' keys, so those are taken from
 * the page; the link is the run specification's, as the command line prints it.
 */
export function summaryOutput(info: StartedInfo, runs: { sgd: RunsSummary | null; gd: RunsSummary | null }, page: Config): SimOutput {
  const c: Config = { ...info.config };
  // The comparisons run in workers of their own: the main worker ran without them.
  copyKeys(c, page, ['compare', 'grid', 'cellruns', 'etamin', 'etamax', 'selruns', 'around', 'selradius']);
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

/** What a comparison's export needs: its entry, whole configuration, started run and summary. */
export interface ComparisonDone {
  entry: string;
  config: Config;
  run: { info: StartedInfo } | null;
  summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null;
}

/**
 * The comparisons in `npm run sim`'s `compare` shape, from what their workers
 * computed; null while one of them has not finished.
 */
export function comparisonOutputs(runs: readonly ComparisonDone[]): ComparisonOutput[] | null {
  const out: ComparisonOutput[] = [];
  for (const r of runs) {
    if (!r.run || !r.summary) return null;
    const c = r.config;
    const rect = stabilityRectangle(c.eta, r.run.info.problem.n, c.B, c.sampling);
    out.push({
      overrides: r.entry,
      permalink: encodeQuery(c),
      rectangle: { sharpnessMax: rect.sharpnessMax, nonUniformityMax: Number.isFinite(rect.nonUniformityMax) ? rect.nonUniformityMax : null, c: rect.c },
      minima: r.run.info.minima,
      runs: r.summary,
    });
  }
  return out;
}
