import { simQuery, useExplorer } from '../state/store';
import { FrameClock } from './frame-clock';
import { RenderLoop } from '../charts/render-loop';
import type { LiveRun } from './live-run';
import { dragSpacing, pageGesture, RunHandle } from './run-handle';
import { onPointerRelease } from '../charts/pointer-held';
import { workerShare } from './sharing';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';

export type { LiveRun } from './live-run';

type Listener = (run: LiveRun | null) => void;

/** The status line and the store's frame counter follow the run at most this often (the views every frame). */
const STATUS_MS = 200;

/**
 * Binds the store to the main run's handle (run-handle.ts): a change of anything
 * that shapes the numbers starts the new run (coalesced by the handle to one start
 * per animation frame, one in flight); frames go into RunBuffers, the views are
 * told once per animation frame, then the frame is acked.
 */
export class SimController {
  private readonly handle: RunHandle;
  private listeners = new Set<Listener>();
  private dirty = false;
  private unsubscribe: () => void;
  private offRelease: () => void;
  /** The animation frame the render loop draws in, which the recorder may take at once (drawNow). */
  private readonly clock = new FrameClock();
  /** The one render loop of the live views (charts subscribe through useChart). */
  readonly loop = new RenderLoop((fn) => this.clock.request(fn));
  private statusAt = -Infinity;
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingStatus: { t: number; stepsPerSecond: number } | null = null;

  constructor(kind: WorkerKind = workerKinds.sim) {
    this.handle = new RunHandle(
      {
        started: (run) => this.onStarted(run),
        frame: (_run, m) => {
          this.followStatus(m.t, m.stepsPerSecond);
          this.notify(true);
        },
        done: (run, summary) => {
          this.pendingStatus = null;
          useExplorer.setState((s) => ({ summary, frame: s.frame + 1, status: { ...s.status, t: run.t, state: 'done' } }));
          this.notify();
        },
        theory: (run) => {
          // A large model's theory, after its first frames: into the store.
          useExplorer.setState({ info: run.info });
          this.notify();
        },
        error: (message) => useExplorer.setState((s) => ({ status: { ...s.status, state: 'error', error: message } })),
        crashed: (reason) => {
          useExplorer.setState((s) => ({ status: { ...s.status, state: 'error', crash: `The simulation worker stopped (${reason}). A fresh worker is ready; the configuration is kept.` } }));
        },
      },
      { kind, role: 'live', nextFrame: (fn) => this.loop.request(fn), spacing: dragSpacing, gesture: pageGesture },
    );
    this.offRelease = onPointerRelease(() => this.handle.release());
    this.unsubscribe = useExplorer.subscribe((s, prev) => {
      if (s.config !== prev.config) {
        this.request();
        if (s.config.speed !== prev.config.speed) this.handle.speed(s.config.speed);
        // The time scrubber moved: the views redraw at the new step in the next frame.
        if (s.config.t !== prev.config.t) this.notify();
        if (s.config.compare.length !== prev.config.compare.length) this.handle.share(workerShare(1 + s.config.compare.length));
      }
      if (s.paused !== prev.paused) {
        if (s.paused) this.handle.pause();
        else this.handle.resume();
        useExplorer.setState((st) => ({ status: { ...st.status, state: st.status.state === 'done' ? 'done' : s.paused ? 'paused' : 'running' } }));
      }
    });
    this.loop.add(() => {
      if (!this.dirty) return;
      this.dirty = false;
      for (const fn of this.listeners) fn(this.handle.run);
    });
    this.request();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    fn(this.handle.run);
    return () => this.listeners.delete(fn);
  }

  get current(): LiveRun | null {
    return this.handle.run;
  }

  /** Starts sent to the worker so far (the drag's coalescing, read by tests and the bench). */
  get starts(): number {
    return this.handle.sent;
  }

  /** Start the same configuration again from the same start (reset, or after a crash). */
  restart(): void {
    this.request(true);
  }

  step(steps = 1): void {
    if (!useExplorer.getState().paused) useExplorer.getState().setPaused(true);
    this.handle.step(steps);
  }

  /**
   * Draw what the views are waiting to draw now, not at the screen's next
   * refresh, and bring the status line up to the run: the recorder's frame
   * (README "Record a clip"). Returns whether a frame of the views was waiting.
   */
  drawNow(): boolean {
    this.flushStatus();
    return this.clock.flush();
  }

  /** The views draw only on drawNow until the returned release (a recording; FrameClock.hold). */
  holdFrames(): () => void {
    return this.clock.hold();
  }

  /** Test hook: make the worker throw mid-run. */
  crash(): void {
    this.handle.crash();
  }

  /** Test hook: kill the worker as if it had died. */
  kill(): void {
    this.handle.kill();
  }

  dispose(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.unsubscribe();
    this.offRelease();
    this.handle.dispose();
    this.listeners.clear();
  }

  private request(force = false): void {
    const s = useExplorer.getState();
    const query = simQuery(s.config);
    if (query === this.handle.query && !force) return;
    this.handle.start(query, { speed: s.config.speed, paused: s.paused, share: workerShare(1 + s.config.compare.length) }, force);
    this.pendingStatus = null;
    // A run that streams keeps its status until the new one has started (one store update per
    // start, not two, while η is dragged); a finished or failed run says "starting" at once, so
    // nothing reads the old run's end as the new one's.
    const streaming = (s.status.state === 'running' || s.status.state === 'paused') && s.summary === null;
    if (!streaming && s.status.state !== 'starting') useExplorer.setState((st) => ({ status: { ...st.status, state: 'starting', t: 0, stepsPerSecond: 0, error: null, crash: null }, summary: null }));
  }

  private onStarted(run: LiveRun): void {
    const paused = useExplorer.getState().paused;
    useExplorer.setState((s) => ({ info: run.info, status: { ...s.status, runId: run.id, state: paused ? 'paused' : 'running' } }));
    this.notify();
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
  private notify(ack = false): void {
    this.dirty = true;
    this.loop.request(ack ? () => this.handle.drawn() : undefined);
  }
}
