/**
 * The messages two windows of the explorer exchange over a BroadcastChannel
 * for the presenter view (README "Two screens"). A message is plain data,
 * read field by field; one of another shape, another protocol or another build
 * (an old tab still open after a new deployment) is ignored, never applied.
 */

/** The protocol's version: a message with another is from another build's protocol and is ignored. */
export const SYNC_PROTOCOL = 1;
const APP = 'sgd-explorer-presenter';

export type Role = 'presenter' | 'projector';

/** What one window shows, enough for the other to show the same run. */
export interface SyncState {
  /** The canonical query of the configuration without the keys each window keeps (lecture, embed): `syncedQuery`. */
  query: string;
  paused: boolean;
  /** The step the run is at, and how many resets it has seen: a paused window behind the other steps forward to it. */
  t: number;
  resets: number;
  note: { title: string; text: string } | null;
  qr: boolean;
}

export type SyncBody =
  | { kind: 'hello'; role: Role }
  | { kind: 'bye'; role: Role }
  | { kind: 'state'; role: Role; state: SyncState }
  | { kind: 'reset'; resets: number }
  /** A window that would become the presenter asks whether one is already there. */
  | { kind: 'claim' }
  | { kind: 'presenter-here'; to: string };

/** On the wire: the body with the app's name, the protocol, the build and the sender's id. */
export type SyncMessage = SyncBody & { app: typeof APP; v: number; build: string; from: string };

export type SyncRead = { ok: true; message: SyncMessage } | { ok: false; why: string };

const MAX_QUERY = 200_000;
const MAX_TEXT = 2_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRole = (v: unknown): v is Role => v === 'presenter' || v === 'projector';
const count = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const shortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

export function wrap(body: SyncBody, build: string, from: string): SyncMessage {
  return { ...body, app: APP, v: SYNC_PROTOCOL, build, from };
}

function readState(v: unknown): SyncState | null {
  if (!isRecord(v)) return null;
  const { query, paused, t, resets, note, qr } = v;
  if (typeof query !== 'string' || query.length > MAX_QUERY) return null;
  if (typeof paused !== 'boolean' || typeof qr !== 'boolean') return null;
  if (!count(t, Number.MAX_SAFE_INTEGER) || !count(resets, Number.MAX_SAFE_INTEGER)) return null;
  if (note !== null && !(isRecord(note) && shortText(note.title) && shortText(note.text))) return null;
  return { query, paused, t, resets, note: note === null ? null : { title: note.title as string, text: note.text as string }, qr };
}

/** One message from the channel, checked against `build` (this page's build) and the shapes above. */
export function readSyncMessage(data: unknown, build: string): SyncRead {
  if (!isRecord(data)) return { ok: false, why: 'not an object' };
  if (data.app !== APP) return { ok: false, why: 'not a presenter-view message' };
  if (data.v !== SYNC_PROTOCOL) return { ok: false, why: `protocol ${String(data.v)}, this page speaks ${SYNC_PROTOCOL}` };
  if (data.build !== build) return { ok: false, why: 'from another build of the explorer (reload both windows)' };
  const from = data.from;
  if (typeof from !== 'string' || from.length === 0 || from.length > 100) return { ok: false, why: 'no sender id' };
  const head = { app: APP, v: SYNC_PROTOCOL, build, from } as const;
  switch (data.kind) {
    case 'hello':
    case 'bye':
      return isRole(data.role) ? { ok: true, message: { ...head, kind: data.kind, role: data.role } } : { ok: false, why: `a '${data.kind}' needs a role` };
    case 'state': {
      const state = readState(data.state);
      if (!isRole(data.role) || !state) return { ok: false, why: "a 'state' of the wrong shape" };
      return { ok: true, message: { ...head, kind: 'state', role: data.role, state } };
    }
    case 'reset':
      return count(data.resets, Number.MAX_SAFE_INTEGER) ? { ok: true, message: { ...head, kind: 'reset', resets: data.resets } } : { ok: false, why: "a 'reset' needs its count" };
    case 'claim':
      return { ok: true, message: { ...head, kind: 'claim' } };
    case 'presenter-here':
      return typeof data.to === 'string' ? { ok: true, message: { ...head, kind: 'presenter-here', to: data.to } } : { ok: false, why: "a 'presenter-here' needs to" };
    default:
      return { ok: false, why: `unknown kind ${JSON.stringify(String(data.kind).slice(0, 40))}` };
  }
}
