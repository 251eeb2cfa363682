import type { BuiltinProblem } from '../../core/params/param-table';
import type { ParamIssue } from '../../core/params/query';
import { LINK, LINK_PARAMS, type LinkConfig, type LinkKey } from '../state/link-params';
import { componentCount } from '../../core/problems/component-count';
import { batchLimit } from '../../core/params/batch-limit';

export type SetResult = { ok: true; query: string } | { ok: false; errors: ParamIssue[] };

/** Keys that belong to the page holding the frame: a message cannot widen its own allow-list. */
const FIXED = ['embed', 'embedorigin'];

const keyOf = (piece: string): string | null => {
  const eq = piece.indexOf('=');
  try {
    return decodeURIComponent(eq < 0 ? piece : piece.slice(0, eq));
  } catch {
    return null;
  }
};

/**
 * A `set` message's keys on top of the current configuration, decoded by the
 * same table as a link (decodeQuery). Keys the message names are replaced; the
 * others keep their values, except that a new problem drops the old problem's
 * own keys, as the problem menu does. All or nothing: any refused key, unknown
 * key or B > n returns every message and changes nothing.
 */
export function mergeSet(config: LinkConfig, query: string): SetResult {
  const pieces = query.replace(/^\?/, '').split('&').filter((p) => p !== '');
  const errors: ParamIssue[] = [];
  const named = new Set<string>();
  for (const p of pieces) {
    const k = keyOf(p);
    if (k === null) errors.push({ key: p.slice(0, 40), message: `${JSON.stringify(p.slice(0, 40))} is not valid percent-encoding` });
    else if (FIXED.includes(k)) errors.push({ key: k, message: `${k} cannot be set by a message; it belongs to the link of the page that embeds the explorer` });
    else named.add(k);
  }
  if (errors.length > 0) return { ok: false, errors };
  const next = LINK.decode(pieces.join('&'));
  const problem: BuiltinProblem = named.has('problem') ? next.config.problem : config.problem;
  const base = LINK.encode(config)
    .split('&')
    .filter((p) => {
      const k = keyOf(p) ?? '';
      return !named.has(k) && (k === 'problem' || !Object.prototype.hasOwnProperty.call(LINK_PARAMS, k) || LINK.appliesTo(k as LinkKey, problem));
    });
  const merged = [...base, ...pieces].join('&');
  const decoded = LINK.decode(merged);
  errors.push(...decoded.issues, ...decoded.unknown.map((u) => ({ key: u, message: `${u} is not a permalink key` })));
  const overB = batchLimit(decoded.config.B, componentCount(decoded.config));
  if (overB) errors.push({ key: 'B', message: overB });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, query: merged };
}
