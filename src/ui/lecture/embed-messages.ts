/**
 * The postMessage API of an embedded explorer (`embed=1`), checked by shape
 * only: a message is plain data, read field by field; nothing in it is
 * evaluated. Anything else gets a named error and changes nothing.
 */

/** What a host page may send. */
export type EmbedRequest =
  | { type: 'set'; query: string }
  | { type: 'preset'; id: number | string }
  | { type: 'play' | 'pause' | 'reset' }
  | { type: 'step'; steps: number };

/** What the explorer sends to its host page. */
export type EmbedReply =
  | { type: 'ready'; permalink: string }
  | { type: 'state'; permalink: string; status: EmbedStatus }
  | { type: 'done'; summary: EmbedSummary }
  | { type: 'error'; message: string; errors: Array<{ key: string; message: string }> }
  | { type: 'key'; key: string };

export interface EmbedStatus {
  state: string;
  runId: number;
  t: number;
  steps: number;
  error: string | null;
}

export interface EmbedRuns {
  runs: number;
  escaped: number;
  diverged: number;
  checksum: string;
  /** The whole run's fingerprint (README "Checksum and fingerprint"). */
  fingerprint: string;
}

export interface EmbedSummary {
  permalink: string;
  checksum: string | null;
  fingerprint: string | null;
  sgd: EmbedRuns | null;
  gd: EmbedRuns | null;
}

export type Read = { ok: true; request: EmbedRequest } | { ok: false; message: string };

const MAX_QUERY = 200_000;
const MAX_STEPS = 1_000_000;
const FIELDS: Record<string, readonly string[]> = {
  set: ['type', 'query'],
  preset: ['type', 'id'],
  play: ['type'],
  pause: ['type'],
  reset: ['type'],
  step: ['type', 'steps'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** One incoming message checked against the API's shapes. */
export function readRequest(data: unknown): Read {
  if (!isRecord(data)) return { ok: false, message: `a message must be an object such as {type:'play'}, got ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}` };
  const type = data.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, type))
    return { ok: false, message: `message type must be one of ${Object.keys(FIELDS).join(', ')}, got ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}` };
  const extra = Object.keys(data).filter((k) => !FIELDS[type].includes(k));
  if (extra.length > 0) return { ok: false, message: `a '${type}' message has no field ${JSON.stringify(extra[0].slice(0, 40))}` };
  switch (type) {
    case 'set': {
      const q = data.query;
      if (typeof q !== 'string') return { ok: false, message: `'set' needs query, a string of permalink keys such as "eta=0.5&B=2", got ${typeof q}` };
      if (q.length > MAX_QUERY) return { ok: false, message: `'set' query is ${q.length} characters long (at most ${MAX_QUERY})` };
      return { ok: true, request: { type, query: q } };
    }
    case 'preset': {
      const id = data.id;
      if (typeof id === 'number' && Number.isInteger(id)) return { ok: true, request: { type, id } };
      if (typeof id === 'string' && id.length > 0 && id.length <= 200) return { ok: true, request: { type, id } };
      return { ok: false, message: `'preset' needs id, the preset's number (1 = the first in the menu) or its title, got ${typeof id}` };
    }
    case 'step': {
      const steps = data.steps ?? 1;
      if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS)
        return { ok: false, message: `'step' takes steps, a whole number from 1 to ${MAX_STEPS}, got ${JSON.stringify(steps)}` };
      return { ok: true, request: { type, steps } };
    }
    default:
      return { ok: true, request: { type: type as 'play' | 'pause' | 'reset' } };
  }
}
