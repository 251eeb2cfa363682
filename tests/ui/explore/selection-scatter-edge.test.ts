import { describe, expect, it } from 'vitest';
import { edgeFor } from '../../../src/ui/explore/selection-scatter';

describe("the selection scatter's room for a mark at its edge", () => {
  it('moves the end of an axis so that a value keeps `reach` pixels beyond it', () => {
    const lo = 0;
    const length = 200;
    const end = edgeFor(16, lo, 30, length);
    // With the axis [lo, end] over 200 px, 16 sits 30 px from the far end.
    expect(length - ((16 - lo) * length) / (end - lo)).toBeCloseTo(30, 9);
  });

  it('counts from an axis that does not start at zero', () => {
    const end = edgeFor(10, 4, 20, 100);
    expect(100 - ((10 - 4) * 100) / (end - 4)).toBeCloseTo(20, 9);
  });

  it('leaves the value itself when the axis is no longer than the reach', () => {
    expect(edgeFor(5, 0, 40, 40)).toBe(5);
  });
});
