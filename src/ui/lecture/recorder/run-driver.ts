import type { SimController } from '../../sim/sim-controller';
import { simQuery, useExplorer } from '../../state/store';
import { RecordingError } from './recording-error';

const animationFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const macrotask = () =>
  new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });

/**
 * Drives the page's own live run for a recording, through the controller's
 * public controls only (restart, step, drawNow) and the store's status: the
 * run is restarted paused, then stepped to each frame's step. A frame counts
 * as drawn once the run has reached the step, the views have drawn it (the
 * controller's drawNow: at once, not at the screen's next refresh, so the
 * clip renders as fast as the page draws and encodes, README "Record a clip")
 * and React has had a task to write the status line.
 */
export class RunDriver {
  private query = '';
  private runId = -1;
  /** The run's length: it is done there. */
  private steps = 0;
  private release: (() => void) | null = null;

  constructor(
    private sim: SimController,
    private signal: AbortSignal,
  ) {}

  /** Restart the configuration paused at step 0 and wait until its first frame is drawn. */
  async start(): Promise<void> {
    const s = useExplorer.getState();
    this.query = simQuery(s.config);
    this.steps = s.config.steps;
    if (!s.paused) s.setPaused(true);
    const before = s.status.runId;
    this.sim.restart();
    await this.until(() => {
      const st = useExplorer.getState().status;
      return st.runId !== before && st.state !== 'starting';
    }, 0);
    this.runId = useExplorer.getState().status.runId;
    await this.drawn();
  }

  /** From now on the views draw only when a frame is advanced to (the controller's holdFrames), until stop. */
  hold(): void {
    this.release ??= this.sim.holdFrames();
  }

  /** Give the views their animation frames back. */
  stop(): void {
    this.release?.();
    this.release = null;
  }

  /** Step the run to step `t` (steps are only ever added) and wait until it is drawn. */
  async advanceTo(t: number): Promise<void> {
    const now = this.sim.current?.t ?? 0;
    if (t > now) this.sim.step(t - now);
    // The views draw once, when the run is at t (a paused run's worker sends every slice's frame without
    // waiting for the page). The last step waits for the run's end too: its frame shows the finished
    // run's status (checksum, fingerprint).
    const last = t >= this.steps;
    for (;;) {
      this.check(t);
      const reached = (this.sim.current?.t ?? 0) >= t;
      if (useExplorer.getState().status.state === 'done' || (reached && !last)) break;
      await macrotask();
    }
    this.sim.drawNow();
    await this.settled(t);
  }

  /** React writes the status line and any view it feeds in a task; a view that asked for a frame then draws it. */
  private async settled(t: number): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await macrotask();
      this.check(t);
      if (!this.sim.drawNow()) return;
    }
  }

  private check(t: number): void {
    if (this.signal.aborted) throw new RecordingError('cancelled', 'cancelled');
    const s = useExplorer.getState();
    if (simQuery(s.config) !== this.query) throw new RecordingError('config-changed', 'The configuration changed during the recording');
    if (s.status.state === 'error') throw new RecordingError('run-error', `The run stopped with an error: ${s.status.error ?? s.status.crash ?? 'unknown'}`);
    if (this.runId >= 0 && s.status.runId !== this.runId) throw new RecordingError('played', 'The run was restarted during the recording');
    if (this.runId >= 0 && (!s.paused || s.status.t > t)) throw new RecordingError('played', 'The run was played or stepped during the recording');
  }

  private async until(ready: () => boolean, t: number): Promise<void> {
    for (;;) {
      this.check(t);
      if (ready()) return;
      await animationFrame();
    }
  }

  private async drawn(): Promise<void> {
    await animationFrame();
    await animationFrame();
    await macrotask();
    await animationFrame();
  }
}
