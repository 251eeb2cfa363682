import { describe, expect, it } from 'vitest';
import type { SelectionResult } from '../../../src/core/explore/selection';
import { selectionBars } from '../../../src/ui/explore/selection-bars';

const result = (counts: number[], diverged: number, unsettled: number): SelectionResult => ({
  optimiser: 'sgd',
  counts,
  diverged,
  unsettled,
  endedIn: new Int32Array(counts.reduce((a, b) => a + b, 0) + diverged + unsettled),
  checksum: '',
});
const minima = (as: number[]) => as.map((a, i) => ({ label: `m${i}`, a, s: 1 }));

describe('selectionBars(sgd, gd, minima): the bars of the selection histogram', () => {
  it('gives one SGD-beside-GD pair per minimum any run ended in, sorted by sharpness, then diverged and still moving apart', () => {
    const bars = selectionBars(result([3, 0, 5], 1, 2), result([0, 0, 9], 0, 1), minima([4, 1, 2]));
    expect(bars.map((b) => [b.label, b.sgd, b.gd, b.kind])).toEqual([
      ['m2', 5, 9, 'minimum'],
      ['m0', 3, 0, 'minimum'],
      ['diverged', 1, 0, 'diverged'],
      ['still moving', 2, 1, 'unsettled'],
    ]);
  });

  it('bins the minima by sharpness past maxBars distinct ones, and every run is still counted once', () => {
    const a = Array.from({ length: 30 }, (_, i) => 10 + i / 10);
    const sgd = result(a.map((_, i) => i % 3), 4, 5);
    const gd = result(a.map(() => 2), 0, 0);
    const bars = selectionBars(sgd, gd, minima(a), 24, 6);
    expect(bars.filter((b) => b.kind === 'bin')).toHaveLength(6);
    expect(bars[0].label).toBe('a 10–10.5');
    const total = (w: 'sgd' | 'gd') => bars.reduce((s, b) => s + b[w], 0);
    expect(total('sgd')).toBe(sgd.endedIn.length);
    expect(total('gd')).toBe(gd.endedIn.length);
  });
});
