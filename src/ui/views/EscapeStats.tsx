import { useEffect, useMemo, useRef, useState } from 'react';
import { wilson95 } from '../../core/stats';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { COLORS } from '../theme/colors';
import { fmt } from '../diagram/diagram-model';
import { ladder } from '../charts/ladder';
import { useChart } from '../charts/use-chart';
import { createEscapeHistogram, type EscapeHistogramModel } from './escape-histogram';
import { distancesAt, scrubAt } from '../sim/scrub';
import { DistanceHistogram } from './DistanceHistogram';
import { CompareCounts } from './CompareCounts';
import { EscapeTable } from '../a11y/DataTables';
import './escape-stats-charts.css';

import { gestureHeld, onPointerRelease } from '../charts/pointer-held';
import type { LiveRun } from '../sim/live-run';
const NO_OPTIONS = {};

interface Counts {
  K: number;
  escaped: number;
  diverged: number;
  steps: number[];
  t: number;
  /** The time scrubber's step (null: following the run), and every run's distance to the start minimum there. */
  at: number | null;
  dists: number[] | null;
}


/**
 * The fraction of SGD runs that escaped, with its 95 % Wilson interval, and a
 * histogram of escape steps: counted from the runs. Beside it, the predicted
 * escape times from ρ(𝒯) and Λ: computed from the formulas.
 */
/** While a pointer is held, the counts follow the run at most this often (ms). */
const HELD_COUNTS_MS = 250;

export function EscapeStats() {
  const sim = useSim();
  const info = useExplorer((s) => s.info);
  const lecture = useExplorer((s) => s.config.lecture);
  const [counts, setCounts] = useState<Counts | null>(null);
  const lastKey = useRef('');
  useEffect(() => {
    if (!sim) return;
    // While a pointer is held the runs restart ten times a second: the counts of a run a tenth
    // of a second old are shown four times a second, and at once when the pointer is let go.
    let shownAt = -Infinity;
    const show = (run: LiveRun | null, force: boolean) => {
      const now = performance.now();
      if (!force && gestureHeld() && now - shownAt < HELD_COUNTS_MS) return;
      shownAt = now;
      const b = run?.sgd;
      if (!run || !b) return setCounts(null);
      const at = scrubAt(run);
      const until = at ? at.t : Infinity;
      const steps: number[] = [];
      let diverged = 0;
      for (let r = 0; r < b.K; r++) {
        if (b.escapeStep[r] >= 0 && b.escapeStep[r] <= until) steps.push(b.escapeStep[r]);
        if (b.divergedStep[r] >= 0 && b.divergedStep[r] <= until) diverged++;
      }
      // A React render only when a count changed, the histogram's axis stepped, the run ended
      // or the scrubber moved: not on every frame of a long run.
      const t = run.done ? run.t : ladder(run.t);
      const key = `${run.id}|${steps.length}|${diverged}|${t}|${run.done}|${at?.t}`;
      if (key === lastKey.current) return;
      lastKey.current = key;
      setCounts({ K: b.K, escaped: steps.length, diverged, steps, t, at: at ? at.t : null, dists: at ? distancesAt(b, at.j) : null });
    };
    const off = sim.subscribe((run) => show(run, false));
    const offRelease = onPointerRelease(() => show(sim.current, true));
    return () => {
      off();
      offRelease();
    };
  }, [sim]);

  const m = info ? info.minima[info.center] : null;
  const [lo, hi] = counts ? wilson95(counts.escaped, counts.K) : [0, 0];
  const predicted = useMemo<EscapeHistogramModel['predicted']>(
    () =>
      m
        ? [
            { key: 'rho', label: 'ρ(𝒯)', step: m.escapeStepsFromRho, color: COLORS.theory },
            { key: 'lam', label: 'Λ', step: m.escapeStepsFromLyapunov, color: COLORS.reference },
          ]
        : [],
    [m],
  );
  const model = useMemo<EscapeHistogramModel>(() => ({ steps: counts?.steps ?? [], tMax: Math.max(counts?.t ?? 1, 1), predicted, lecture }), [counts, predicted, lecture]);
  const node = useChart(createEscapeHistogram, NO_OPTIONS, model);
  return (
    <section className="escape-stats" data-testid="escape-stats" aria-label="escape statistics">
      <div className="two-col">
        <div>
          <h3>Measured</h3>
          {counts ? (
            <p data-testid="escape-fraction">
              <strong>
                {counts.escaped} of {counts.K}
              </strong>{' '}
              SGD runs escaped{counts.at !== null && <> by step {counts.at}</>} ({fmt((100 * counts.escaped) / counts.K)} %; 95 % interval {fmt(100 * lo)}–{fmt(100 * hi)} %){counts.diverged > 0 && <>; {counts.diverged} diverged</>}
            </p>
          ) : (
            <p>no SGD runs</p>
          )}
          <CompareCounts main={counts ? { escaped: counts.escaped, K: counts.K } : null} at={counts?.at ?? null} />
        </div>
        <div>
          <h3>Predicted (theory)</h3>
          {m ? (
            <p data-testid="escape-predicted">
              {predicted.map((p) => (
                <span key={p.key} className="predicted-row">
                  from {p.label}: {p.step === null ? 'no escape (not growing)' : `≈ ${fmt(p.step)} steps`}
                </span>
              ))}
            </p>
          ) : (
            <p>—</p>
          )}
        </div>
      </div>
      <EscapeTable row={counts ? { escaped: counts.escaped, K: counts.K, diverged: counts.diverged, interval: [lo, hi], at: counts.at, predicted } : null} />
      <div className="stats-charts">
        <div className="stats-chart" ref={node} />
        {counts?.dists && counts.at !== null && <DistanceHistogram dists={counts.dists} t={counts.at} escape={info?.config.escape ?? 1} />}
      </div>
    </section>
  );
}
