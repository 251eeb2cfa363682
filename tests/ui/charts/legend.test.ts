import { describe, expect, it } from 'vitest';
import { keyWidth, layoutLegend, type LegendItem } from '../../../src/ui/charts/legend';
import { LECTURE_MIN_STROKE_PX } from '../../../src/ui/theme/lecture-lines';
import { SIZES } from '../../../src/ui/theme/sizes';
import { textWidth } from '../../../src/ui/theme/text-width';

// In Node text is measured by the estimate of theme/text-width.ts (0.6 em a character), the same on every machine.

const line = (key: string, label: string, short?: string): LegendItem => ({ key, label, short, swatch: { kind: 'line', color: '#000' } });
const ITEMS = [line('sgd', 'SGD, 100 runs', 'SGD ×100'), line('mean', 'SGD mean', 'mean'), line('gd', 'GD')];

/** The boxes of a layout's rows: swatch, gap and text, one line tall. */
const boxes = (items: LegendItem[], fs: number, rows: Array<{ x: number; y: number; text: string }>) => rows.map((r) => ({ x: r.x, y: r.y, w: 28 + 8 + textWidth(r.text, fs), h: Math.ceil(fs * 1.35) }));
const apart = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('the legend layout', () => {
  it('puts the items in one band under the plot when they fit on a wide chart, left to right', () => {
    const L = layoutLegend(ITEMS, { width: 900, height: 400, fontSize: 13 });
    expect(L.side).toBe('bottom');
    expect(L.compact).toBe(false);
    expect(L.rows.map((r) => r.text)).toEqual(['SGD, 100 runs', 'SGD mean', 'GD']);
    expect(L.rows.every((r) => r.y === 0)).toBe(true);
    expect(L.height).toBe(Math.ceil(13 * 1.35));
  });

  it('wraps a band that is wider than the chart into more rows, no two items touching', () => {
    const many = Array.from({ length: 8 }, (_, i) => line(`k${i}`, `theory line number ${i}`));
    const L = layoutLegend(many, { width: 700, height: 800, fontSize: 13 });
    expect(L.side).toBe('bottom');
    expect(new Set(L.rows.map((r) => r.y)).size).toBeGreaterThan(1);
    expect(L.width).toBeLessThanOrEqual(700);
    const b = boxes(many, 13, L.rows);
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(apart(b[i], b[j]), `${L.rows[i].text} and ${L.rows[j].text}`).toBe(true);
  });

  it('moves to a column at the right when the band would take more than its share of a short chart', () => {
    const many = Array.from({ length: 6 }, (_, i) => line(`k${i}`, `line ${i}`));
    const L = layoutLegend(many, { width: 900, height: 120, fontSize: 13, maxBottom: 0.1 });
    expect(L.side).toBe('right');
    expect(L.rows.map((r) => r.x)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(L.rows.map((r) => r.y)).toEqual([0, 1, 2, 3, 4, 5].map((i) => i * Math.ceil(13 * 1.35)));
  });

  it('falls back to the short labels where the full ones fit neither under nor beside the plot', () => {
    const L = layoutLegend(ITEMS, { width: 200, height: 60, fontSize: 13 });
    expect(L.compact).toBe(true);
    expect(L.rows.map((r) => r.text)).toEqual(['SGD ×100', 'mean', 'GD']);
  });

  it('takes no room when there is nothing to show', () => {
    expect(layoutLegend([], { width: 400, height: 300, fontSize: 13 })).toMatchObject({ side: 'bottom', height: 0, rows: [] });
  });
});

describe('keyWidth: a legend key’s line on a projector', () => {
  it('scales a key by the chart’s stroke factor outside lecture mode, thin keys included', () => {
    expect(keyWidth(1.5, SIZES.default.type.stroke)).toBe(1.5);
    expect(keyWidth(3, SIZES.default.type.stroke)).toBe(3);
  });

  it('never draws a key under 3 px at lecture mode’s factor, and leaves the wider ones scaled', () => {
    const f = SIZES.lecture.type.stroke;
    expect(keyWidth(1.5, f)).toBe(LECTURE_MIN_STROKE_PX);
    expect(keyWidth(3, f)).toBeCloseTo(3 * f, 12);
  });
});
