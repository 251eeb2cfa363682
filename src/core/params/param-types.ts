import type { ProblemKind } from '../problems/registry';

/** The value kinds a permalink key can hold. */
export type ParamValue = number | string | boolean | number[] | string[];

/** What decoding one raw string gives: a value or a reason it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ParamSpec<T extends ParamValue = ParamValue> {
  key: string;
  /** One line for the README and the banner. */
  doc: string;
  /** The problems this key applies to; absent: all. */
  problems?: readonly ProblemKind[];
  /** The default, possibly per problem. */
  default: T | ((problem: ProblemKind) => T);
  parse(raw: string): Parsed<T>;
  format(value: T): string;
  /** Always written to the link even at its default (readability of `?problem=toy&eta=…`). */
  always?: boolean;
}

export function defaultFor<T extends ParamValue>(spec: ParamSpec<T>, problem: ProblemKind): T {
  const d = spec.default;
  return typeof d === 'function' ? (d as (p: ProblemKind) => T)(problem) : d;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number (no hex, no empty string, no "Infinity"). */
export function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (!NUMBER.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export const show = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

export function numberParam(
  key: string,
  doc: string,
  opts: { min: number; max: number; minExclusive?: boolean; default: number | ((p: ProblemKind) => number); problems?: readonly ProblemKind[]; always?: boolean },
): ParamSpec<number> {
  const what = opts.minExclusive && opts.min === 0 ? 'a positive number' : `a number from ${opts.min} to ${opts.max}`;
  return {
    key,
    doc,
    problems: opts.problems,
    default: opts.default,
    always: opts.always,
    parse(raw) {
      const v = parseNumber(raw);
      if (v === null) return { ok: false, reason: `${key} must be ${what}, got ${show(raw)}` };
      if (opts.minExclusive ? v <= opts.min : v < opts.min) return { ok: false, reason: `${key} must be ${what}, got ${show(raw)}` };
      if (v > opts.max) return { ok: false, reason: `${key} must be at most ${opts.max}, got ${show(raw)}` };
      return { ok: true, value: v };
    },
    format: (v) => String(v),
  };
}

export function intParam(
  key: string,
  doc: string,
  opts: { min: number; max: number; default: number | ((p: ProblemKind) => number); problems?: readonly ProblemKind[]; always?: boolean },
): ParamSpec<number> {
  return {
    key,
    doc,
    problems: opts.problems,
    default: opts.default,
    always: opts.always,
    parse(raw) {
      const v = parseNumber(raw);
      if (v === null || !Number.isInteger(v)) return { ok: false, reason: `${key} must be a whole number from ${opts.min} to ${opts.max}, got ${show(raw)}` };
      if (v < opts.min || v > opts.max) return { ok: false, reason: `${key} must be a whole number from ${opts.min} to ${opts.max}, got ${show(raw)}` };
      return { ok: true, value: v };
    },
    format: (v) => String(v),
  };
}

/** One of a fixed list of words; the value's type is the union of the list's literals. */
export function enumParam<const T extends string>(
  key: string,
  doc: string,
  values: readonly T[],
  opts: { default: T | ((p: ProblemKind) => T); problems?: readonly ProblemKind[]; always?: boolean },
): ParamSpec<T> {
  const member = (v: string): v is T => values.some((x) => x === v);
  return {
    key,
    doc,
    problems: opts.problems,
    default: opts.default,
    always: opts.always,
    parse(raw) {
      const v = raw.trim();
      if (member(v)) return { ok: true, value: v };
      return { ok: false, reason: `${key} must be one of ${values.join(', ')}, got ${show(raw)}` };
    },
    format: (v) => v,
  };
}

export function boolParam(key: string, doc: string, def: boolean): ParamSpec<boolean> {
  return {
    key,
    doc,
    default: def,
    parse(raw) {
      const v = raw.trim();
      if (v === '1' || v === 'true') return { ok: true, value: true };
      if (v === '0' || v === 'false') return { ok: true, value: false };
      return { ok: false, reason: `${key} must be 0 or 1, got ${show(raw)}` };
    },
    format: (v) => (v ? '1' : '0'),
  };
}

export function numberListParam(
  key: string,
  doc: string,
  opts: { min: number; minExclusive?: boolean; max: number; minLength: number; maxLength: number; default: number[] | ((p: ProblemKind) => number[]); problems?: readonly ProblemKind[] },
): ParamSpec<number[]> {
  return {
    key,
    doc,
    problems: opts.problems,
    default: opts.default,
    parse(raw) {
      const parts = raw.split(',');
      if (parts.length < opts.minLength || parts.length > opts.maxLength)
        return { ok: false, reason: `${key} must list ${opts.minLength} to ${opts.maxLength} numbers separated by commas, got ${parts.length}` };
      const out: number[] = [];
      for (const p of parts) {
        const v = parseNumber(p);
        const low = opts.minExclusive ? v !== null && v <= opts.min : v !== null && v < opts.min;
        if (v === null || low || v > opts.max)
          return { ok: false, reason: `${key} must list numbers ${opts.minExclusive ? 'above' : 'from'} ${opts.min}${opts.minExclusive ? '' : ` to ${opts.max}`}, got ${show(p)}` };
        out.push(v);
      }
      return { ok: true, value: out };
    },
    format: (v) => v.map(String).join(','),
  };
}

/** A comma-separated subset of `values` (order canonicalised to the list's order). */
export function subsetParam<const T extends string>(key: string, doc: string, values: readonly T[], def: T[] = []): ParamSpec<T[]> {
  return {
    key,
    doc,
    default: def,
    parse(raw) {
      const parts = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const bad = parts.filter((p) => !values.some((v) => v === p));
      if (bad.length > 0) return { ok: false, reason: `${key} may list only ${values.join(', ')}, got ${show(bad[0])}` };
      return { ok: true, value: values.filter((v) => parts.includes(v)) };
    },
    format: (v) => v.join(','),
  };
}
