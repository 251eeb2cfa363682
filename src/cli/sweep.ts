/**
 * `--sweep 'eta=0.1:1:20,B=1,2,4,8'`: one result per point of a grid of link
 * values. The syntax (README "npm run sim"):
 *   - `key=v1,v2,…`   the listed values, as a link would write them;
 *   - `key=lo:hi:n`   n values from lo to hi, evenly spaced, both ends included;
 *   - `key=lo:hi:n:log`  the same, log-spaced (lo, hi > 0);
 *   - several keys, comma-separated: a token with `=` starts a key, a token
 *     without one is one more value of the key before it. Points are every
 *     combination, the first key varying slowest.
 * Each point is the base link with the keys set, decoded through the parameter
 * table like any link, so a bad value is named with its point before anything runs.
 */
import { PARAMS, type Config } from '../core/params/param-table';
import { encodeQuery } from '../core/params/query';
import { parseNumber } from '../core/params/param-types';
import * as pm from '../core/portable-math';
import { componentCount } from '../core/problems/component-count';
import { simulateConfig } from '../core/simulate';
import { CliError } from './cli-error';
import { plain, wholeResult, type Job } from './job';
import { decodeStrict, phaseJobOf } from './phase';

export interface SweepAxis {
  key: string;
  /** The values as link text. */
  values: string[];
}

/** At most this many points: a sweep is a product of lists, which grows fast. */
export const MAX_POINTS = 1_000_000;

function rangeValues(key: string, text: string): string[] {
  const parts = text.split(':');
  const bad = (why: string) => new CliError(`--sweep ${key}: ${why}, got ${JSON.stringify(text)} (a range is lo:hi:n or lo:hi:n:log)`);
  if (parts.length < 3 || parts.length > 4 || (parts.length === 4 && parts[3] !== 'log')) throw bad('a range must be lo:hi:n or lo:hi:n:log');
  const lo = parseNumber(parts[0]);
  const hi = parseNumber(parts[1]);
  const n = parseNumber(parts[2]);
  if (lo === null || hi === null) throw bad('lo and hi must be numbers');
  if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_POINTS) throw bad(`n must be a whole number from 1 to ${MAX_POINTS}`);
  const log = parts.length === 4;
  if (log && !(lo > 0 && hi > 0)) throw bad('a log range needs lo > 0 and hi > 0');
  if (n === 1) return [String(lo)];
  // The ends exactly as typed; between them + − × ÷ (and the portable log and exp), so every engine gives the same values.
  return Array.from({ length: n }, (_, i) => {
    if (i === 0) return String(lo);
    if (i === n - 1) return String(hi);
    return String(log ? pm.exp(pm.log(lo) + ((pm.log(hi) - pm.log(lo)) * i) / (n - 1)) : lo + ((hi - lo) * i) / (n - 1));
  });
}

export function parseSweep(text: string): SweepAxis[] {
  const axes: SweepAxis[] = [];
  for (const token of text.split(',')) {
    const eq = token.indexOf('=');
    if (eq >= 0) {
      const key = token.slice(0, eq).trim();
      if (!Object.prototype.hasOwnProperty.call(PARAMS, key)) throw new CliError(`--sweep: unknown key ${JSON.stringify(key)}`);
      if (axes.some((a) => a.key === key)) throw new CliError(`--sweep: ${key} is given twice`);
      axes.push({ key, values: [] });
      const value = token.slice(eq + 1).trim();
      if (value === '') throw new CliError(`--sweep ${key}: an empty value`);
      axes[axes.length - 1].values.push(...(value.includes(':') && /^[-+.\d]/.test(value) ? rangeValues(key, value) : [value]));
    } else {
      const value = token.trim();
      if (axes.length === 0) throw new CliError(`--sweep must start with key=…, got ${JSON.stringify(text)}`);
      if (value === '') throw new CliError(`--sweep ${axes[axes.length - 1].key}: an empty value`);
      axes[axes.length - 1].values.push(value);
    }
  }
  if (axes.length === 0) throw new CliError('--sweep needs at least one key=values');
  const points = axes.reduce((p, a) => p * a.values.length, 1);
  if (points > MAX_POINTS) throw new CliError(`--sweep has ${points} points, more than ${MAX_POINTS}`);
  return axes;
}

/** The values of point p (the first key varying slowest). */
export function pointValues(axes: SweepAxis[], p: number): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = p;
  for (let k = axes.length - 1; k >= 0; k--) {
    const a = axes[k];
    out[a.key] = a.values[rest % a.values.length];
    rest = Math.floor(rest / a.values.length);
  }
  return Object.fromEntries(axes.map((a) => [a.key, out[a.key]]));
}

/** The base link with one point's values set (each replaces the key's value in the link). */
export function pointQuery(base: string, values: Record<string, string>): string {
  const kept = base.split('&').filter((piece) => {
    const key = piece.slice(0, piece.indexOf('=') < 0 ? piece.length : piece.indexOf('='));
    return !(key in values);
  });
  return [...kept, ...Object.entries(values).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)].join('&');
}

const describePoint = (p: number, values: Record<string, string>) => `sweep point ${p} (${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ')})`;

export async function sweepJob(query: string, sweep: string, each: 'phase' | 'sim'): Promise<Job> {
  const base = encodeQuery(await decodeStrict(query));
  const axes = parseSweep(sweep);
  const count = axes.reduce((p, a) => p * a.values.length, 1);
  // Every point is decoded (and its problem prepared) before any runs, so a bad value stops the sweep at once.
  const configs: Array<{ values: Record<string, string>; config: Config; what: string }> = [];
  for (let p = 0; p < count; p++) {
    const values = pointValues(axes, p);
    const what = describePoint(p, values);
    const config = await decodeStrict(pointQuery(base, values), what);
    if (each === 'sim' && config.B > componentCount(config)) throw new CliError(`${what}: B must be at most n = ${componentCount(config)}, got ${config.B}`);
    configs.push({ values, config, what });
  }
  return {
    name: { kind: 'sweep', link: base, sweep, each, units: count },
    unitLabel: 'points',
    compute(p) {
      const { config, what } = configs[p];
      if (each === 'phase') return plain(wholeResult(phaseJobOf(config, what)));
      const out = simulateConfig(config);
      if (out.issues.length > 0) throw new CliError(out.issues.map((i) => `${what}: ${i.message}`).join('\n'));
      return plain(out);
    },
    assemble: (results) => ({
      permalink: base,
      sweep,
      keys: axes.map((a) => a.key),
      points: results.map((result, index) => ({ index, values: configs[index].values, permalink: encodeQuery(configs[index].config), result })),
    }),
  };
}
