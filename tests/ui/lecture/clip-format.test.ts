import { describe, expect, it } from 'vitest';
import { fitInside, GIF_FPS, gifDelay } from '../../../src/ui/lecture/recorder/clip-format';

describe('the GIF frame delays', () => {
  it('are whole hundredths that keep 12 frames a second: 8, 9, 8, 8, 9, 8, … and 100 per 12 frames', () => {
    const d = Array.from({ length: 24 }, (_, i) => gifDelay(i, GIF_FPS));
    expect(d.slice(0, 6)).toEqual([8, 9, 8, 8, 9, 8]);
    expect(d.slice(0, 12).reduce((a, b) => a + b, 0)).toBe(100);
    expect(d.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('start frame k within half a hundredth of k / fps, however long the clip, at any rate', () => {
    for (const fps of [5, 12, 24, 30]) {
      let at = 0;
      for (let k = 0; k < 3600; k++) {
        expect(Math.abs(at - (k * 100) / fps)).toBeLessThanOrEqual(0.5);
        at += gifDelay(k, fps);
      }
    }
  });
});

describe('fitting a frame inside the GIF', () => {
  it('keeps the aspect ratio, touches two sides and centres the picture', () => {
    const wide = fitInside(1920, 800, 960, 540);
    expect(wide).toEqual({ x: 0, y: (540 - 400) / 2, width: 960, height: 400 });
    const tall = fitInside(1000, 1000, 960, 540);
    expect(tall).toEqual({ x: (960 - 540) / 2, y: 0, width: 540, height: 540 });
  });
});
