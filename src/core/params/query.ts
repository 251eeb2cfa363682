import { PARAM_SPECS, PARAMS, PROBLEMS, type BuiltinProblem, type Config, type ParamKey } from './param-table';
import { defaultFor, show, type ParamSpec, type ParamValue, type Parsed } from './param-types';

/** A key whose value was refused or changed, with what was used instead. */
export interface ParamIssue {
  key: string;
  message: string;
}

export interface Decoded {
  config: Config;
  issues: ParamIssue[];
  /** Keys the table does not know: listed and ignored. */
  unknown: string[];
}

const KEYS = Object.keys(PARAMS) as ParamKey[];
const spec = (k: ParamKey): ParamSpec<ParamValue> => PARAMS[k];
const MAX_VALUE_LENGTH = 200_000;

export function appliesTo(key: ParamKey, problem: BuiltinProblem): boolean {
  const p = spec(key).problems;
  return !p || p.includes(problem);
}

/** The configuration with every key at its default for `problem`. */
export function defaultConfig(problem: BuiltinProblem = 'toy'): Config {
  // Filled key by key below, in the table's order (the order of a printed configuration).
  const out = {} as Config;
  for (const k of KEYS) setDefault(out, k, problem);
  out.problem = problem;
  return out;
}

function setDefault<K extends ParamKey>(config: Config, key: K, problem: BuiltinProblem): void {
  config[key] = defaultFor(PARAM_SPECS[key], problem);
}

/** Copy the given keys' values from one configuration into another. */
export function copyKeys(to: Config, from: Config, keys: readonly ParamKey[]): void {
  for (const k of keys) copyKey(to, from, k);
}

function copyKey<K extends ParamKey>(to: Config, from: Config, key: K): void {
  to[key] = from[key];
}

/** The configuration with one key set from typed text through the table, or why the text was refused. */
export function parseInto(config: Config, key: ParamKey, raw: string): Parsed<Config> {
  const next = { ...config };
  const reason = assignParsed(next, key, raw);
  return reason === null ? { ok: true, value: next } : { ok: false, reason };
}

/** Set one key from text in place; the reason when the text is refused (the key is then unchanged). */
function assignParsed<K extends ParamKey>(config: Config, key: K, raw: string): string | null {
  const r = PARAM_SPECS[key].parse(raw);
  if (!r.ok) return r.reason;
  config[key] = r.value;
  return null;
}

function decodePiece(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Decode a query string through the parameter table. Never throws: every bad
 * key or value becomes a named issue saying what was used instead, the other
 * keys are kept, unknown keys are listed and ignored.
 */
export function decodeQuery(query: string): Decoded {
  const issues: ParamIssue[] = [];
  const unknown: string[] = [];
  const raw = new Map<ParamKey, string>();
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
    if (!Object.prototype.hasOwnProperty.call(PARAMS, key)) {
      unknown.push(key.slice(0, 40));
      continue;
    }
    const k = key as ParamKey;
    if (value === null) {
      issues.push({ key: k, message: `${k} is not valid percent-encoding; ignored` });
      continue;
    }
    if (raw.has(k)) issues.push({ key: k, message: `${k} is given more than once; used the last` });
    raw.set(k, value);
  }

  let problem: BuiltinProblem = 'toy';
  const rp = raw.get('problem');
  if (rp !== undefined) {
    const r = PARAMS.problem.parse(rp);
    if (r.ok) problem = r.value;
    else issues.push({ key: 'problem', message: `${r.reason}; used toy` });
  }

  const config = defaultConfig(problem);
  for (const k of KEYS) {
    if (k === 'problem') continue;
    const value = raw.get(k);
    if (value === undefined) continue;
    const s = spec(k);
    if (!appliesTo(k, problem)) {
      issues.push({ key: k, message: `${k} applies only to ${s.problems!.join(', ')}; ignored for ${problem}` });
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      issues.push({ key: k, message: `${k} is ${value.length} characters long (at most ${MAX_VALUE_LENGTH}); used ${s.format(config[k])}` });
      continue;
    }
    const reason = assignParsed(config, k, value);
    if (reason !== null) issues.push({ key: k, message: `${reason}; used ${show(s.format(config[k]))}` });
  }
  return { config, issues, unknown };
}

/** Characters a query value may keep unescaped and stay readable (RFC 3986 sub-delims). */
function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%5E/g, '^').replace(/%40/g, '@');
}

/**
 * The canonical query string of a configuration: keys in table order; the
 * version, the problem, η, B and the seed always; every other key only when it
 * applies to the problem and differs from its default.
 */
export function encodeQuery(config: Config): string {
  const problem = config.problem;
  const parts: string[] = [];
  for (const k of KEYS) {
    const s = spec(k);
    if (!appliesTo(k, problem)) continue;
    const value = config[k];
    const text = s.format(value);
    if (!s.always && text === s.format(defaultFor(s, problem))) continue;
    parts.push(`${k}=${encodeValue(text)}`);
  }
  return parts.join('&');
}

export { PROBLEMS };
