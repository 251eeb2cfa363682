import { describe, expect, it } from 'vitest';
import { HIGH_HZ, LOW_HZ, planTrace } from '../../../src/ui/a11y/audio-trace';

describe('planTrace: the mean loss as pitch over time', () => {
  const steps = [0, 10, 20, 30, 40];
  const loss = [1e-4, 1e-4, 1e-2, 1, 1];

  it('maps the lowest loss to the low note and the highest to the high note, equal ratios to equal intervals', () => {
    const p = planTrace(steps, loss, []);
    expect(p.pitch.map((q) => q.hz)).toEqual([LOW_HZ, LOW_HZ, Math.sqrt(LOW_HZ * HIGH_HZ), HIGH_HZ, HIGH_HZ].map((h) => expect.closeTo(h, 9)));
  });

  it('spreads the steps over the sweep’s seconds, so the pitch rises exactly where the loss rises', () => {
    const p = planTrace(steps, loss, [], 4);
    expect(p.pitch.map((q) => q.time)).toEqual([0, 1, 2, 3, 4]);
    const rising = p.pitch.findIndex((q, i) => i > 0 && q.hz > p.pitch[i - 1].hz);
    expect(p.pitch[rising].time).toBe(2);
  });

  it('puts a click at each escape step, in order, and none for the runs that stayed (−1)', () => {
    const p = planTrace(steps, loss, [30, -1, 20, -1], 4);
    expect(p.clicks).toEqual([2, 3]);
  });

  it('leaves out a diverged (infinite) or zero mean loss, and plans nothing for an empty run', () => {
    expect(planTrace([0, 1, 2], [1, Infinity, 0], []).pitch).toHaveLength(1);
    expect(planTrace([], [], [5])).toEqual({ duration: 4, pitch: [], clicks: [] });
  });
});
