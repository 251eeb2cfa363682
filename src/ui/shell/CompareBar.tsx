import { useMemo } from 'react';
import { useComparisons } from '../sim/compare-context';
import { pinCurrent, removeComparison, swapComparison } from '../state/compare-actions';
import { useExplorer } from '../state/store';
import { COLORS } from '../theme/colors';
import './compare-bar.css';

/**
 * The comparisons beside the main configuration (A): each one's letter in its
 * colour, its overrides, its runs' state, escapes and checksum (the same as
 * `npm run sim` prints for it), and one-click Swap and Remove; "Pin as
 * comparison" (P) adds the current configuration.
 */
export function CompareBar() {
  const runs = useComparisons();
  const error = useExplorer((s) => s.fieldErrors.compare);
  const frame = useExplorer((s) => s.frame);
  const rows = useMemo(
    () =>
      runs.map((r) => {
        const b = r.run?.sgd;
        let escaped = 0;
        if (b) for (let i = 0; i < b.K; i++) if (b.escapeStep[i] >= 0) escaped++;
        const checksum = r.summary?.sgd?.checksum ?? r.summary?.gd?.checksum ?? null;
        const fingerprint = r.summary?.sgd?.fingerprint ?? r.summary?.gd?.fingerprint ?? null;
        const state = r.error ? 'error' : r.summary ? 'done' : r.run ? 'running' : 'starting';
        return { ...r, escaped, K: b?.K ?? 0, checksum, fingerprint, state, t: r.run?.t ?? 0 };
      }),
    // The counts are re-read with the store's frame counter (a few times a second).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [runs, frame],
  );
  return (
    <div className="compare-bar" data-testid="compare-bar">
      <button type="button" data-testid="compare-pin" aria-keyshortcuts="P" onClick={() => pinCurrent()}>
        Pin as comparison
      </button>
      {rows.length > 0 && (
        <span className="compare-chip" data-testid="compare-A">
          <b style={{ color: COLORS.sgd }}>A</b> the configuration of the controls
        </span>
      )}
      {rows.map((r, i) => (
        <span key={r.label} className="compare-chip" data-testid={`compare-${r.label}`} data-state={r.state} data-run-id={r.run?.id ?? ''} style={{ borderColor: r.color }}>
          <b style={{ color: r.color }}>{r.label}</b> <code>{r.entry}</code>{' '}
          <span className="compare-status">
            {r.error ?? (r.K > 0 ? `${r.escaped} of ${r.K} escaped` : '')}
            {r.state === 'running' && ` · t ${r.t}`}
            {r.checksum && (
              <>
                {' · '}
                <span data-testid={`compare-checksum-${r.label}`} data-fingerprint={r.fingerprint ?? ''}>
                  {r.checksum}
                </span>
              </>
            )}
          </span>
          <button type="button" data-testid={`compare-swap-${r.label}`} title={`Swap ${r.label} with the main configuration A`} onClick={() => swapComparison(i)}>
            Swap with A
          </button>
          <button type="button" data-testid={`compare-remove-${r.label}`} aria-label={`Remove comparison ${r.label}`} onClick={() => removeComparison(i)}>
            ×
          </button>
        </span>
      ))}
      {error && (
        <span className="field-error" role="alert" data-testid="error-compare">
          {error}
        </span>
      )}
    </div>
  );
}
