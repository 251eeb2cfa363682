import type { RunsSummary } from '../../core/engine/ensemble';
import { stabilityRectangle } from '../../core/stability-region';
import type { LiveRun } from '../sim/live-run';
import { escapedBy, scrubAt } from '../sim/scrub';
import type { DescribedMeasurement, DiagramDescription } from './describe-diagram';

/**
 * The diagram's description from what the page already holds: the run's own
 * configuration and the worker's theory of its start minimum (StartedInfo), the
 * counts from the run's buffers while it streams, and the worker's summary once it is
 * done (the numbers `npm run sim` prints). Reading everything from one run keeps the
 * words consistent with the picture while a new run is starting.
 */
export function diagramDescriptionOf(run: LiveRun, summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null): DiagramDescription {
  const { info } = run;
  const c = info.config;
  const rect = stabilityRectangle(c.eta, info.problem.n, c.B, c.sampling);
  const m = info.minima[info.center];
  const start = m
    ? {
        label: m.label,
        a: m.sharpness,
        s: m.nonUniformity,
        inRectangle: m.inRectangle,
        stableSGD: m.stableSGD,
        stableGD: m.stableGD,
        saddle: m.saddle,
        handPlaced: c.problem === 'point',
      }
    : null;
  return { eta: c.eta, B: c.B, rectangle: rect, start, theoryPending: info.theoryPending, measured: measuredOf(run, summary) };
}

function measuredOf(run: LiveRun, summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null): DescribedMeasurement | null {
  const sgd = run.sgd;
  if (!sgd) return null;
  const at = scrubAt(run);
  if (at) return { escaped: escapedBy(sgd, at.t), runs: sgd.K, step: at.t, done: true, gd: null };
  const s = run.done ? summary?.sgd : null;
  if (s) {
    const g = summary?.gd ?? null;
    const gd = g ? (g.diverged > 0 ? { state: 'diverged' as const, step: g.divergedSteps[0] } : g.escaped > 0 ? { state: 'escaped' as const } : { state: 'stayed' as const }) : null;
    return { escaped: s.escaped, runs: s.runs, step: s.stepsDone, done: true, gd };
  }
  if (run.t === 0) return null;
  let escaped = 0;
  for (let r = 0; r < sgd.K; r++) if (sgd.escapeStep[r] >= 0) escaped++;
  const g = run.gd;
  const gd = g ? (g.divergedStep[0] >= 0 ? { state: 'diverged' as const, step: g.divergedStep[0] } : g.escapeStep[0] >= 0 ? { state: 'escaped' as const } : { state: 'stayed' as const }) : null;
  return { escaped, runs: sgd.K, step: run.t, done: false, gd };
}
