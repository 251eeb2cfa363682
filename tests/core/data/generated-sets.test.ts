import { describe, expect, it } from 'vitest';
import { classCounts } from '../../../src/core/data/dataset';
import { moons, teacher } from '../../../src/core/data/generated-sets';

describe('the drawn data sets', () => {
  it('draws two balanced moons, the same for the same seed and different for another', () => {
    const a = moons(100, 1);
    expect(a.n).toBe(100);
    expect(a.dim).toBe(2);
    expect(classCounts(a)).toEqual([50, 50]);
    expect(moons(100, 1)).toEqual(a);
    expect(moons(100, 2).inputs).not.toEqual(a.inputs);
    // Class 0 lies near the unit circle about (0, 0), class 1 near the one about (1, ½) (up to the noise, σ = 0.1).
    let near = 0;
    for (let i = 0; i < a.n; i++) {
      const [cx, cy] = a.labels[i] === 0 ? [0, 0] : [1, 0.5];
      if (Math.abs(Math.hypot(a.inputs[2 * i] - cx, a.inputs[2 * i + 1] - cy) - 1) < 0.3) near++;
    }
    expect(near).toBeGreaterThan(95);
  });

  it("labels Gaussian inputs by a teacher network's largest output, with every class present", () => {
    const a = teacher(300, 1);
    expect(a.dim).toBe(10);
    expect(a.classes).toBe(3);
    expect(teacher(300, 1)).toEqual(a);
    for (const c of classCounts(a)) expect(c).toBeGreaterThan(30);
  });
});
