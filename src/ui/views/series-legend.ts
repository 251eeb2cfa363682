import type { LegendItem } from '../charts/legend';
import { COLORS } from '../theme/colors';
import { MAX_FAINT, type SeriesModel } from './series-model';
import type { TheoryLine } from './series-theory';

/** The burst and distance charts' legend: the runs, their mean and median, GD, the comparisons, the theory and R. */
export function seriesLegendItems(m: SeriesModel, theory: readonly TheoryLine[]): LegendItem[] {
  const run = m.run;
  const items: LegendItem[] = [];
  const sgd = run?.sgd;
  if (sgd) {
    const many = sgd.K > 1;
    const label = many ? `SGD, ${sgd.K} runs${sgd.K > MAX_FAINT ? ` (${MAX_FAINT} drawn)` : ''}` : 'SGD';
    items.push({ key: 'sgd', label, short: many ? `SGD ×${sgd.K}` : 'SGD', swatch: { kind: 'line', color: COLORS.sgdRun, width: many ? 1.5 : 2.5 } });
    if (many)
      items.push(
        { key: 'mean', label: 'SGD mean', short: 'mean', swatch: { kind: 'line', color: COLORS.sgdMean, width: 3 } },
        { key: 'median', label: 'SGD median', short: 'median', swatch: { kind: 'line', color: COLORS.sgdMedian, width: 3, dash: '10 4' } },
      );
  }
  if (run?.gd) items.push({ key: 'gd', label: 'GD', swatch: { kind: 'line', color: COLORS.gdRun, width: 3 } });
  for (const c of m.comparisons ?? []) {
    const K = c.run?.sgd?.K ?? 0;
    items.push({ key: `cmp-${c.label}`, label: `${c.label}: SGD ${K > 1 ? 'mean' : 'run'}`, short: c.label, swatch: { kind: 'line', color: c.color, width: 3, dash: c.dash.join(' ') } });
  }
  if (m.field === 'dist') {
    for (const th of theory) items.push({ key: th.key, label: th.label, short: th.short, swatch: { kind: 'line', color: th.color, dash: th.dash, width: 2.5 } });
    if (run) items.push({ key: 'R', label: `escape radius R = ${run.info.config.escape}`, short: 'R', swatch: { kind: 'line', color: COLORS.radius, dash: '2 4', width: 1.5 } });
  }
  return items;
}
