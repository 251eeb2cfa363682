import { useId, useMemo } from 'react';
import { useChart } from '../charts/use-chart';
import { useExplorer } from '../state/store';
import { useSim } from '../sim/sim-context';
import { scrubAt } from '../sim/scrub';
import { useCompareRuns } from '../sim/compare-context';
import { createSeriesChart, type SeriesModel, type SeriesOptions } from './series-chart';
import { lineColor } from '../theme/lecture-lines';
import { LiveSpeech } from '../a11y/LiveSpeech';
import { describeSeries } from '../a11y/describe-live';
import { seriesDescriptionOf } from '../a11y/live-description-of';
import { LiveDataTable } from '../a11y/LiveTables';
import { seriesTableOf } from '../a11y/live-table-of';
import type { LiveRun } from '../sim/live-run';

/** Each series' name and its description in words (docs/accessibility.md#a-new-view). */
const SPEECH = {
  loss: {
    name: 'escape burst: the loss of each SGD run, their mean and median, and GD, against the step',
    testId: 'burst-description',
    describe: (run: LiveRun) => describeSeries(seriesDescriptionOf(run, 'loss')),
    table: { of: (run: LiveRun) => seriesTableOf(run, 'loss'), testId: 'burst-table', what: 'the mean loss and the escapes by step' },
  },
  dist: {
    name: 'distance from the start minimum against the step, with the theory’s lines and the escape radius R',
    testId: 'distance-description',
    describe: (run: LiveRun) => describeSeries(seriesDescriptionOf(run, 'dist')),
    table: { of: (run: LiveRun) => seriesTableOf(run, 'dist'), testId: 'distance-table', what: 'the mean distance and the theory’s lines by step' },
  },
} as const;

const OPTIONS: Record<'loss' | 'dist', SeriesOptions> = {
  loss: { yLabel: 'loss f(x_t) − f(x*)', yShort: 'loss', testId: 'burst-view' },
  dist: { yLabel: 'distance ‖x_t − x*‖', yShort: 'distance', testId: 'distance-view' },
};

/**
 * The escape burst (loss, log scale; Wu Fig. 2 right, Fig. 8) or the distance
 * to the start minimum with the theory's ρ(𝒯)^{t/2} and, where it differs,
 * e^{Λt} drawn from the start (Wu–Wang–Su Fig. 4, Patel Figs. 1–8). Live: the
 * render loop hands it the run on every frame.
 */
export function SeriesView({ field }: { field: 'loss' | 'dist' }) {
  const sim = useSim();
  const lecture = useExplorer((s) => s.config.lecture);
  const cmp = useCompareRuns();
  const model = useMemo<SeriesModel | null>(
    () =>
      sim
        ? {
            get run() {
              return sim.current;
            },
            get scrub() {
              return scrubAt(sim.current)?.t ?? null;
            },
            get comparisons() {
              // lecture mode strokes each comparison in its colour's lecture token (theme/lecture-lines.ts)
              return cmp ? cmp.runs.map((c) => ({ ...c, color: lineColor(c.color, lecture) })) : [];
            },
            field,
            lecture,
          }
        : null,
    // cmp is read by the getter on every frame; the model is rebuilt when it is replaced.
    // oxlint-disable-next-line react/memo-dependencies
    [sim, cmp, field, lecture],
  );
  const node = useChart(createSeriesChart, OPTIONS[field], model, sim?.loop);
  const descId = useId();
  const speech = SPEECH[field];
  return (
    <>
      <div className="chart-box" ref={node} role="group" aria-label={speech.name} aria-describedby={descId} />
      <LiveSpeech id={descId} describe={speech.describe} testId={speech.testId} />
      <LiveDataTable {...speech.table} />
    </>
  );
}

/** The escape burst panel. */
export const BurstView = () => <SeriesView field="loss" />;
/** The distance panel. */
export const DistanceView = () => <SeriesView field="dist" />;
