import { useMemo } from 'react';
import { useChart } from '../charts/use-chart';
import { useComparisons, useCompareRuns } from '../sim/compare-context';
import { useSim } from '../sim/sim-context';
import { scrubAt } from '../sim/scrub';
import type { LiveRun } from '../sim/sim-controller';
import { useExplorer } from '../state/store';
import { COLORS } from '../theme/colors';
import { createLandscapeChart, type LandscapeModel } from '../views/landscape-chart';
import { createSeriesChart, type SeriesModel, type SeriesOptions } from '../views/series-chart';
import './side-by-side.css';

const NO_OPTIONS = {};
const BURST: Record<'A' | 'B', SeriesOptions> = {
  A: { yLabel: 'loss f(x_t) − f(x*)', yShort: 'loss', testId: 'ab-burst-A' },
  B: { yLabel: 'loss f(x_t) − f(x*)', yShort: 'loss', testId: 'ab-burst-B' },
};

/** One side: its landscape and its escape burst, live through the render loop. */
function Side({ side, run, title, color }: { side: 'A' | 'B'; run: () => LiveRun | null; title: string; color: string }) {
  const sim = useSim();
  const lecture = useExplorer((s) => s.config.lecture);
  const land = useMemo<LandscapeModel>(
    () => ({
      get run() {
        return run();
      },
      // each side at the scrubbed step of its own recorded history
      get scrub() {
        return scrubAt(run());
      },
      lecture,
      coords: [0, 1],
    }),
    // run is a getter's source, read on every frame; the model is rebuilt when it is replaced.
    // oxlint-disable-next-line react/memo-dependencies
    [run, lecture],
  );
  const burst = useMemo<SeriesModel>(
    () => ({
      get run() {
        return run();
      },
      get scrub() {
        return scrubAt(sim?.current ?? null)?.t ?? null;
      },
      field: 'loss',
      lecture,
    }),
    // oxlint-disable-next-line react/memo-dependencies
    [run, sim, lecture],
  );
  const landNode = useChart(createLandscapeChart, NO_OPTIONS, land, sim?.loop);
  const burstNode = useChart(createSeriesChart, BURST[side], burst, sim?.loop);
  return (
    <section className="ab-side" data-testid={`ab-side-${side}`} style={{ borderColor: color }} aria-label={`configuration ${side}`}>
      <h2>
        <b style={{ color }}>{side}</b> {title}
      </h2>
      <div className="ab-chart" ref={landNode} />
      <div className="ab-chart" ref={burstNode} />
    </section>
  );
}

/**
 * A | B: for exactly two configurations (the main one and one comparison),
 * their landscapes and escape bursts side by side, on the same time axis.
 */
export function SideBySide() {
  const sim = useSim();
  const cmp = useCompareRuns();
  const runs = useComparisons();
  const config = useExplorer((s) => s.config);
  const mainRun = useMemo(() => () => sim?.current ?? null, [sim]);
  const otherRun = useMemo(() => () => cmp?.runs[0]?.run ?? null, [cmp]);
  if (runs.length !== 1)
    return (
      <p className="ab-needs" data-testid="ab-needs-two">
        A | B shows exactly two configurations: {runs.length === 0 ? 'pin one as a comparison (the button, or P), then change the sliders' : `there are ${runs.length + 1}; remove all comparisons but one`}.
      </p>
    );
  const b = runs[0];
  return (
    <div className="ab-grid" data-testid="ab-grid">
      <Side side="A" run={mainRun} title={`η = ${config.eta}, B = ${config.B}, ${config.sampling} replacement, seed ${config.seed}`} color={COLORS.sgd} />
      <Side side="B" run={otherRun} title={`η = ${b.config.eta}, B = ${b.config.B}, ${b.config.sampling} replacement, seed ${b.config.seed}`} color={b.color} />
    </div>
  );
}
