import type { FromWorker, StartedInfo } from '../../worker/protocol';
import { RunBuffers } from './run-buffers';

/** What the views draw from: one simulation's buffers, replaced on each start. */
export interface LiveRun {
  id: number;
  info: StartedInfo;
  sgd: RunBuffers | null;
  gd: RunBuffers | null;
  t: number;
  done: boolean;
}

/** The empty buffers of a simulation the worker has just started. */
export function startedRun(id: number, info: StartedInfo): LiveRun {
  const budget = info.config.hist;
  return {
    id,
    info,
    sgd: info.sgdRuns > 0 ? new RunBuffers(info.sgdRuns, info.problem.dim, budget) : null,
    gd: info.gdRuns > 0 ? new RunBuffers(info.gdRuns, info.problem.dim, budget) : null,
    t: 0,
    done: false,
  };
}

/** A streamed frame into its run's buffers; false when it belongs to another (cancelled) run. */
export function applyFrame(run: LiveRun | null, m: Extract<FromWorker, { type: 'frame' }>): boolean {
  if (!run || run.id !== m.id) return false;
  if (m.sgd && run.sgd) run.sgd.apply(m.sgd);
  if (m.gd && run.gd) run.gd.apply(m.gd);
  run.t = m.t;
  return true;
}
