import type { FromWorker, StartedInfo } from '../../worker/protocol';
import { simQuery, useExplorer } from '../state/store';
import { RenderLoop } from '../charts/render-loop';
import { applyFrame, startedRun, type LiveRun } from './live-run';
import { workerShare } from './sharing';
import { SimClient } from './sim-client';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';

export type { LiveRun } from './live-run';

type Listener = (run: LiveRun | null) => void;

const speedOf = (s: number) => (s > 0 ? s : Infinity);
/** The status line and the store's frame counter follow the run at most this often (the views every frame). */
const STATUS_MS = 200;

/**
 * Binds the store to the worker: a change of anything that shapes the numbers
 * cancels the run and starts the new one (coalesced to one start in flight, so
 * a slider drag never queues work in the worker); frames go into RunBuffers,
 * the views are told once per animation frame, then the frame is acked.
 */
export class SimController {
  private client: SimClient;
  private live: LiveRun | null = null;
  private listeners = new Set<Listener>();
  private query = '';
  private inFlight = false;
  private pendingQuery: string | null = null;
  private ackId: number | null = null;
  private dirty = false;
  private unsubscribe: () => void;
  /** The one render loop of the live views (charts subscribe through useChart). */
  readonly loop = new RenderLoop();
  private statusAt = -Infinity;
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingStatus: { t: number; stepsPerSecond: number } | null = null;

  constructor(kind: WorkerKind = workerKinds.sim) {
    this.client = new SimClient(
      {
        message: (m) => this.onMessage(m),
        crashed: (reason) => {
          this.inFlight = false;
          useExplorer.setState((s) => ({ status: { ...s.status, state: 'error', crash: `The simulation worker stopped (${reason}). A fresh worker is ready; the configuration is kept.` } }));
        },
      },
      kind,
      'live',
    );
    this.unsubscribe = useExplorer.subscribe((s, prev) => {
      if (s.config !== prev.config) {
        const q = simQuery(s.config);
        if (q !== this.query) this.request(q);
        else if (s.config.speed !== prev.config.speed) this.client.speed(speedOf(s.config.speed));
        // The time scrubber moved: the views redraw at the new step in the next frame.
        if (s.config.t !== prev.config.t) this.notify();
        if (s.config.compare.length !== prev.config.compare.length) this.client.share(workerShare(1 + s.config.compare.length));
      }
      if (s.paused !== prev.paused) {
        if (s.paused) this.client.pause();
        else this.client.resume();
        useExplorer.setState((st) => ({ status: { ...st.status, state: st.status.state === 'done' ? 'done' : s.paused ? 'paused' : 'running' } }));
      }
    });
    this.loop.add(() => {
      if (!this.dirty) return;
      this.dirty = false;
      for (const fn of this.listeners) fn(this.live);
    });
    this.request(simQuery(useExplorer.getState().config));
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.live);
    return () => this.listeners.delete(fn);
  }

  get current(): LiveRun | null {
    return this.live;
  }

  /** Start the same configuration again from the same start (reset, or after a crash). */
  restart(): void {
    this.request(simQuery(useExplorer.getState().config), true);
  }

  step(steps = 1): void {
    if (!useExplorer.getState().paused) useExplorer.getState().setPaused(true);
    this.client.step(steps);
  }

  /** Test hook: make the worker throw mid-run. */
  crash(): void {
    this.client.crash();
  }

  /** Test hook: kill the worker as if it had died. */
  kill(): void {
    this.client.replace('killed');
  }

  dispose(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.unsubscribe();
    this.client.dispose();
    this.listeners.clear();
  }

  private request(query: string, force = false): void {
    if (query === this.query && !force && this.inFlight) return;
    this.query = query;
    if (this.inFlight) {
      this.pendingQuery = query;
      return;
    }
    this.send(query);
  }

  private send(query: string): void {
    this.inFlight = true;
    this.pendingQuery = null;
    this.pendingStatus = null;
    const s = useExplorer.getState();
    const id = this.client.start(query, { stepsPerSecond: speedOf(s.config.speed), paused: s.paused, share: workerShare(1 + s.config.compare.length) });
    useExplorer.setState({ status: { runId: id, state: 'starting', t: 0, stepsPerSecond: 0, error: null, crash: null }, summary: null });
  }

  private settle(): void {
    this.inFlight = false;
    if (this.pendingQuery !== null) this.send(this.pendingQuery);
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'started': {
        const { info } = m;
        this.live = startedRun(m.id, info);
        const paused = useExplorer.getState().paused;
        useExplorer.setState((s) => ({ info, status: { ...s.status, state: paused ? 'paused' : 'running' } }));
        this.settle();
        if (this.pendingQuery === null) this.notify();
        return;
      }
      case 'frame': {
        if (!applyFrame(this.live, m)) return;
        this.followStatus(m.t, m.stepsPerSecond);
        this.notify(m.id);
        return;
      }
      case 'done': {
        if (this.live && this.live.id === m.id) {
          this.live.t = m.t;
          this.live.done = true;
        }
        this.pendingStatus = null;
        useExplorer.setState((s) => ({ summary: { sgd: m.sgd, gd: m.gd }, frame: s.frame + 1, status: { ...s.status, t: m.t, state: 'done' } }));
        this.notify();
        return;
      }
      case 'theory': {
        // A large model's theory, after its first frames: into the run and the store.
        const live = this.live;
        if (!live || live.id !== m.id) return;
        const info: StartedInfo = { ...live.info, minima: m.minima, theoryPending: false, ...(m.error ? { theoryError: m.error } : {}) };
        live.info = info;
        useExplorer.setState({ info });
        this.notify();
        return;
      }
      case 'error':
        useExplorer.setState((s) => ({ status: { ...s.status, state: 'error', error: m.message } }));
        this.settle();
        return;
    }
  }

  /**
   * The status line at most every STATUS_MS, the last value always shown (a
   * React render and a layout per streamed frame cost the views their frames).
   */
  private followStatus(t: number, stepsPerSecond: number): void {
    this.pendingStatus = { t, stepsPerSecond };
    const wait = this.statusAt + STATUS_MS - performance.now();
    if (wait <= 0) this.flushStatus();
    else if (!this.statusTimer) this.statusTimer = setTimeout(() => this.flushStatus(), wait);
  }

  private flushStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    const p = this.pendingStatus;
    if (!p) return;
    this.pendingStatus = null;
    this.statusAt = performance.now();
    useExplorer.setState((s) => ({
      frame: s.frame + 1,
      status: { ...s.status, t: p.t, stepsPerSecond: p.stepsPerSecond, state: s.status.state === 'starting' ? 'running' : s.status.state },
    }));
  }

  /** Draw in the next animation frame; ack the worker's frame after it is drawn (at most one in flight). */
  private notify(ackId?: number): void {
    if (ackId !== undefined) this.ackId = ackId;
    this.dirty = true;
    this.loop.request(() => {
      if (this.ackId !== null) this.client.ack(this.ackId);
      this.ackId = null;
    });
  }
}
