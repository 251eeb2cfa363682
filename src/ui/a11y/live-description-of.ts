import type { LiveRun } from '../sim/live-run';
import type { RunBuffers } from '../sim/run-buffers';
import type { DescribedCurve, LandscapeDescription, SeriesDescription } from './describe-live';

/*
 * The live views' descriptions from what the page already holds (docs/accessibility.md#wording-rules):
 * the run's buffers for what was measured (the curves the charts draw), the worker's
 * theory of the start minimum for what is predicted. Nothing is recomputed.
 */

/** A recorded curve's first, last and highest finite values. */
function curveOf(step: Float64Array, values: ArrayLike<number>, count: number, offset = 0): DescribedCurve | null {
  type Point = DescribedCurve['first'];
  let first: Point | null = null;
  let last: Point | null = null;
  let peak: Point | null = null;
  for (let j = 0; j < count; j++) {
    const value = values[offset + j];
    if (!Number.isFinite(value)) continue;
    const p = { value, step: step[j] };
    first ??= p;
    last = p;
    if (!peak || value > peak.value) peak = p;
  }
  return first && last && peak ? { first, last, peak } : null;
}

function sgdCurve(b: RunBuffers, field: 'loss' | 'dist'): DescribedCurve | null {
  if (b.count === 0) return null;
  if (b.K === 1) return curveOf(b.step, field === 'loss' ? b.loss : b.dist, b.count);
  const c = b.summaryCurves();
  return curveOf(c.step, field === 'loss' ? c.meanLoss : c.meanDist, c.step.length);
}

/** The escape burst's (`loss`) or the distance chart's (`dist`) description of a run. */
export function seriesDescriptionOf(run: LiveRun, field: 'loss' | 'dist'): SeriesDescription {
  const c = run.info.config;
  const m = run.info.minima[run.info.center];
  const g = run.gd;
  const gd = !g || g.count === 0 ? null : g.divergedStep[0] >= 0 ? { diverged: g.divergedStep[0] } : curveOf(g.step, field === 'loss' ? g.loss : g.dist, g.count);
  const theory = m?.fixedPoint
    ? { rho: Number.isFinite(m.spectralRadius) && m.spectralRadius > 0 ? m.spectralRadius : null, lyapunov: Number.isFinite(m.lyapunov.value) ? m.lyapunov.value : null }
    : undefined;
  return {
    field,
    eta: c.eta,
    B: c.B,
    runs: run.sgd?.K ?? 0,
    sgd: run.sgd ? sgdCurve(run.sgd, field) : null,
    gd,
    done: run.done,
    ...(field === 'dist' ? { radius: c.escape, theory } : {}),
  };
}

/** The landscape's description: its axes, its minima's verdicts, run 0 and GD where they are now. */
export function landscapeDescriptionOf(run: LiveRun, coords: [number, number]): LandscapeDescription {
  const { info } = run;
  const kind = info.landscape.kind;
  const [ci, cj] = kind === '1d' ? [0, 0] : coords;
  const axes = kind === '1d' ? ['x'] : kind === '2d' ? ['x', 'y'] : [`x${ci + 1}`, `x${cj + 1}`];
  const at = (b: RunBuffers | null) => (b && b.divergedStep[0] < 0 ? (kind === '1d' ? [b.x[0]] : [b.x[ci], b.x[cj]]) : null);
  return {
    eta: info.config.eta,
    B: info.config.B,
    axes,
    minima: info.minima.filter((m) => !m.saddle).map((m) => ({ stableSGD: m.stableSGD, stableGD: m.stableGD })),
    run0: at(run.sgd),
    gd: at(run.gd),
    step: run.t,
  };
}
