import { describe, expect, it } from 'vitest';
import { median, wilson95 } from '../../src/core/stats';

describe('the escape statistics', () => {
  it('gives the Wilson 95 % interval of a fraction: 5 of 10 is 0.2366–0.7634', () => {
    const [lo, hi] = wilson95(5, 10);
    expect(lo).toBeCloseTo(0.2366, 4);
    expect(hi).toBeCloseTo(0.7634, 4);
  });

  it('puts the interval of none or all exactly at 0 or 1, with no rounding dust to print', () => {
    expect(wilson95(0, 50)[0]).toBe(0);
    expect(wilson95(50, 50)[1]).toBe(1);
    expect(wilson95(0, 50)[1]).toBeCloseTo(0.0713, 4);
  });

  it('takes the median of an odd and an even list, and null of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
