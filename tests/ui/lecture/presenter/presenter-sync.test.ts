import { describe, expect, it, vi } from 'vitest';
import { startSync, type SyncChannel, type SyncPage } from '../../../../src/ui/lecture/presenter/presenter-sync';
import { wrap, type Role } from '../../../../src/ui/lecture/presenter/sync-messages';
import { syncedQuery } from '../../../../src/ui/lecture/presenter/sync-query';
import { createExplorerStore } from '../../../../src/ui/state/store';

const BUILD = 'index-test.js';

/** BroadcastChannel's delivery: to every other member, asynchronously, as a structured clone. */
function bus() {
  const members = new Set<FakeChannel>();
  const sent: unknown[] = [];
  class FakeChannel implements SyncChannel {
    private fns = new Set<(e: MessageEvent) => void>();
    constructor() {
      members.add(this);
    }
    postMessage(m: unknown) {
      sent.push(m);
      for (const o of members) if (o !== this) setTimeout(() => o.fns.forEach((f) => f({ data: structuredClone(m) } as MessageEvent)), 0);
    }
    addEventListener(_: 'message', fn: (e: MessageEvent) => void) {
      this.fns.add(fn);
    }
    removeEventListener(_: 'message', fn: (e: MessageEvent) => void) {
      this.fns.delete(fn);
    }
    close() {
      members.delete(this);
    }
  }
  return { channel: () => new FakeChannel(), sent };
}

/** A window: its own store, a run that a step moves on and a reset takes back to 0, and a QR flag. */
function windowOf(query: string) {
  const store = createExplorerStore();
  store.getState().loadQuery(query);
  store.setState((s) => ({ status: { ...s.status, state: 'paused', t: 0 } }));
  let qr = false;
  const qrFns = new Set<() => void>();
  const calls = { steps: 0, resets: 0 };
  const stepFn = (n: number) => {
    calls.steps += 1;
    store.setState((s) => ({ paused: true, status: { ...s.status, t: s.status.t + n } }));
  };
  let resetFn = () => {
    calls.resets += 1;
    store.setState((s) => ({ status: { ...s.status, t: 0 } }));
  };
  const page: SyncPage = {
    get: () => store.getState(),
    subscribe: (fn) => store.subscribe(fn),
    step: (n) => stepFn(n),
    reset: () => resetFn(),
    intercept(on) {
      const r0 = resetFn;
      resetFn = () => {
        r0();
        on.reset();
      };
      return () => {
        resetFn = r0;
      };
    },
    qr: () => qr,
    setQr: (open) => {
      qr = open;
      qrFns.forEach((f) => f());
    },
    subscribeQr: (fn) => {
      qrFns.add(fn);
      return () => qrFns.delete(fn);
    },
    nextFrame: (fn) => setTimeout(fn, 16),
  };
  return { store, page, calls };
}

/** Long enough for a few messages back and forth, each a task and a frame (16 ms here). */
const settle = () => new Promise((r) => setTimeout(r, 100));
const Q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=40';

function pair(presenterQuery = Q, projectorQuery = `${Q}&lecture=1`) {
  const b = bus();
  const a = windowOf(presenterQuery);
  const p = windowOf(projectorQuery);
  const ignored: string[] = [];
  const events = (present: { v: boolean }) => ({ peer: (x: boolean) => (present.v = x), ignored: (why: string) => ignored.push(why) });
  const peers = { a: { v: false }, p: { v: false } };
  const start = (w: typeof a, role: Role, id: string, ev: ReturnType<typeof events>) => startSync(role, b.channel(), w.page, BUILD, id, ev);
  return { b, a, p, ignored, peers, startA: () => start(a, 'presenter', 'a', events(peers.a)), startP: () => start(p, 'projector', 'p', events(peers.p)) };
}

describe('startSync: two windows of the explorer kept in step', () => {
  it('opening the projector gives it the presenter\'s configuration and pause, and changes nothing on the presenter', async () => {
    const w = pair(`${Q.replace('eta=0.7', 'eta=0.9')}`);
    w.a.store.getState().setPaused(true);
    w.p.store.getState().setPaused(false);
    w.startA();
    w.startP();
    await settle();
    await vi.waitFor(() => expect(w.p.store.getState().config.eta).toBe(0.9));
    expect(w.p.store.getState().paused).toBe(true);
    expect(w.a.store.getState().paused).toBe(true);
    expect(w.a.store.getState().config.eta).toBe(0.9);
    // each keeps its own lecture mode
    expect(w.p.store.getState().config.lecture).toBe(true);
    expect(w.a.store.getState().config.lecture).toBe(false);
    expect(w.peers.a.v && w.peers.p.v).toBe(true);
  });

  it('η set on either side reaches the other, and the windows do not echo each other', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await settle();
    w.a.store.getState().setConfig({ eta: 0.55 });
    await vi.waitFor(() => expect(w.p.store.getState().config.eta).toBe(0.55));
    w.p.store.getState().setConfig({ B: 2 });
    await settle();
    expect(w.a.store.getState().config.B).toBe(2);
    const before = w.b.sent.length;
    await settle();
    await settle();
    expect(w.b.sent.length).toBe(before);
    expect(syncedQuery(w.a.store.getState().config)).toBe(syncedQuery(w.p.store.getState().config));
  });

  it('a preset applied in the projector shows with its note on the presenter', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await settle();
    w.p.store.getState().loadQuery('problem=toy&eta=1.2&B=1&seed=3&lecture=1', { push: true, note: { title: 'Past the edge', text: 'watch it escape' } });
    await settle();
    expect(w.a.store.getState().config.eta).toBe(1.2);
    expect(w.a.store.getState().config.seed).toBe(3);
    expect(w.a.store.getState().note).toEqual({ title: 'Past the edge', text: 'watch it escape' });
  });

  it('a step and a reset on one side are made once on the other; a paused window behind the other steps forward to it', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await settle();
    w.a.page.step(5);
    await settle();
    expect(w.p.store.getState().status.t).toBe(5);
    expect(w.p.calls.steps).toBe(1);
    w.p.page.reset();
    await settle();
    expect(w.a.store.getState().status.t).toBe(0);
    expect(w.a.calls.resets).toBe(1);
    // the projector alone moves on (say, it stepped before the channel was open): the presenter catches up
    w.p.store.setState((s) => ({ status: { ...s.status, t: 9 } }));
    await settle();
    expect(w.a.store.getState().status.t).toBe(9);
    await settle();
    expect(w.p.store.getState().status.t).toBe(9);
  });

  it('states that come faster than frames are applied once per frame, the latest only', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await vi.waitFor(() => expect(w.peers.p.v).toBe(true));
    await settle();
    const loads: number[] = [];
    w.p.store.subscribe((s, prev) => {
      if (s.config !== prev.config) loads.push(s.config.eta);
    });
    // five changes within one task: five messages reach the projector before its next frame
    for (const eta of [0.71, 0.72, 0.73, 0.74, 0.75]) w.a.store.getState().setConfig({ eta });
    await vi.waitFor(() => expect(w.p.store.getState().config.eta).toBe(0.75));
    await settle();
    expect(loads).toEqual([0.75]);
  });

  it('the QR overlay opened on one side opens on the other', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await settle();
    w.a.page.setQr(true);
    await vi.waitFor(() => expect(w.p.page.qr()).toBe(true));
  });

  it('a stray message, one from an older build, or one of the wrong shape is ignored and nothing changes', async () => {
    const w = pair();
    w.startA();
    w.startP();
    await settle();
    const stranger = w.b.channel();
    stranger.postMessage({ kind: 'state', state: 'eta=9' });
    stranger.postMessage(wrap({ kind: 'state', role: 'presenter', state: { query: 'problem=toy&eta=3', paused: false, t: 0, resets: 0, note: null, qr: true } }, 'index-old.js', 'z'));
    stranger.postMessage({ ...wrap({ kind: 'reset', resets: 1 }, BUILD, 'z'), resets: -1 });
    await settle();
    // each window ignored all three
    expect(w.ignored.length).toBe(6);
    expect(w.a.store.getState().config.eta).toBe(0.7);
    expect(w.p.store.getState().config.eta).toBe(0.7);
    expect(w.p.calls.steps + w.a.calls.steps + w.p.calls.resets + w.a.calls.resets).toBe(0);
  });

  it('closing one window tells the other, which goes on alone; a claim is answered only by the presenter', async () => {
    const w = pair();
    const stopA = w.startA();
    const stopP = w.startP();
    await settle();
    const claimer = w.b.channel();
    const answers: unknown[] = [];
    claimer.addEventListener('message', (e) => answers.push(e.data));
    claimer.postMessage(wrap({ kind: 'claim' }, BUILD, 'c'));
    await settle();
    expect(answers.filter((m) => (m as { kind: string }).kind === 'presenter-here')).toHaveLength(1);
    stopP();
    await settle();
    expect(w.peers.a.v).toBe(false);
    w.a.store.getState().setConfig({ eta: 0.6 });
    expect(w.a.store.getState().config.eta).toBe(0.6);
    stopA();
  });
});
