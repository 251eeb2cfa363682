import { describe, expect, it } from 'vitest';
import { FrameClock } from '../../../src/ui/sim/frame-clock';

/** A clock on a hand-driven animation frame: `tick()` is the screen's next refresh. */
function handClock() {
  let next: (() => void) | null = null;
  let asked = 0;
  let cancelled = 0;
  const clock = new FrameClock(
    (fn) => {
      asked++;
      next = fn;
      return asked;
    },
    () => {
      cancelled++;
      next = null;
    },
  );
  const tick = () => {
    const fn = next;
    next = null;
    fn?.();
  };
  return { clock, tick, asked: () => asked, cancelled: () => cancelled };
}

describe('the live views\u2019 frame clock', () => {
  it('runs what was asked for at the next animation frame, once, and asks the screen for one frame however many requests came', () => {
    const h = handClock();
    const ran: string[] = [];
    h.clock.request(() => ran.push('a'));
    h.clock.request(() => ran.push('b'));
    expect(h.asked()).toBe(1);
    expect(h.clock.pending).toBe(true);
    h.tick();
    expect(ran).toEqual(['a', 'b']);
    expect(h.clock.pending).toBe(false);
    h.tick();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs the waiting frame at once on flush and gives the animation frame back, so it does not run twice', () => {
    const h = handClock();
    let runs = 0;
    h.clock.request(() => runs++);
    expect(h.clock.flush()).toBe(true);
    expect(runs).toBe(1);
    expect(h.cancelled()).toBe(1);
    h.tick();
    expect(runs).toBe(1);
    // a request after the flush asks the screen again
    h.clock.request(() => runs++);
    expect(h.asked()).toBe(2);
    h.tick();
    expect(runs).toBe(2);
  });

  it('says when nothing was waiting', () => {
    const h = handClock();
    expect(h.clock.flush()).toBe(false);
  });
});

describe('a held frame clock', () => {
  it('runs frames only on flush while held, and asks the screen again for a frame still waiting when released', () => {
    const h = handClock();
    let runs = 0;
    const release = h.clock.hold();
    h.clock.request(() => runs++);
    h.tick();
    expect(runs).toBe(0);
    expect(h.clock.flush()).toBe(true);
    expect(runs).toBe(1);
    h.clock.request(() => runs++);
    release();
    h.tick();
    expect(runs).toBe(2);
  });
});
