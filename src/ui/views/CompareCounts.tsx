import { useComparisons } from '../sim/compare-context';
import { escapedBy } from '../sim/scrub';
import { useExplorer } from '../state/store';
import { COLORS } from '../theme/colors';
import '../shell/compare-bar.css';

/**
 * Each configuration's measured escapes, in its colour: A (the main one, whose
 * counts are above) and the comparisons B, C, D — by the time scrubber's step
 * when it is set, as the main counts are.
 */
export function CompareCounts({ main, at }: { main: { escaped: number; K: number } | null; at: number | null }) {
  const runs = useComparisons();
  // Re-read the comparisons' counts with the store's frame counter (a few times a second).
  useExplorer((s) => s.frame);
  if (runs.length === 0) return null;
  return (
    <ul className="compare-counts" data-testid="compare-counts">
      {main && (
        <li data-testid="compare-count-A">
          <b style={{ color: COLORS.sgd }}>A</b> {main.escaped} of {main.K}
        </li>
      )}
      {runs.map((r) => {
        const b = r.run?.sgd;
        const k = b ? escapedBy(b, at ?? Infinity) : 0;
        return (
          <li key={r.label} data-testid={`compare-count-${r.label}`}>
            <b style={{ color: r.color }}>{r.label}</b> {b ? `${k} of ${b.K}` : '…'}
          </li>
        );
      })}
      <li className="compare-counts-note">escaped{at !== null ? ` by step ${at}` : ''}</li>
    </ul>
  );
}
