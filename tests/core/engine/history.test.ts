import { describe, expect, it } from 'vitest';
import { History, historyBuffers, recycleHistories } from '../../../src/core/engine/history';

/** A history of `budget` points with positions in 2D, filled with steps 0 … count − 1 whose values are the step. */
function filled(budget: number, count: number): History {
  const h = new History(budget, null, 2);
  for (let t = 0; t < count; t++) h.push(t, t, t, Float64Array.of(t, -t));
  return h;
}

describe('a decimated history', () => {
  it('keeps every other point and doubles its stride when full, whatever it was given', () => {
    const h = filled(8, 9);
    expect(Array.from(h.step.subarray(0, h.count))).toEqual([0, 2, 4, 6, 8]);
    expect(h.stride).toBe(2);
    expect(Array.from(h.positions!.subarray(0, 2 * h.count))).toEqual([0, -0, 2, -2, 4, -4, 6, -6, 8, -8]);
  });

  it('hands its buffer back once, is empty after it, and a write after it lands nowhere', () => {
    const h = filled(8, 5);
    const reused = historyBuffers.reused;
    recycleHistories([h, h]);
    expect(h.count).toBe(0);
    h.push(0, 1, 1, Float64Array.of(1, 1));
    // One buffer was handed back, so one new history of the same size reuses it and the next makes its own.
    const a = new History(8, null, 2);
    const b = new History(8, null, 2);
    expect(historyBuffers.reused - reused).toBe(1);
    expect(a.step).not.toBe(b.step);
    // As new: zeros, nothing of the points it held before.
    expect(Array.from(a.step)).toEqual(new Array(8).fill(0));
    expect(Array.from(a.positions!)).toEqual(new Array(16).fill(0));
  });
});
