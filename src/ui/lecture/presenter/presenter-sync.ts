import type { ExplorerState } from '../../state/store';
import type { Role, SyncBody, SyncMessage, SyncState } from './sync-messages';
import { readSyncMessage, wrap } from './sync-messages';
import { syncedQuery, withOwnKeys } from './sync-query';

/**
 * What the sync needs of the page, and nothing more: the store's state, its
 * public actions and subscribe, and the live run's step and reset. The page
 * builds this adapter (`presenter-adapter.ts`), so the sync does not depend
 * on how the store or the run controller are laid out inside.
 */
export interface SyncPage {
  get(): Pick<ExplorerState, 'config' | 'paused' | 'note' | 'status' | 'loadQuery' | 'setPaused'>;
  subscribe(fn: () => void): () => void;
  /** The run's step and reset, as the page's keys and buttons call them; `intercept` reports each reset made on this page. */
  step(steps: number): void;
  reset(): void;
  intercept(on: { reset(): void }): () => void;
  qr(): boolean;
  setQr(open: boolean): void;
  subscribeQr(fn: () => void): () => void;
  /** Run `fn` when the page next draws (the next animation frame; at once-ish where frames are paused). */
  nextFrame(fn: () => void): void;
}

export interface SyncChannel {
  postMessage(m: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  close(): void;
}

/** A state's identity for "did anything change": the step counts only while paused (a playing run moves on its own). */
const keyOf = (state: SyncState) => JSON.stringify({ ...state, t: state.paused ? state.t : -1 });

export interface SyncEvents {
  /** The other window said hello, answered, or said goodbye. */
  peer(present: boolean): void;
  /** A message was ignored (stray or from another build). */
  ignored(why: string): void;
}

/**
 * Keeps this window and the other one in step over `channel`: the shared
 * configuration (η, B, presets, comparisons, the time scrubber), play and
 * pause, the QR overlay and the preset's note go as a whole state whenever
 * one changes; a reset goes as a command. Applying what came from the other
 * side is not sent back (it equals what it sent). A step pauses, and while
 * both are paused the one behind steps forward to the other's step, so a step
 * (→) on either side is made once on both and both show the same run at the
 * same step. States that arrive faster than frames are drawn (a drag on a
 * busy machine) are applied once per frame, the latest only, so a slow
 * window never falls further and further behind. A projector waits for the first state it is sent before
 * sending its own, so opening it never changes the presenter.
 */
export function startSync(role: Role, channel: SyncChannel, page: SyncPage, build: string, id: string, events: SyncEvents): () => void {
  let resets = 0;
  let synced = role === 'presenter';
  let applying = false;
  let lastSent = '';
  /** The step this window last stepped forward to for the other (so a repeated state does not step twice). */
  let caughtUpTo = -1;
  const post = (body: SyncBody) => channel.postMessage(wrap(body, build, id));

  const stateOf = (): SyncState => {
    const s = page.get();
    return { query: syncedQuery(s.config), paused: s.paused, t: s.status.t, resets, note: s.note, qr: page.qr() };
  };
  const sendState = (force = false) => {
    if (!synced || applying) return;
    const state = stateOf();
    const key = keyOf(state);
    if (!force && key === lastSent) return;
    lastSent = key;
    post({ kind: 'state', role, state });
  };

  const apply = (remote: SyncState) => {
    applying = true;
    // Counts only grow: a state sent before the other side saw our last reset carries a smaller one.
    if (remote.resets > resets) {
      resets = remote.resets;
      caughtUpTo = -1;
    }
    try {
      const s = page.get();
      if (syncedQuery(s.config) !== remote.query) caughtUpTo = -1;
      if (syncedQuery(s.config) !== remote.query || JSON.stringify(s.note) !== JSON.stringify(remote.note)) {
        s.loadQuery(withOwnKeys(remote.query, s.config), { note: remote.note ?? undefined });
      }
      if (page.get().paused !== remote.paused) page.get().setPaused(remote.paused);
      if (page.qr() !== remote.qr) page.setQr(remote.qr);
      const now = page.get();
      // Behind the other window on the same run: step forward to its step.
      if (remote.paused && remote.resets === resets && syncedQuery(now.config) === remote.query && now.status.state !== 'starting' && now.status.state !== 'done' && remote.t > Math.max(now.status.t, caughtUpTo)) {
        page.step(remote.t - now.status.t);
        caughtUpTo = remote.t;
      }
    } finally {
      applying = false;
    }
    // Answer only if this window now shows something else (say, a later step): equal states are not echoed.
    lastSent = keyOf(remote);
    sendState();
  };

  // The latest state from the other side not yet applied, applied at the next frame.
  let pending: SyncState | null = null;
  let stopped = false;
  const flush = () => {
    const st = pending;
    pending = null;
    if (st && !stopped) apply(st);
  };

  const onMessage = (e: MessageEvent) => {
    const r = readSyncMessage(e.data, build);
    if (!r.ok) {
      events.ignored(r.why);
      return;
    }
    const m: SyncMessage = r.message;
    if (m.from === id) return;
    switch (m.kind) {
      case 'hello':
        events.peer(true);
        if (synced) sendState(true);
        break;
      case 'bye':
        events.peer(false);
        break;
      case 'state':
        events.peer(true);
        synced = true;
        if (pending === null) page.nextFrame(flush);
        pending = m.state;
        break;
      case 'reset':
        // What the other side showed before its reset comes first.
        flush();
        resets = Math.max(resets, m.resets);
        caughtUpTo = -1;
        applying = true;
        try {
          page.reset();
        } finally {
          applying = false;
        }
        break;
      case 'claim':
        if (role === 'presenter') post({ kind: 'presenter-here', to: m.from });
        break;
      default:
        break;
    }
  };

  const stopIntercept = page.intercept({
    reset() {
      if (applying || !synced) return;
      resets += 1;
      caughtUpTo = -1;
      post({ kind: 'reset', resets });
    },
  });
  channel.addEventListener('message', onMessage);
  const stopStore = page.subscribe(() => sendState());
  const stopQr = page.subscribeQr(() => sendState());
  post({ kind: 'hello', role });
  // Stopping (the window closing, or the view ending) tells the other side it is alone.
  return () => {
    stopped = true;
    post({ kind: 'bye', role });
    stopStore();
    stopQr();
    stopIntercept();
    channel.removeEventListener('message', onMessage);
  };
}
