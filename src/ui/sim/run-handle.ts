import type { RunsSummary } from '../../core/engine/ensemble';
import type { SwitchInfo } from '../../core/engine/switch-protocol';
import type { FromWorker, Landscape, StartedInfo, StartedWire } from '../../worker/protocol';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';
import { gestureHeld, onPointerRelease } from '../charts/pointer-held';
import { applyFrame, startedRun, type LiveRun } from './live-run';
import { SimClient } from './sim-client';

/** While a pointer is held (a slider, the corner, the point), at most this many restarts a second. */
export const DRAG_RESTARTS_PER_SECOND = 10;

/** The spacing of starts the page's live runs use: one per frame, or a tenth of a second while a pointer is held. */
export const dragSpacing = (): number => (gestureHeld() ? 1000 / DRAG_RESTARTS_PER_SECOND : 0);

/**
 * While a gesture is held, a run takes this part of its share of a core. It lives a
 * tenth of a second (DRAG_RESTARTS_PER_SECOND) and is seen for its first steps, while
 * the page draws the drag on a core it shares with the compositor and raster threads:
 * a worker computing flat out on a two-core machine kept the page's frames at two
 * vsyncs (README "Performance"). The share comes back when the gesture is let go.
 */
export const HELD_SHARE = 0.4;

/** A gesture as the page knows it: a pointer or a repeating key held (charts/pointer-held.ts). */
export interface Gesture {
  held(): boolean;
  /** Call fn when the gesture is let go; returns the unsubscribe. */
  onRelease(fn: () => void): () => void;
}

export const pageGesture: Gesture = { held: gestureHeld, onRelease: onPointerRelease };

/** Steps per second as the worker takes them: the link's 0 is as fast as it goes. */
export const speedOf = (s: number) => (s > 0 ? s : Infinity);

/** How the next start runs: its speed, whether it starts paused, its share of a core. */
export interface RunControls {
  speed: number;
  paused: boolean;
  share: number;
}

export type FrameMessage = Extract<FromWorker, { type: 'frame' }>;

/** What a run's owner hears; each is optional (the companion wants no buffers' news). */
export interface RunEvents {
  /** The worker built the run; `retuned` when it kept the previous run's problem. */
  started?(run: LiveRun, retuned: boolean): void;
  frame?(run: LiveRun, m: FrameMessage): void;
  done?(run: LiveRun, summary: { sgd: RunsSummary | null; gd: RunsSummary | null }, switchInfo: SwitchInfo | null): void;
  /** A large model's theory arrived (run.info was replaced). */
  theory?(run: LiveRun): void;
  error?(message: string): void;
  /** The worker died; a fresh one is ready and nothing of the old run is kept. */
  crashed?(reason: string): void;
}

export interface RunHandleOptions {
  kind?: WorkerKind;
  /** Names the worker among the simulation workers (live, compare, companion) for the test hooks. */
  role: string;
  /** A companion run: no theory of the minima, the alignment of run 0 streamed. */
  lean?: boolean;
  /** Run fn at the next animation frame (starts are coalesced to one per frame). */
  nextFrame?: (fn: () => void) => void;
  /**
   * The least time between two starts just now, in ms (0: one per frame). The page asks
   * for more while a pointer is held: a run restarted every frame of a drag lives 16 ms,
   * too short to see, and each restart costs the page a frame's work.
   */
  spacing?: () => number;
  /** While this gesture is held, starts ask for HELD_SHARE of their share of a core (none: always the whole share). */
  gesture?: Gesture;
}

function sameIssues(a: StartedInfo['issues'], b: StartedInfo['issues']): boolean {
  return a.length === b.length && a.every((x, i) => x.key === b[i].key && x.message === b[i].message);
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Without an animation frame for this long, the next start may go anyway. */
const FRAME_FALLBACK_MS = 100;

const defaultNextFrame = (fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : setTimeout(fn, 16));

/**
 * One live run on a simulation worker — the main configuration's, a comparison's
 * or the Wu–Wang–Su companion's: one message switch, one way to start, pause,
 * step, set the speed and the share, and one ack after a frame is drawn.
 *
 * Starts are coalesced: at most one is sent per animation frame and at most one is
 * in flight; a start asked for meanwhile replaces the pending one, never queues
 * (a slider drag sends the value under the hand, not every value it passed).
 * When the new run keeps the problem (only η, B, seed … changed; the worker's run
 * cache), the worker leaves the landscape out and the run keeps the one held here.
 */
export class RunHandle {
  private readonly client: SimClient;
  private live: LiveRun | null = null;
  /** The query last asked for (running, in flight or pending). */
  private wanted = '';
  private inFlight = false;
  private pending: { query: string; controls: RunControls } | null = null;
  private sentThisFrame = false;
  private lastSentAt = -Infinity;
  private spacingTimer: ReturnType<typeof setTimeout> | null = null;
  /** Gives the run started during a gesture its whole share back when the gesture ends. */
  private restoreShare: (() => void) | null = null;
  private ackId: number | null = null;
  /** The problem whose landscape is held, so a retuned run need not carry it again. */
  private held: { key: string; landscape: Landscape; problem: StartedInfo['problem'] } | null = null;
  private readonly nextFrame: (fn: () => void) => void;
  /** Starts sent to the worker (tests count them). */
  sent = 0;

  constructor(
    private readonly events: RunEvents,
    private readonly options: RunHandleOptions,
  ) {
    this.nextFrame = options.nextFrame ?? defaultNextFrame;
    this.client = new SimClient(
      {
        message: (m) => this.onMessage(m),
        crashed: (reason) => {
          this.inFlight = false;
          this.pending = null;
          this.wanted = '';
          this.held = null;
          this.ackId = null;
          this.events.crashed?.(reason);
        },
      },
      options.kind ?? workerKinds.sim,
      options.role,
    );
  }

  /** The run the views draw (null before the first start is built). */
  get run(): LiveRun | null {
    return this.live;
  }

  /** The query of the run asked for last ('' after a crash). */
  get query(): string {
    return this.wanted;
  }

  /**
   * Run `query`: nothing when it is the run already asked for (unless `force`, as
   * Reset wants); otherwise the start is sent now, or at the next frame, or after
   * the start in flight is built — whichever comes last, with the newest query.
   */
  start(query: string, controls: RunControls, force = false): void {
    if (query === this.wanted && !force) return;
    this.wanted = query;
    this.pending = { query, controls };
    this.flush();
  }

  private flush(): void {
    if (!this.pending || this.inFlight) return;
    if (this.sentThisFrame) return; // the frame's callback flushes it
    const wait = this.lastSentAt + (this.options.spacing?.() ?? 0) - now();
    if (wait > 0) {
      this.spacingTimer ??= setTimeout(() => {
        this.spacingTimer = null;
        this.flush();
      }, wait);
      return;
    }
    const { query, controls } = this.pending;
    this.pending = null;
    this.inFlight = true;
    this.sentThisFrame = true;
    // The next frame, or a moment later where there are no frames (a hidden tab, a
    // presenter's second window behind another): a start is never held back for long.
    let opened = false;
    const open = () => {
      if (opened) return;
      opened = true;
      this.sentThisFrame = false;
      this.flush();
    };
    this.nextFrame(open);
    setTimeout(open, FRAME_FALLBACK_MS);
    this.sent++;
    this.lastSentAt = now();
    const held = this.options.gesture?.held() ?? false;
    this.restoreShare?.();
    this.restoreShare = null;
    if (held) {
      const off = this.options.gesture!.onRelease(() => {
        off();
        if (this.restoreShare !== off) return;
        this.restoreShare = null;
        this.client.share(controls.share);
      });
      this.restoreShare = off;
    }
    this.client.start(query, {
      stepsPerSecond: speedOf(controls.speed),
      paused: controls.paused,
      share: held ? controls.share * HELD_SHARE : controls.share,
      ...(this.options.lean ? { lean: true } : {}),
      ...(this.held ? { knownProblem: this.held.key } : {}),
    });
  }

  /** Send a start held back by the spacing now (the pointer was let go). */
  release(): void {
    if (this.spacingTimer !== null) clearTimeout(this.spacingTimer);
    this.spacingTimer = null;
    this.lastSentAt = -Infinity;
    this.flush();
  }

  pause(): void {
    this.client.pause();
  }

  resume(): void {
    this.client.resume();
  }

  step(steps = 1): void {
    this.client.step(steps);
  }

  speed(speed: number): void {
    this.client.speed(speedOf(speed));
  }

  share(share: number): void {
    // A share set now is the run's whole share: a gesture's end does not set another.
    this.restoreShare?.();
    this.restoreShare = null;
    this.client.share(share);
  }

  /** Stop the run: the worker posts nothing more of it, a pending start is dropped, and the next start is sent whatever its query. */
  cancel(): void {
    this.pending = null;
    this.inFlight = false;
    this.wanted = '';
    this.ackId = null;
    this.client.cancel();
  }

  /** The last frame was drawn: the worker may send the next. */
  drawn(): void {
    if (this.ackId !== null) this.client.ack(this.ackId);
    this.ackId = null;
  }

  /** Test hook: make the worker throw mid-run. */
  crash(): void {
    this.client.crash();
  }

  /** Test hook: kill the worker as if it had died. */
  kill(reason = 'killed'): void {
    this.client.replace(reason);
  }

  dispose(): void {
    if (this.spacingTimer !== null) clearTimeout(this.spacingTimer);
    this.restoreShare?.();
    this.client.dispose();
  }

  /** The wire's info made whole: a left-out landscape is the held one. */
  private infoOf(wire: StartedWire): { info: StartedInfo; retuned: boolean } {
    const held = this.held && this.held.key === wire.problemKey ? this.held : null;
    const landscape: Landscape = wire.landscape ?? held?.landscape ?? { kind: 'none' };
    // The same problem keeps the same objects, so what draws only the problem need not redraw.
    const problem = held ? held.problem : wire.problem;
    this.held = { key: wire.problemKey, landscape, problem };
    // Unchanged repairs keep their array, so the banner that shows them is not rendered again.
    const before = this.live?.info.issues;
    const issues = before && sameIssues(before, wire.issues) ? before : wire.issues;
    return { info: { ...wire, landscape, problem, issues }, retuned: held !== null };
  }

  private settle(): void {
    this.inFlight = false;
    this.flush();
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'started': {
        const { info, retuned } = this.infoOf(m.info);
        this.live = startedRun(m.id, info);
        this.settle();
        this.events.started?.(this.live, retuned);
        return;
      }
      case 'frame': {
        if (!applyFrame(this.live, m)) return;
        this.ackId = m.id;
        this.events.frame?.(this.live!, m);
        return;
      }
      case 'done': {
        const run = this.live;
        if (!run || run.id !== m.id) return;
        run.t = m.t;
        run.done = true;
        this.events.done?.(run, { sgd: m.sgd, gd: m.gd }, m.switch ?? null);
        return;
      }
      case 'theory': {
        const run = this.live;
        if (!run || run.id !== m.id) return;
        run.info = { ...run.info, minima: m.minima, theoryPending: false, ...(m.error ? { theoryError: m.error } : {}) };
        this.events.theory?.(run);
        return;
      }
      case 'error':
        this.settle();
        this.events.error?.(m.message);
        return;
    }
  }
}
