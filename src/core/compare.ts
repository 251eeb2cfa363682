/**
 * Comparisons as whole configurations: each entry of `compare` applied to the
 * main configuration. Each runs as its own ensemble from the same starts: run r
 * draws from the stream (seed, r) as the main configuration's run r does,
 * unless the entry overrides seed.
 */
import { COMPARE_KEYS, formatEntryWith, parseEntryWith, type RawOverrides } from './params/compare-param';
import { batchLimit } from './params/batch-limit';
import { PARAM_SPECS, type Config } from './params/param-table';
import { show } from './params/param-types';
import { problemDef, problemsUsing } from './problems/registry';
import { weightsWithoutRefusal } from './params/weights-sampling';

export { COMPARE_KEYS, MAX_COMPARE } from './params/compare-param';

/** The labels of the main configuration (A) and its comparisons (B, C, D). */
export const CONFIG_LABELS = ['A', 'B', 'C', 'D'] as const;

const SPECS = () => PARAM_SPECS;

/** The overrides of an entry (empty for text the table would refuse). */
export function overridesOf(entry: string): RawOverrides {
  const r = parseEntryWith(SPECS(), entry);
  return r.ok ? r.value : {};
}

/** A comparison's whole configuration: the main one with the entry's overrides, and no comparisons of its own. */
export function comparisonConfig(main: Config, entry: string): Config {
  const c: Config = { ...main, compare: [] };
  const o = overridesOf(entry);
  for (const k of COMPARE_KEYS) {
    const v = o[k];
    if (v !== undefined) setKey(c, k, v);
  }
  return c;
}

function setKey<K extends (typeof COMPARE_KEYS)[number]>(c: Config, k: K, raw: unknown): void {
  // The value came from PARAM_SPECS[k].parse, so it has Config[k]'s type.
  c[k] = raw as Config[K];
}

/**
 * Why a comparison cannot run on the main configuration's problem (B above n,
 * a key the problem does not read, weights p without replacement at B < n), or null. `n` is the problem's component count.
 */
export function comparisonIssue(main: Config, entry: string, n: number): string | null {
  const o = overridesOf(entry);
  const B = o.B;
  const overB = typeof B === 'number' ? batchLimit(B, n) : null;
  if (overB) return `compare ${show(entry)}: ${overB}`;
  if (o.noise !== undefined && !problemsUsing('noise').includes(main.problem)) return `compare ${show(entry)}: noise applies only to ${problemsUsing('noise').join(', ')}`;
  // Left out rather than quietly run with replacement, which would make it the main run under another name.
  const weighted = 'p' in problemDef(main.problem).keys && main.p.length === n;
  const unweighable = weightsWithoutRefusal({ v: main.v, sampling: o.sampling === undefined ? main.sampling : (o.sampling as Config['sampling']), B: typeof B === 'number' ? B : main.B }, n, weighted);
  if (unweighable) return `compare ${show(entry)}: ${unweighable}`;
  return null;
}

/**
 * The entry that keeps a configuration as it is while the main one moves:
 * every key a comparison may override that applies to its problem.
 */
export function pinEntry(config: Config): string {
  const o: RawOverrides = {};
  for (const k of COMPARE_KEYS) {
    if (k === 'noise' && !problemsUsing('noise').includes(config.problem)) continue;
    o[k] = config[k];
  }
  return formatEntryWith(SPECS(), o);
}

/**
 * Swap comparison i with the main configuration. Every entry is written out in
 * full (pinEntry), so each configuration stays what it was.
 */
export function swapWithMain(main: Config, i: number): Config {
  const entries = main.compare;
  if (i < 0 || i >= entries.length) return main;
  const configs = entries.map((e) => comparisonConfig(main, e));
  const next = { ...configs[i] };
  next.compare = entries.map((_, j) => (j === i ? pinEntry(main) : pinEntry(configs[j])));
  // Keys a comparison cannot override (problem, view keys) are the main one's.
  return next;
}
