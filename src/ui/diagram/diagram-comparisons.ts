import { CONFIG_LABELS, overridesOf } from '../../core/compare';
import type { Config } from '../../core/params/param-table';
import { COMPARE_COLORS, COMPARE_DASHES } from '../theme/compare-colors';
import type { DiagramComparison } from './diagram-model';

/** The comparisons' rectangles: each entry of `compare` applied to the main configuration's η, B and sampling. */
export function diagramComparisons(main: Pick<Config, 'eta' | 'B' | 'sampling'>, entries: readonly string[]): DiagramComparison[] {
  return entries.map((entry, i) => {
    const o = overridesOf(entry);
    const eta = typeof o.eta === 'number' ? o.eta : main.eta;
    const B = typeof o.B === 'number' ? o.B : main.B;
    const sampling = o.sampling === 'with' || o.sampling === 'without' ? o.sampling : main.sampling;
    return { label: CONFIG_LABELS[i + 1], eta, B, sampling, color: COMPARE_COLORS[i], dash: COMPARE_DASHES[i] };
  });
}
