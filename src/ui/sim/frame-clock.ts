/**
 * The live views' animation frame, with a way to take the waiting frame at
 * once. The page draws in requestAnimationFrame; the recorder renders a clip
 * frame by frame from the run (README "Record a clip") and need not wait for
 * the screen's next refresh to have each frame drawn: it runs the frame the
 * views asked for as soon as the run has reached its step.
 */
export class FrameClock {
  private waiting: Array<() => void> = [];
  private id: number | null = null;
  private held = false;

  constructor(
    private readonly raf: (fn: () => void) => number = (fn) => requestAnimationFrame(() => fn()),
    private readonly cancel: (id: number) => void = (id) => cancelAnimationFrame(id),
  ) {}

  /** Run `fn` in the next animation frame, or earlier through `flush`. */
  readonly request = (fn: () => void): void => {
    this.waiting.push(fn);
    if (this.id === null && !this.held) this.id = this.raf(() => this.flush());
  };

  /**
   * Until the returned release, frames run only through `flush`, not at the
   * screen's refresh: a recording draws each frame once, when the run is at
   * its step, so how the worker's messages fell between refreshes cannot
   * change a picture (a canvas line drawn in two pieces is not the same
   * pixels as drawn in one).
   */
  hold(): () => void {
    this.held = true;
    if (this.id !== null) this.cancel(this.id);
    this.id = null;
    return () => {
      this.held = false;
      if (this.waiting.length > 0 && this.id === null) this.id = this.raf(() => this.flush());
    };
  }

  /** Whether a frame is waiting. */
  get pending(): boolean {
    return this.waiting.length > 0;
  }

  /** Run the waiting frame now (the animation frame it asked for is given back); false when none was waiting. */
  flush(): boolean {
    if (this.id !== null) this.cancel(this.id);
    this.id = null;
    const fns = this.waiting;
    this.waiting = [];
    for (const fn of fns) fn();
    return fns.length > 0;
  }
}
