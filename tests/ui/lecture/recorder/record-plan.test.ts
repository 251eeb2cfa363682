import { describe, expect, it } from 'vitest';
import { defaultStepsPerFrame, MAX_FRAMES, planRecording } from '../../../../src/ui/lecture/recorder/record-plan';

describe('planRecording(steps, stepsPerFrame, fps): the frames of a video', () => {
  it('one frame at the start, then one per stepsPerFrame steps, the last at the final step', () => {
    const p = planRecording(40, 3, 30);
    if (typeof p === 'string') throw new Error(p);
    expect(p.targets).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 40]);
    expect(p.duration).toBeCloseTo(15 / 30, 12);
  });

  it('names a bad steps per frame, frame rate or too many frames', () => {
    expect(planRecording(40, 0, 30)).toContain('steps per frame must be a whole number');
    expect(planRecording(40, 1.5, 30)).toContain('steps per frame must be a whole number');
    expect(planRecording(40, 1, 0)).toContain('frames per second must be a whole number from 1 to 60');
    expect(planRecording(10_000, 1, 30)).toBe(`10000 steps at 1 per frame make 10001 frames, more than ${MAX_FRAMES}; take at least 3 steps per frame`);
  });

  it('the default keeps a clip near 300 frames', () => {
    expect(defaultStepsPerFrame(200)).toBe(1);
    expect(defaultStepsPerFrame(10_000_000)).toBe(33_334);
    const p = planRecording(10_000_000, defaultStepsPerFrame(10_000_000), 30);
    expect(typeof p === 'string' ? p : p.targets.length).toBe(301);
  });
});
