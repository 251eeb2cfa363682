/**
 * One render loop for every live view: at most one animation frame is
 * requested however many frames the worker sends, every subscriber draws in
 * that frame, and the time spent drawing is counted (`stats`, read by the
 * browser tests and `npm run bench` to check that a frame's work does not grow
 * with the run's length).
 */
export interface RenderStats {
  frames: number;
  workMs: number;
}

type Draw = () => void;

export class RenderLoop {
  readonly stats: RenderStats = { frames: 0, workMs: 0 };
  private draws = new Set<Draw>();
  private after: Array<() => void> = [];
  private pending = false;

  constructor(
    private readonly raf: (fn: () => void) => void = (fn) => requestAnimationFrame(fn),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Draw on every frame from now on; returns the unsubscribe. */
  add(fn: Draw): () => void {
    this.draws.add(fn);
    return () => this.draws.delete(fn);
  }

  /** Ask for a frame; `then` runs after this frame's drawing (the worker's ack). */
  request(then?: () => void): void {
    if (then) this.after.push(then);
    if (this.pending) return;
    this.pending = true;
    this.raf(() => this.frame());
  }

  private frame(): void {
    this.pending = false;
    const t0 = this.now();
    for (const fn of this.draws) fn();
    this.stats.workMs += this.now() - t0;
    this.stats.frames++;
    const after = this.after;
    this.after = [];
    for (const fn of after) fn();
  }
}
