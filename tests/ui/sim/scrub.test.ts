import { describe, expect, it } from 'vitest';
import { RunBuffers } from '../../../src/ui/sim/run-buffers';
import { distancesAt, divergedBy, escapedBy, indexAtOrBefore, scrubAt, type ScrubRun } from '../../../src/ui/sim/scrub';
import type { StreamPart } from '../../../src/worker/protocol';

/** Three runs recorded at steps 0, 5, 10, 15: run 1 escapes at 7, run 2 diverges at 12. */
function buffers(): RunBuffers {
  const b = new RunBuffers(3, 1, 16);
  const steps = [0, 5, 10, 15];
  const m = steps.length;
  const dist = new Float64Array(3 * m);
  for (let j = 0; j < m; j++) {
    dist[0 * m + j] = 0.001 * (j + 1);
    dist[1 * m + j] = j < 2 ? 0.01 : 1;
    dist[2 * m + j] = 0.1 * (j + 1);
  }
  const part: StreamPart = {
    x: new Float64Array(3),
    histSteps: Float64Array.from(steps),
    histLoss: new Float64Array(3 * m),
    histDist: dist,
    escapeStep: Int32Array.from([-1, 7, -1]),
    divergedStep: Int32Array.from([-1, -1, 12]),
    trail: new Float64Array(0),
    trailSteps: new Float64Array(0),
  };
  b.apply(part);
  return b;
}

const live = (b: RunBuffers, done: boolean): ScrubRun => ({ sgd: b, gd: null, done });

describe('the time scrubber on the decimated histories', () => {
  it('snaps t to the last recorded step at or before it', () => {
    const b = buffers();
    expect([0, 4, 5, 9, 10, 15, 99].map((t) => indexAtOrBefore(b, t))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(indexAtOrBefore(b, -1)).toBe(-1);
    expect(scrubAt(live(b, true), 9)).toEqual({ t: 5, j: 1 });
  });

  it('follows the run while t is absent or not reached yet, and holds once the run is done', () => {
    const b = buffers();
    expect(scrubAt(live(b, true), -1)).toBeNull();
    expect(scrubAt(live(b, false), 40)).toBeNull();
    expect(scrubAt(live(b, true), 40)).toEqual({ t: 15, j: 3 });
  });

  it('counts escapes and divergences by step t, and the distances of the runs still finite at t', () => {
    const b = buffers();
    expect([5, 7, 10].map((t) => escapedBy(b, t))).toEqual([0, 1, 1]);
    expect([10, 12].map((t) => divergedBy(b, t))).toEqual([0, 1]);
    expect(distancesAt(b, 2).map((d) => Number(d.toFixed(4)))).toEqual([0.003, 1, 0.3]);
    // run 2 diverged at 12: it has no value at step 15
    expect(distancesAt(b, 3)).toHaveLength(2);
  });
});
