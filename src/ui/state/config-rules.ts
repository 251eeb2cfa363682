import { OTHER_WORK_KEYS, type Config } from '../../core/params/param-table';
import { copyKeys, defaultConfig, encodeQuery, type ParamIssue } from '../../core/params/query';
import { LINK, VIEW_KEYS, type LinkConfig, type LinkKey } from './link-params';
import { comparisonIssue } from '../../core/compare';
import { componentCount } from '../../core/problems/component-count';
import { batchLimit } from '../../core/params/batch-limit';
import { weightsWithoutRefusal } from '../../core/params/weights-sampling';
import { problemDef } from '../../core/problems/registry';

/** What the current link (or the worker, after building the problem) repaired. */
export interface LinkReport {
  issues: ParamIssue[];
  unknown: string[];
}

/** The run specification's query, without the other computations' keys: what decides the live run's numbers. */
export function simQuery(config: Config): string {
  let q = simQueries.get(config);
  if (q === undefined) {
    const c: Config = { ...config, compare: [] };
    copyKeys(c, defaultConfig(config.problem), OTHER_WORK_KEYS);
    // The run's codec writes the run specification's keys only: the view's are not in it.
    q = encodeQuery(c);
    simQueries.set(config, q);
  }
  return q;
}

/**
 * A configuration in the store is never changed in place, so each is encoded once
 * however many subscribers ask (the controller, the comparisons, the recorder).
 */
const simQueries = new WeakMap<Config, string>();

/** Keys kept when the problem changes; the per-problem ones take the new problem's defaults. */
export const SHARED_KEYS: LinkKey[] = ['eta', 'B', 'sampling', 'opt', 'seed', 'runs', 'steps', 'radius', 'hist', 'stop', ...OTHER_WORK_KEYS, ...VIEW_KEYS];

/** Cross-field checks the table cannot make alone: B ≤ n, for the main configuration and each comparison; weights p without replacement; t ≤ steps. */
export function clampBatch(config: LinkConfig, issues: ParamIssue[]): LinkConfig {
  const n = componentCount(config);
  let out = config;
  const overB = batchLimit(config.B, n);
  if (overB) {
    issues.push({ key: 'B', message: `${overB}; used ${n}` });
    out = { ...out, B: n };
  }
  // Weights p refused without replacement at B < n (from v=3), as the worker's build does, so the page's
  // batch factor and rectangle are those of the runs. p counts only with one weight per component (else the build ignores it).
  const weighted = 'p' in problemDef(out.problem).keys && out.p.length === n;
  const unweighable = weightsWithoutRefusal(out, n, weighted);
  if (unweighable) {
    issues.push({ key: 'sampling', message: `${unweighable}; used sampling=with` });
    out = { ...out, sampling: 'with' };
  }
  if (out.compare.length > 0) {
    const kept = out.compare.filter((e) => {
      const issue = comparisonIssue(out, e, n);
      if (issue) issues.push({ key: 'compare', message: `${issue}; left out` });
      return !issue;
    });
    if (kept.length !== out.compare.length) out = { ...out, compare: kept };
  }
  if (out.t > out.steps) {
    issues.push({ key: 't', message: `t must be at most steps = ${out.steps}, got ${out.t}; following the run` });
    out = { ...out, t: -1 };
  }
  return out;
}

/** A link decoded through the table, then the cross-field checks: the configuration and what was repaired. */
export function decodeLink(query: string): { config: LinkConfig; link: LinkReport } {
  const decoded = LINK.decode(query);
  const issues = [...decoded.issues];
  const config = clampBatch(decoded.config, issues);
  return { config, link: { issues, unknown: decoded.unknown } };
}

