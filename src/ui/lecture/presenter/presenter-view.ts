import type { SimController } from '../../sim/sim-controller';
import { useExplorer } from '../../state/store';
import { fullLink } from '../full-link';
import { BUILD_ID } from './build-id';
import { pageAdapter } from './presenter-adapter';
import { startSync } from './presenter-sync';
import { PROJECTOR_WINDOW, usePresenterUi } from './presenter-ui';
import { readSyncMessage, wrap, type Role } from './sync-messages';

/** How long a window that would be the presenter waits for one already there to answer. */
const CLAIM_MS = 300;

/** One channel per deployment: the origin scopes BroadcastChannel, the path keeps two copies under one origin apart. */
export const channelName = () => `sgd-explorer-presenter ${new URL('.', location.href).pathname}`;

// A window's name on the channel only, never a number of a run (runs draw from their seeded streams).
const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

interface Session {
  role: Role;
  id: string;
  channel: BroadcastChannel;
  stop: () => void;
  watch: ReturnType<typeof setInterval> | null;
}

let session: Session | null = null;
let projector: Window | null = null;

/** Start this window's part in the presenter view. */
export function startRole(role: Role, sim: SimController, comparisons: { restart(): void } | null): void {
  if (session) return;
  const id = newId();
  const channel = new BroadcastChannel(channelName());
  const ui = usePresenterUi.getState();
  const stop = startSync(role, channel, pageAdapter(sim, comparisons), BUILD_ID, id, {
    peer: (present) => usePresenterUi.getState().set({ peer: present }),
    ignored: () => usePresenterUi.setState((s) => ({ ignored: s.ignored + 1 })),
  });
  // The presenter also watches its own handle on the projector window: a closed window says no goodbye if it crashed.
  const watch = role === 'presenter' ? setInterval(() => projector?.closed && usePresenterUi.getState().set({ peer: false }), 1000) : null;
  session = { role, id, channel, stop, watch };
  ui.set({ role, since: role === 'presenter' ? Date.now() : null, message: null });
  addEventListener('pagehide', endRole);
}

/** Leave the presenter view: the other window is told and goes on alone. */
export function endRole(): void {
  if (!session) return;
  removeEventListener('pagehide', endRole);
  session.stop();
  if (session.watch) clearInterval(session.watch);
  session.channel.close();
  session = null;
  usePresenterUi.getState().set({ role: null, since: null, peer: false });
}

/** Open (or bring back) the projector window: this configuration in lecture mode. */
function openProjector(): void {
  const link = fullLink({ ...useExplorer.getState().config, lecture: true });
  if (projector && !projector.closed) {
    projector.focus();
    return;
  }
  projector = window.open(link, PROJECTOR_WINDOW);
  if (!projector) usePresenterUi.getState().set({ message: 'The browser blocked the projector window. Allow pop-ups for this page, then press Presenter view (V) again.' });
}

/** Whether another window already is the presenter view: it answers a claim within CLAIM_MS. */
function presenterElsewhere(): Promise<boolean> {
  return new Promise((resolve) => {
    const id = newId();
    const ch = new BroadcastChannel(channelName());
    const done = (found: boolean) => {
      clearTimeout(timer);
      ch.close();
      resolve(found);
    };
    ch.onmessage = (e) => {
      const r = readSyncMessage(e.data, BUILD_ID);
      if (r.ok && r.message.kind === 'presenter-here' && r.message.to === id) done(true);
    };
    const timer = setTimeout(() => done(false), CLAIM_MS);
    ch.postMessage(wrap({ kind: 'claim' }, BUILD_ID, id));
  });
}

/**
 * The header's Presenter view (and V): this window becomes the presenter and
 * opens the projector window. Refused with a message in the projector window,
 * and where another window already is the presenter view on this channel.
 */
export async function openPresenterView(sim: SimController, comparisons: { restart(): void } | null): Promise<void> {
  const ui = usePresenterUi.getState();
  if (ui.role === 'projector') {
    ui.set({ message: 'This window is the projector. The presenter view is the window that opened it; press V there.' });
    return;
  }
  if (ui.role === 'presenter') {
    openProjector();
    return;
  }
  // The window opens after the claim's wait, still within the click's or key's user activation (about 5 s in Chromium), so no pop-up blocker fires.
  if (await presenterElsewhere()) {
    ui.set({ message: 'Another window is already the presenter view for this explorer. Use that one, or close it and press Presenter view (V) here.' });
    return;
  }
  startRole('presenter', sim, comparisons);
  openProjector();
}

/** F: the projector window full screen (or back). */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else
    void document.documentElement.requestFullscreen().catch((e: unknown) => {
      usePresenterUi.getState().set({ message: `Full screen was refused by the browser (${e instanceof Error ? e.message : String(e)}).` });
    });
}
