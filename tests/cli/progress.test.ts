import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, sink: { isTTY, columns: 80, write: (t: string) => out.push(t) } };
}

describe('the progress bar', () => {
  it('writes nothing when stderr is not a terminal (piped, redirected, a scheduler’s log)', () => {
    const { out, sink: s } = sink(false);
    const bar = progressBar('cells', 10, s);
    for (let i = 1; i <= 10; i++) bar.update(i);
    bar.end();
    expect(out).toEqual([]);
  });

  it('on a terminal draws the count on one line, at most every 100 ms, always the last, and clears it at the end', () => {
    const { out, sink: s } = sink(true);
    let t = 0;
    const bar = progressBar('cells', 4, s, () => t);
    t = 1000;
    bar.update(1); // drawn (the first)
    t = 1050;
    bar.update(2); // skipped: 50 ms after the last
    t = 1200;
    bar.update(3); // drawn
    t = 1210;
    bar.update(4); // the last is always drawn
    bar.end();
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/^\r\[#{10}-{30}\] 1\/4 cells 25% 3 s left/);
    expect(out[1]).toContain(' 3/4 cells 75%');
    expect(out[2]).toMatch(/^\r\[#{40}\] 4\/4 cells 100%/);
    expect(out[3]).toBe('\r\x1b[K');
  });
});
