import { generatorOf } from '../../core/rng';
import './explore.css';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SelectionSpec } from '../../core/explore/selection';
import { componentCount } from '../../core/problems/component-count';
import { stabilityRectangle } from '../../core/stability-region';
import { createStabilityDiagram, type DiagramHandlers } from '../diagram/stability-diagram';
import type { DiagramModel } from '../diagram/diagram-model';
import { fmt } from '../diagram/diagram-model';
import { useExplorer } from '../state/store';
import { problemQueryOf } from './phase-spec';
import { selectionBars } from './selection-bars';
import { createSelectionHistogram, type HistogramModel } from './selection-histogram';
import { SelectionRun } from './selection-run';
import { createSelectionScatter, type ScatterModel } from './selection-scatter';
import { ChartBox } from './ChartBox';

/**
 * The selection workspace: K SGD and K GD runs from the same
 * random starts, which minimum each ended in (measured), where those minima sit
 * on the sharpness–non-uniformity plane, and the atlas of every minimum
 * coloured by its exact stability at the current η, B (theory).
 */
export function SelectionView() {
  const config = useExplorer((s) => s.config);
  const setConfig = useExplorer((s) => s.setConfig);
  const [run] = useState(() => new SelectionRun());
  const snap = useSyncExternalStore(run.subscribe, run.getSnapshot);
  const query = problemQueryOf(config);
  const n = componentCount(config);
  const { eta, B, sampling, seed, selruns, steps, around, selradius, escape, v } = config;
  const spec: SelectionSpec = useMemo(
    () => ({ eta, B, sampling, seed, runs: selruns, steps, around: around.length > 0 ? around : null, radius: selradius, settleRadius: escape, rng: generatorOf(v) }),
    [eta, B, sampling, seed, selruns, steps, around, selradius, escape, v],
  );
  // load() compares by value and runs a changed spec after a pause; the atlas follows η, B at once.
  useEffect(() => run.load(query, spec), [run, query, spec]);
  useEffect(() => run.atlas(query, config.eta, config.B, config.sampling), [run, query, config.eta, config.B, config.sampling]);
  useEffect(() => () => run.dispose(), [run]);

  const result = snap.result;
  const lecture = config.lecture;
  const hist: HistogramModel | null = useMemo(() => (result ? { bars: selectionBars(result.sgd, result.gd, result.minima), runs: result.sgd.endedIn.length, lecture } : null), [result, lecture]);
  const scatter: ScatterModel | null = useMemo(() => {
    if (!result) return null;
    const points = result.minima.map((m, i) => ({ ...m, sgd: result.sgd.counts[i], gd: result.gd.counts[i] })).filter((p) => p.sgd + p.gd > 0);
    return { points, rect: stabilityRectangle(eta, n, B, sampling), runs: result.sgd.endedIn.length, lecture };
  }, [result, eta, n, B, sampling, lecture]);
  const atlas = snap.atlas;
  const diagram: DiagramModel | null = useMemo(() => {
    if (!atlas) return null;
    const minima = atlas.points.map((p, i) => ({ label: p.label, a: p.a, s: p.s, stableSGD: atlas.stableSGD[i] === 1, stableGD: atlas.stableGD[i] === 1, isStart: i === config.start }));
    return { eta: config.eta, B: config.B, n, sampling: config.sampling, family: 'none', axes: config.axes, lecture, point: null, minima, references: [] };
  }, [atlas, config.eta, config.B, n, config.sampling, config.axes, lecture, config.start]);

  const atlasHandlers = useMemo<DiagramHandlers>(() => ({ corner: (e, b) => setConfig({ eta: Number(e.toPrecision(4)), B: b }), point: () => {} }), [setConfig]);

  const k = atlas ? atlas.stableSGD.reduce((a, b) => a + b, 0) : 0;
  const m = atlas ? atlas.stableGD.reduce((a, b) => a + b, 0) : 0;
  const N = atlas?.points.length ?? 0;
  const ran = snap.spec;
  // Runs (measured) counted against the theory's verdicts at the run's own η, B: side by side, neither colours the other.
  const verdict =
    result && atlas && ran && atlas.eta === ran.eta && atlas.B === ran.B && atlas.points.length === result.minima.length
      ? (['sgd', 'gd'] as const).map((w) => {
          const r = result[w];
          const settled = r.counts.reduce((a, b) => a + b, 0);
          const inStable = r.counts.reduce((a, c, i) => a + (atlas.stableSGD[i] ? c : 0), 0);
          return `${w === 'sgd' ? 'SGD' : 'GD'} ${inStable} of ${settled}`;
        })
      : null;
  const status =
    snap.phase === 'done' && result
      ? `${result.sgd.endedIn.length} SGD and ${result.gd.endedIn.length} GD runs × ${ran?.steps} steps at η = ${fmt(ran?.eta ?? NaN)}, B = ${ran?.B} in ${(result.ms / 1000).toFixed(2)} s`
      : snap.phase === 'running'
        ? `running ${spec.runs} SGD and ${spec.runs} GD runs …`
        : snap.phase === 'cancelled'
          ? 'cancelled'
          : snap.phase === 'error'
            ? `error: ${snap.error}`
            : 'waiting';

  return (
    <section className="explore selection-view panel" data-panel="selection" aria-label="selection experiment and minima atlas">
      <div className="explore-toolbar">
        <h2>Which minimum does SGD select?</h2>
        <button type="button" data-testid="selection-run" onClick={() => run.start()} disabled={snap.phase === 'running'}>
          Run again
        </button>
        <button type="button" data-testid="selection-cancel" onClick={() => run.cancel()} disabled={snap.phase !== 'running'}>
          Cancel
        </button>
        {snap.phase === 'running' && <progress aria-label="selection running" />}
        <span className="explore-status" data-testid="selection-status" data-state={snap.phase}>
          {status}
        </span>
      </div>
      <p className="explore-hint">
        Starts {spec.around ? `in the ball of radius ${fmt(spec.radius)} around (${spec.around.map(fmt).join(', ')})` : 'uniform in the domain'}, the same for SGD and GD; a run has settled in a minimum when it ends within R = {fmt(spec.settleRadius)} of it.
      </p>
      <div className="selection-grid">
        <figure className="selection-hist">
          <figcaption>
            Measured: where the runs ended, SGD with B = {ran?.B ?? config.B} beside GD (the chart’s legend)
          </figcaption>
          <ChartBox create={createSelectionHistogram} model={hist} />
          {verdict && (
            <div className="selection-verdict" data-testid="selection-verdict">
              Settled runs ending in a minimum the theory calls SGD-stable (ρ(𝒯) ≤ 1) at this η, B: {verdict.join(', ')}
            </div>
          )}
        </figure>
        <figure className="selection-scatter">
          <figcaption>
            Measured: the selected minima’s (a, s) in the current rectangle (theory)
          </figcaption>
          <ChartBox create={createSelectionScatter} model={scatter} />
        </figure>
        <figure className="selection-atlas">
          <figcaption className="atlas-counter" data-testid="atlas-counter" data-error={snap.atlasError ?? ''} data-k={k} data-m={m} data-n={N} aria-live="polite">
            {snap.atlasError ? `Theory: ${snap.atlasError}; Run asks again` : atlas ? `Theory: ${k} of ${N} minima are stable for SGD, ${m} for GD at η = ${fmt(atlas.eta)}, B = ${atlas.B}` : 'Theory: computing the minima atlas …'}
          </figcaption>
          <ChartBox create={createStabilityDiagram} options={atlasHandlers} model={diagram} />
        </figure>
      </div>
    </section>
  );
}
