import { describe, expect, it } from 'vitest';
import { measureNetwork, TINY_QUERY } from '../../bench/network';

describe("the network problem's bench, on a tiny network", () => {
  it('trains GD to loss < 1e-4, times it and the measurement of a and s, and says what it ran', async () => {
    const f = await measureNetwork(TINY_QUERY);
    expect(f.label).toBe('teacher, 12 samples, 10–16–3');
    expect(f.stepsToTrained).not.toBeNull();
    expect(f.finalLoss).toBeLessThan(1e-4);
    for (const v of [f.trainSeconds, f.sharpnessSeconds, f.nonUniformitySeconds, f.alignmentSeconds, f.a, f.s]) expect(Number.isFinite(v) && v > 0).toBe(true);
  });
});
