import type { LiveRun } from '../sim/live-run';
import type { RunBuffers } from '../sim/run-buffers';
import { theoryLines } from '../views/series-theory';
import { landscapeTable, seriesTable, type LiveTable, type TabledEnd, type TabledRuns } from './live-tables';

/*
 * The live views' tables from what the page already holds (docs/accessibility.md#wording-rules,
 * rule 9): the run's recorded curves (the points the charts draw), the worker's theory of the
 * minima, and the distance chart's own theory lines. Nothing is recomputed.
 */

function tabled(b: RunBuffers | null, field: 'loss' | 'dist'): TabledRuns | null {
  if (!b || b.count === 0) return null;
  const n = b.count;
  const base = { step: b.step.subarray(0, n), escapeStep: b.escapeStep, divergedStep: b.divergedStep };
  if (b.K === 1) return { ...base, mean: (field === 'loss' ? b.loss : b.dist).subarray(0, n) };
  const c = b.summaryCurves();
  return { ...base, mean: field === 'loss' ? c.meanLoss : c.meanDist, median: field === 'loss' ? c.medianLoss : c.medianDist };
}

/** The escape burst's (`loss`) or the distance chart's (`dist`) table of a run. */
export function seriesTableOf(run: LiveRun, field: 'loss' | 'dist'): LiveTable {
  const c = run.info.config;
  return seriesTable({
    field,
    eta: c.eta,
    B: c.B,
    sgd: tabled(run.sgd, field),
    gd: tabled(run.gd, field),
    ...(field === 'dist' ? { theory: theoryLines(run), radius: c.escape } : {}),
    done: run.done,
  });
}

/** Where run 0 of an optimiser's runs is, and when it escaped or diverged. */
function end(b: RunBuffers | null): TabledEnd | null {
  return b ? { x: b.x.subarray(0, b.d), escapeStep: b.escapeStep[0], divergedStep: b.divergedStep[0] } : null;
}

/** The landscape's table: its minima at the drawn coordinates, and run 0 and GD where they are. */
export function landscapeTableOf(run: LiveRun, coords: [number, number]): LiveTable {
  const { info } = run;
  const kind = info.landscape.kind;
  const [ci, cj] = kind === '1d' ? [0, 0] : coords;
  const drawn = kind === '1d' ? [0] : [ci, cj];
  const axes = kind === '1d' ? ['x'] : kind === '2d' ? ['x', 'y'] : [`x${ci + 1}`, `x${cj + 1}`];
  return landscapeTable({ eta: info.config.eta, B: info.config.B, axes, coords: drawn, minima: info.minima, run0: end(run.sgd), gd: end(run.gd), step: run.t, done: run.done });
}
