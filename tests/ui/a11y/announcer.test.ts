import { describe, expect, it } from 'vitest';
import { ANNOUNCE_GAP_MS, Announcer, type AnnouncerClock } from '../../../src/ui/a11y/announcer';

/** A hand-driven clock: time moves only when the test says so, and due timers then fire. */
function fakeClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let next = 1;
  const clock: AnnouncerClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.fn();
    }
  };
  return { clock, advance };
}

function setup() {
  const said: Array<[number, string]> = [];
  const { clock, advance } = fakeClock();
  const a = new Announcer((text) => said.push([clock.now(), text]), clock);
  return { a, said, advance };
}

describe('Announcer: a polite live region’s pace', () => {
  it('speaks the first text at once', () => {
    const { a, said } = setup();
    a.offer('one');
    expect(said).toEqual([[0, 'one']]);
  });

  it('during a drag speaks at most once per 2 s, the latest text winning', () => {
    const { a, said, advance } = setup();
    a.offer('η 0.50');
    for (let i = 1; i <= 30; i++) {
      advance(100);
      a.offer(`η ${(0.5 + i / 100).toFixed(2)}`);
    }
    advance(ANNOUNCE_GAP_MS);
    // the waiting text is spoken when its 2 s are up (the offer of that same moment waits its turn)
    expect(said.map(([, t]) => t)).toEqual(['η 0.50', 'η 0.69', 'η 0.80']);
    for (let i = 1; i < said.length; i++) expect(said[i][0] - said[i - 1][0]).toBeGreaterThanOrEqual(ANNOUNCE_GAP_MS);
  });

  it('speaks an urgent text at once, even inside the 2 s', () => {
    const { a, said, advance } = setup();
    a.offer('inside');
    advance(300);
    a.offer('outside', true);
    expect(said).toEqual([
      [0, 'inside'],
      [300, 'outside'],
    ]);
  });

  it('does not repeat a text that has not changed, and forgets a waiting text when disposed', () => {
    const { a, said, advance } = setup();
    a.offer('same');
    advance(5000);
    a.offer('same');
    a.offer('later');
    expect(said.length).toBe(2);
    advance(100);
    a.offer('waiting');
    a.dispose();
    advance(5000);
    expect(said.map(([, t]) => t)).toEqual(['same', 'later']);
  });
});
