import type { SelectionResult } from '../../core/explore/selection';
import type { AtlasPoint } from '../../worker/selection-protocol';

/** Three significant digits for a bin's edge. */
const edge = (v: number) => String(Number(v.toPrecision(3)));

/** One bar pair of the selection histogram: runs of SGD and of GD that ended there. */
export interface SelectionBar {
  key: string;
  label: string;
  sgd: number;
  gd: number;
  kind: 'minimum' | 'bin' | 'diverged' | 'unsettled';
}

/**
 * The histogram's bars: one per minimum any run ended in, sorted by sharpness
 * a, or, past `maxBars` distinct minima, bins of a (Wu Table 2 asks how sharp,
 * not which); then the diverged and the still-moving runs, counted apart.
 */
export function selectionBars(sgd: SelectionResult, gd: SelectionResult, minima: AtlasPoint[], maxBars = 24, bins = 12): SelectionBar[] {
  const reached = minima.map((m, i) => ({ ...m, i, sgd: sgd.counts[i] ?? 0, gd: gd.counts[i] ?? 0 })).filter((m) => m.sgd + m.gd > 0);
  reached.sort((p, q) => p.a - q.a || p.i - q.i);
  let bars: SelectionBar[];
  if (reached.length <= maxBars) bars = reached.map((m) => ({ key: `m${m.i}`, label: m.label, sgd: m.sgd, gd: m.gd, kind: 'minimum' }));
  else {
    const lo = reached[0].a;
    const hi = reached[reached.length - 1].a;
    const w = (hi - lo) / bins || 1;
    bars = Array.from({ length: bins }, (_, k) => ({ key: `b${k}`, label: `a ${edge(lo + k * w)}–${edge(lo + (k + 1) * w)}`, sgd: 0, gd: 0, kind: 'bin' as const }));
    for (const m of reached) {
      const k = Math.min(bins - 1, Math.floor((m.a - lo) / w));
      bars[k].sgd += m.sgd;
      bars[k].gd += m.gd;
    }
  }
  bars.push({ key: 'diverged', label: 'diverged', sgd: sgd.diverged, gd: gd.diverged, kind: 'diverged' });
  bars.push({ key: 'unsettled', label: 'still moving', sgd: sgd.unsettled, gd: gd.unsettled, kind: 'unsettled' });
  return bars;
}
