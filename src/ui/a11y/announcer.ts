/**
 * When a live description is spoken (README "Accessibility", WCAG 4.1.3): a polite live region that changed on
 * every frame of a drag or a run would be cut off before it was ever read out. So a
 * new text is announced at most once every `gapMs` (2 s), the latest one winning,
 * and at once when the caller marks it urgent (describe-diagram.ts isUrgent: a
 * threshold crossed, the first escape, the end of a run). The clock and the timer are passed
 * in, so the rule is tested without a page (tests/ui/a11y/announcer.test.ts).
 */
export interface AnnouncerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const ANNOUNCE_GAP_MS = 2000;

export class Announcer {
  private lastAt = -Infinity;
  private lastText: string | null = null;
  private pending: string | null = null;
  private timer: unknown = null;

  constructor(
    private readonly speak: (text: string) => void,
    private readonly clock: AnnouncerClock = { now: () => performance.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    private readonly gapMs = ANNOUNCE_GAP_MS,
  ) {}

  /** Offer the current description; `urgent` says it is spoken now, whatever the pause. */
  offer(text: string, urgent = false): void {
    if (text === this.lastText && this.pending === null) return;
    const now = this.clock.now();
    if (urgent || now - this.lastAt >= this.gapMs) {
      this.flush(text, now);
      return;
    }
    this.pending = text;
    if (this.timer === null) this.timer = this.clock.setTimeout(() => this.firePending(), this.lastAt + this.gapMs - now);
  }

  /** Forget any text waiting for its turn (the view is going away). */
  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private firePending(): void {
    this.timer = null;
    const p = this.pending;
    if (p !== null) this.flush(p, this.clock.now());
  }

  private flush(text: string, now: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.lastAt = now;
    if (text === this.lastText) return;
    this.lastText = text;
    this.speak(text);
  }
}
