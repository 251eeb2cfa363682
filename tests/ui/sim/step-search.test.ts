import { describe, expect, it } from 'vitest';
import { lastIndexAtOrBefore } from '../../../src/ui/sim/step-search';

describe('the last recorded step at or before t', () => {
  const steps = Float64Array.from([0, 1, 2, 4, 8, 16]);

  it('is the step itself when t was recorded, and the one before when it falls between two', () => {
    expect(lastIndexAtOrBefore(steps, 4)).toBe(3);
    expect(lastIndexAtOrBefore(steps, 5)).toBe(3);
    expect(lastIndexAtOrBefore(steps, 100)).toBe(5);
  });

  it('is −1 before the first step, and looks only at the first `count` steps', () => {
    expect(lastIndexAtOrBefore(steps, -1)).toBe(-1);
    expect(lastIndexAtOrBefore(steps, 100, 3)).toBe(2);
    expect(lastIndexAtOrBefore(steps, 100, 0)).toBe(-1);
  });

  it('agrees with a walk over every step for every t from −1 to 17', () => {
    for (let t = -1; t <= 17; t += 0.5) {
      let walk = -1;
      for (let i = 0; i < steps.length; i++) if (steps[i] <= t) walk = i;
      expect(lastIndexAtOrBefore(steps, t)).toBe(walk);
    }
  });
});
