import { PARAMS, PROBLEMS, type BuiltinProblem, type Config, type ParamKey } from './param-table';
import { defaultFor, show, type ParamSpec, type ParamValue, type Parsed } from './param-types';

/** A key whose value was refused or changed, with what was used instead. */
export interface ParamIssue {
  key: string;
  message: string;
}

export interface Decoded<C = Config> {
  config: C;
  issues: ParamIssue[];
  /** Keys the table does not know: listed and ignored. */
  unknown: string[];
}

/** A table of link keys: the run specification's (PARAMS), or that and the page's view keys. */
export type ParamTable = Record<string, ParamSpec<ParamValue>>;
/** The values of a table's keys. */
export type ValuesOf<T extends ParamTable> = { [K in keyof T]: T[K] extends ParamSpec<infer V> ? V : never };

const MAX_VALUE_LENGTH = 200_000;

/**
 * Decoding, encoding and defaults for one table of keys. The core has the run
 * specification's (the functions below); the page composes its view keys beside
 * them (src/ui/state/link-params.ts) and gets the same functions for the whole link.
 */
export interface LinkCodec<C> {
  readonly keys: ReadonlyArray<keyof C & string>;
  appliesTo(key: keyof C & string, problem: BuiltinProblem): boolean;
  /** The configuration with every key at its default for `problem`. */
  defaults(problem?: BuiltinProblem): C;
  /** The configuration with one key set from typed text through the table, or why the text was refused. */
  parseInto(config: C, key: keyof C & string, raw: string): Parsed<C>;
  /**
   * Decode a query string through the table. Never throws: every bad key or value
   * becomes a named issue saying what was used instead, the other keys are kept,
   * unknown keys are listed and ignored.
   */
  decode(query: string): Decoded<C>;
  /**
   * The canonical query string: keys in table order; the version, the problem, η, B
   * and the seed always; every other key only when it applies to the problem and
   * differs from its default.
   */
  encode(config: C): string;
}

function decodePiece(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Characters a query value may keep unescaped and stay readable (RFC 3986 sub-delims). */
function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%5E/g, '^').replace(/%40/g, '@');
}

export function linkCodec<T extends ParamTable>(table: T): LinkCodec<ValuesOf<T>> {
  type C = ValuesOf<T>;
  type K = keyof C & string;
  const keys = Object.keys(table) as K[];
  // Values cross this untyped record: each came from its own spec's parse or default.
  const rec = (c: C) => c as unknown as Record<string, ParamValue>;
  const spec = (k: string): ParamSpec<ParamValue> => table[k];
  const applies = (key: string, problem: BuiltinProblem) => {
    const p = spec(key).problems;
    return !p || p.includes(problem);
  };
  const defaults = (problem: BuiltinProblem = 'toy'): C => {
    // Filled key by key, in the table's order (the order of a printed configuration).
    const out: Record<string, ParamValue> = {};
    for (const k of keys) out[k] = defaultFor(spec(k), problem);
    out.problem = problem;
    return out as unknown as C;
  };
  /** Set one key from text in place; the reason when the text is refused (the key is then unchanged). */
  const assign = (config: C, key: string, raw: string): string | null => {
    const r = spec(key).parse(raw);
    if (!r.ok) return r.reason;
    rec(config)[key] = r.value;
    return null;
  };
  return {
    keys,
    appliesTo: applies,
    defaults,
    parseInto(config, key, raw) {
      const next = { ...config };
      const reason = assign(next, key, raw);
      return reason === null ? { ok: true, value: next } : { ok: false, reason };
    },
    decode(query) {
      const issues: ParamIssue[] = [];
      const unknown: string[] = [];
      const raw = new Map<string, string>();
      const text = query.startsWith('?') ? query.slice(1) : query;
      for (const piece of text.split('&')) {
        if (piece === '') continue;
        const eq = piece.indexOf('=');
        const rawKey = eq < 0 ? piece : piece.slice(0, eq);
        const key = decodePiece(rawKey);
        const value = decodePiece(eq < 0 ? '' : piece.slice(eq + 1));
        if (key === null) {
          unknown.push(rawKey.slice(0, 40));
          continue;
        }
        if (!Object.prototype.hasOwnProperty.call(table, key)) {
          unknown.push(key.slice(0, 40));
          continue;
        }
        if (value === null) {
          issues.push({ key, message: `${key} is not valid percent-encoding; ignored` });
          continue;
        }
        if (raw.has(key)) issues.push({ key, message: `${key} is given more than once; used the last` });
        raw.set(key, value);
      }

      let problem: BuiltinProblem = 'toy';
      const rp = raw.get('problem');
      if (rp !== undefined) {
        const r = PARAMS.problem.parse(rp);
        if (r.ok) problem = r.value;
        else issues.push({ key: 'problem', message: `${r.reason}; used toy` });
      }

      const config = defaults(problem);
      for (const k of keys) {
        if (k === 'problem') continue;
        const value = raw.get(k);
        if (value === undefined) continue;
        const s = spec(k);
        if (!applies(k, problem)) {
          issues.push({ key: k, message: `${k} applies only to ${s.problems!.join(', ')}; ignored for ${problem}` });
          continue;
        }
        if (value.length > MAX_VALUE_LENGTH) {
          issues.push({ key: k, message: `${k} is ${value.length} characters long (at most ${MAX_VALUE_LENGTH}); used ${s.format(rec(config)[k])}` });
          continue;
        }
        const reason = assign(config, k, value);
        if (reason !== null) issues.push({ key: k, message: `${reason}; used ${show(s.format(rec(config)[k]))}` });
      }
      return { config, issues, unknown };
    },
    encode(config) {
      const problem = rec(config).problem as BuiltinProblem;
      const parts: string[] = [];
      for (const k of keys) {
        const s = spec(k);
        if (!applies(k, problem)) continue;
        const text = s.format(rec(config)[k]);
        if (!s.always && text === s.format(defaultFor(s, problem))) continue;
        parts.push(`${k}=${encodeValue(text)}`);
      }
      return parts.join('&');
    },
  };
}

/** The run specification's codec: every key that shapes a computation (`npm run sim` reads these). */
const RUN = linkCodec(PARAMS);

export function appliesTo(key: ParamKey, problem: BuiltinProblem): boolean {
  return RUN.appliesTo(key, problem);
}

/** The configuration with every key at its default for `problem`. */
export function defaultConfig(problem: BuiltinProblem = 'toy'): Config {
  return RUN.defaults(problem);
}

/** Copy the given keys' values from one configuration into another. */
export function copyKeys<C extends object>(to: C, from: C, keys: ReadonlyArray<keyof C>): void {
  for (const k of keys) to[k] = from[k];
}

/** The configuration with one key set from typed text through the table, or why the text was refused. */
export function parseInto(config: Config, key: ParamKey, raw: string): Parsed<Config> {
  return RUN.parseInto(config, key, raw);
}

/** Decode a query string through the run specification's table (see LinkCodec.decode). */
export function decodeQuery(query: string): Decoded {
  return RUN.decode(query);
}

/** The canonical query string of a run specification (see LinkCodec.encode). */
export function encodeQuery(config: Config): string {
  return RUN.encode(config);
}

export { PROBLEMS };
