/**
 * The `compare` key: up to three alternative configurations, each a list of
 * `key:value` overrides of the main one (`compare=B:16;eta:0.5`). The values are
 * checked by the parameter table's own rows, which the table hands in lazily
 * (it defines them in the same object literal as this row).
 */
import { show, type ParamSpec, type Parsed, type ParamValue } from './param-types';

/** The keys a comparison may override, in the order a canonical entry lists them. */
export const COMPARE_KEYS = ['eta', 'B', 'sampling', 'seed', 'runs', 'steps', 'noise', 'opt'] as const;
export type CompareKey = (typeof COMPARE_KEYS)[number];

/** At most this many comparisons beside the main configuration. */
export const MAX_COMPARE = 3;

const isCompareKey = (k: string): k is CompareKey => COMPARE_KEYS.some((c) => c === k);

/** The rows that parse and print the overridable keys. */
export type CompareSpecs = Record<CompareKey, ParamSpec<ParamValue>>;

/** One entry's overrides: each key's value as the table parsed it. */
export type RawOverrides = Partial<Record<CompareKey, ParamValue>>;

/**
 * Split an entry at its commas into `key:value` pieces; a piece without a colon
 * continues the previous value (opt's own comma: `opt:gd,sgd`).
 */
function pieces(raw: string): string[] {
  const out: string[] = [];
  for (const p of raw.split(',')) {
    if (!p.includes(':') && out.length > 0) out[out.length - 1] += `,${p}`;
    else out.push(p);
  }
  return out;
}

/** Parse one entry into its overrides, or why it was refused (naming the key). */
export function parseEntryWith(specs: CompareSpecs, raw: string): Parsed<RawOverrides> {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'compare has an empty comparison' };
  const out: RawOverrides = {};
  for (const piece of pieces(text)) {
    const colon = piece.indexOf(':');
    if (colon < 0) return { ok: false, reason: `compare: each override is key:value, got ${show(piece)}` };
    const key = piece.slice(0, colon).trim();
    if (!isCompareKey(key)) return { ok: false, reason: `compare may override only ${COMPARE_KEYS.join(', ')}, got ${show(key)}` };
    if (key in out) return { ok: false, reason: `compare overrides ${key} twice in ${show(text)}` };
    const r = specs[key].parse(piece.slice(colon + 1));
    if (!r.ok) return { ok: false, reason: `compare: ${r.reason}` };
    out[key] = r.value;
  }
  return { ok: true, value: out };
}

/** The canonical text of an entry: keys in COMPARE_KEYS order, values as the table prints them. */
export function formatEntryWith(specs: CompareSpecs, o: RawOverrides): string {
  const parts: string[] = [];
  for (const k of COMPARE_KEYS) {
    const v = o[k];
    if (v !== undefined) parts.push(`${k}:${specs[k].format(v)}`);
  }
  return parts.join(',');
}

/** The `compare` row: entries separated by ';', each canonical, at most three, no two alike. */
export function compareParam(specs: () => CompareSpecs): ParamSpec<string[]> {
  return {
    key: 'compare',
    doc: `up to ${MAX_COMPARE} comparisons separated by ';', each a comma-separated list of key:value overrides of ${COMPARE_KEYS.join(', ')} (e.g. B:16;eta:0.5); each runs from the same starts`,
    default: [],
    parse(raw) {
      if (raw.trim() === '') return { ok: true, value: [] };
      const entries = raw.split(';');
      if (entries.length > MAX_COMPARE) return { ok: false, reason: `compare holds at most ${MAX_COMPARE} comparisons, got ${entries.length}` };
      const out: string[] = [];
      for (const e of entries) {
        const r = parseEntryWith(specs(), e);
        if (!r.ok) return r;
        const canonical = formatEntryWith(specs(), r.value);
        if (out.includes(canonical)) return { ok: false, reason: `compare lists the comparison ${show(canonical)} twice` };
        out.push(canonical);
      }
      return { ok: true, value: out };
    },
    format: (v) => v.join(';'),
  };
}
