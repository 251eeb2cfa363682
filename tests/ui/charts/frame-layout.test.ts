import { describe, expect, it } from 'vitest';
import { frameLayout } from '../../../src/ui/charts/frame-layout';
import type { LegendItem } from '../../../src/ui/charts/legend';
import { chartType } from '../../../src/ui/theme/sizes';
import { textWidth } from '../../../src/ui/theme/text-width';

const T = chartType(false);
const LECTURE = chartType(true);
const line = (label: string): LegendItem => ({ key: label, label, swatch: { kind: 'line', color: '#000' } });
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the frame layout', () => {
  it('gives the left margin the widest y tick label and the rotated title', () => {
    const narrow = frameLayout(600, 400, T, { y: { ticks: ['0', '1'], titles: ['loss'] } });
    const wide = frameLayout(600, 400, T, { y: { ticks: ['0', '1e-300'], titles: ['loss'] } });
    expect(wide.margin.l - narrow.margin.l).toBe(Math.ceil(textWidth('1e-300', T.tick) + 13 + T.label * 1.5) - Math.ceil(textWidth('1', T.tick) + 13 + T.label * 1.5));
    expect(frameLayout(600, 400, T, { y: { ticks: ['1e-300'] } }).margin.l).toBe(Math.ceil(textWidth('1e-300', T.tick) + 13));
  });

  it('keeps the plot inside the frame, the margins and plot adding up to its size', () => {
    for (const [w, h] of [
      [1920, 1080],
      [390, 300],
      [160, 90],
    ]) {
      const L = frameLayout(w, h, T, { x: { ticks: [], titles: ['step t'] }, y: { ticks: ['1e-3'], titles: ['distance'] } });
      expect(L.plot.x).toBe(L.margin.l);
      expect(L.plot.y).toBe(L.margin.t);
      expect(L.plot.w).toBe(Math.max(10, w - L.margin.l - L.margin.r));
      expect(L.plot.h).toBe(Math.max(10, h - L.margin.t - L.margin.b));
    }
  });

  it('puts the legend outside the plot: under it when it fits, at the right of a short chart', () => {
    const items = ['SGD, 100 runs', 'SGD mean', 'SGD median', 'GD'].map(line);
    const below = frameLayout(900, 500, T, { x: { ticks: [] }, y: { ticks: ['1'] }, legend: items });
    expect(below.legend?.side).toBe('bottom');
    expect(below.legendAt!.y).toBeGreaterThanOrEqual(below.plot.y + below.plot.h);
    expect(overlap({ ...below.legendAt!, w: below.legend!.width, h: below.legend!.height }, below.plot)).toBe(false);
    expect(below.legendAt!.y + below.legend!.height).toBeLessThanOrEqual(500);
    // Sixteen long names: three a row would take six rows, over the bottom band’s share of 320 px.
    const many = Array.from({ length: 16 }, (_, i) => line(`a theory line with a long name ${i}`));
    const beside = frameLayout(900, 320, T, { x: { ticks: [] }, y: { ticks: ['1'] }, legend: many });
    expect(beside.legend?.side).toBe('right');
    expect(beside.legendAt!.x).toBeGreaterThanOrEqual(beside.plot.x + beside.plot.w);
    expect(beside.legendAt!.x + beside.legend!.width).toBeLessThanOrEqual(900);
  });

  it('gives lecture mode more room for its larger type', () => {
    const spec = { x: { ticks: [], titles: ['step t'] }, y: { ticks: ['1e-3'], titles: ['distance'] } };
    const desk = frameLayout(1200, 700, T, spec);
    const room = frameLayout(1200, 700, LECTURE, spec);
    expect(room.margin.l).toBeGreaterThan(desk.margin.l);
    expect(room.margin.b).toBeGreaterThan(desk.margin.b);
  });

  it('shows the first title that fits along its axis, and none where none fits', () => {
    const titles = ['distance to the start minimum', 'distance'];
    expect(frameLayout(600, 500, T, { y: { ticks: ['1'], titles } }).yTitle.text).toBe('distance to the start minimum');
    expect(frameLayout(600, 120, T, { y: { ticks: ['1'], titles } }).yTitle.text).toBe('distance');
    expect(frameLayout(600, 40, T, { y: { ticks: ['1'], titles } }).yTitle.text).toBe('');
  });

  it('drops the x title of a frame too short for it, keeping the plot', () => {
    const spec = { x: { ticks: [], titles: ['escape step'] }, top: 17 };
    expect(frameLayout(400, 200, T, spec).xTitle.text).toBe('escape step');
    const short = frameLayout(400, 50, T, spec);
    expect(short.xTitle.text).toBe('');
    expect(short.margin.t + short.plot.h + short.margin.b).toBe(50);
  });

  it('makes room under the plot for rotated band labels by their length', () => {
    const short = frameLayout(600, 400, T, { x: { ticks: ['a', 'b'], rotated: true } });
    const long = frameLayout(600, 400, T, { x: { ticks: ['a', 'a minimum with a long name'], rotated: true } });
    expect(long.margin.b).toBeGreaterThan(short.margin.b + 50);
  });

  it('takes a top margin given as a function of the type it chose', () => {
    expect(frameLayout(600, 400, LECTURE, { top: (t) => t.tick * 2 }).margin.t).toBe(LECTURE.tick * 2);
  });
});
