import { describe, expect, it } from 'vitest';
import type { SweepModel } from '../../../src/core/network/sweeps';
import { sweepPlotModel } from '../../../src/ui/network/sweep-plot-model';

type End = SweepModel['ends'][number];
const estimate = (value: number) => ({ value, residual: 0.01, lower: value, upper: value + 0.01, converged: true, steps: 10 });
const end = (optimiser: 'gd' | 'sgd', a: number | null, s: number | null): End => ({
  optimiser,
  run: 0,
  loss: a === null ? 0.3 : 5e-5,
  trained: a !== null,
  diverged: false,
  sharpness: a === null ? null : estimate(a),
  nonUniformity: s === null ? null : estimate(s),
  alignment: null,
  thetaChecksum: '0',
});
const model = (eta: number, B: number, ends: End[]): SweepModel => ({
  overrides: {},
  permalink: '?',
  eta,
  B,
  init: 1,
  twoOverEta: 2 / eta,
  rectangleTop: B === 50 ? null : 1 / (eta * Math.sqrt(1 / B)),
  sqrtBOverEta: Math.sqrt(B) / eta,
  ends,
});

describe('sweepPlotModel(kind, models): a sweep as a plot of the explorer’s own numbers', () => {
  it('table2: each trained GD minimum’s a with its interval at its η, 2/η dashed, and the paper’s Table 2 only as labelled reference marks', () => {
    const plot = sweepPlotModel('table2', [model(0.1, 10, [end('gd', 19.2, 30)]), model(0.2, 10, [end('gd', 9.7, 20)]), model(0.4, 10, [end('gd', null, null)])]);
    expect(plot.points).toEqual([
      { x: 0.1, y: 19.2, x0: 0.1, x1: 0.1, y0: 19.2, y1: 19.2 + 0.01, optimiser: 'gd' },
      { x: 0.2, y: 9.7, x0: 0.2, x1: 0.2, y0: 9.7, y1: 9.7 + 0.01, optimiser: 'gd' },
    ]);
    const [line] = plot.lines;
    expect(line.label).toBe('2/η');
    for (const [eta, a] of line.points) expect(a).toBeCloseTo(2 / eta, 12);
    expect(plot.references.length).toBeGreaterThan(0);
    for (const r of plot.references) expect(r.label).toMatch(/\(Wu Table 2\)$/);
    // 19.6 ± 0.15 at η = 0.1, as the paper prints it
    const fashion = plot.references.find((r) => r.label === 'FashionMNIST, η = 0.1 (Wu Table 2)')!;
    expect(fashion.x).toEqual([0.1, 0.1]);
    expect(fashion.y[0]).toBeCloseTo(19.45, 12);
    expect(fashion.y[1]).toBeCloseTo(19.75, 12);
  });

  it('fig5: each trained SGD minimum’s s at its B, with √B/η and the rectangle top 1/(η√c) where c > 0, and no reference marks', () => {
    const plot = sweepPlotModel('fig5', [model(0.2, 10, [end('sgd', 3, 8)]), model(0.2, 2, [end('sgd', 2, 4)]), model(0.2, 50, [end('sgd', 4, 9)])]);
    expect(plot.points.map((p) => [p.x, p.y])).toEqual([[10, 8], [2, 4], [50, 9]]);
    expect(plot.lines.find((l) => l.id === 'sqrt-b-over-eta')!.points).toEqual([[2, Math.sqrt(2) / 0.2], [10, Math.sqrt(10) / 0.2], [50, Math.sqrt(50) / 0.2]]);
    expect(plot.lines.find((l) => l.id === 'rectangle-top')!.points.map((p) => p[0])).toEqual([2, 10]);
    expect(plot.references).toEqual([]);
  });

  it('fig6: every trained minimum’s (a, s) with both intervals, 2/η, a rectangle top per B, and Fig. 6’s read-off ranges as references', () => {
    const plot = sweepPlotModel('fig6', [model(0.2, 5, [end('gd', 9.9, 14), end('sgd', 4, 6)]), model(0.2, 20, [end('gd', 9.8, 13), end('sgd', null, null)])]);
    expect(plot.points.map((p) => [p.optimiser, p.x, p.y, p.x1 - p.x0 > 0, p.y1 - p.y0 > 0])).toEqual([
      ['gd', 9.9, 14, true, true],
      ['sgd', 4, 6, true, true],
      ['gd', 9.8, 13, true, true],
    ]);
    expect(plot.lines.map((l) => l.label)).toEqual(['2/η', 'B = 5', 'B = 20']);
    expect(plot.lines[1].points).toEqual([[0, 1 / (0.2 * Math.sqrt(1 / 5))], [10, 1 / (0.2 * Math.sqrt(1 / 5))]]);
    expect(plot.references.map((r) => r.label)).toEqual(['GD (read off Wu Fig. 6)', 'SGD B = 4 (read off Wu Fig. 6)']);
  });
});
