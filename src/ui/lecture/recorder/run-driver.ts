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
 * public controls only (restart, step) and the store's status: the run is
 * restarted paused, then stepped to each frame's step, and a frame counts as
 * drawn once the views have had two animation frames and React a task after
 * the status reached that step.
 */
export class RunDriver {
  private query = '';
  private runId = -1;

  constructor(
    private sim: SimController,
    private signal: AbortSignal,
  ) {}

  /** Restart the configuration paused at step 0 and wait until its first frame is drawn. */
  async start(): Promise<void> {
    const s = useExplorer.getState();
    this.query = simQuery(s.config);
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

  /** Step the run to step `t` (steps are only ever added) and wait until it is drawn. */
  async advanceTo(t: number): Promise<void> {
    const now = useExplorer.getState().status.t;
    if (t > now) this.sim.step(t - now);
    await this.until(() => {
      const st = useExplorer.getState().status;
      return st.t >= t || st.state === 'done';
    }, t);
    await this.drawn();
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
