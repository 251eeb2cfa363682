/**
 * The same configuration's SGD ensemble stepped directly (src/core/engine), in
 * chunks of `chunk` steps, for about `seconds` after a warm-up: the engine's
 * figure on the live problem, without the session's slicing and frames.
 */
export function ensembleRate(query: string, seconds: number, warmS = 0.5, chunk = 1000): SessionRate {
  const { problem, config } = buildProblem(decodeQuery(query.replace(/^\?/, '')).config);
  const ens = makeEnsemble(problem, config, 'sgd', null);
  if (!ens) throw new Error(`${query} has no SGD ensemble`);
  const t0 = performance.now();
  let warm: { t: number; at: number } | null = null;
  for (;;) {
    if (ens.t + chunk > config.steps) throw new Error(`the ensemble of ${query} ended before ${warmS + seconds} s`);
    ens.advance(chunk);
    const now = performance.now();
    if (!warm) {
      if (now - t0 >= warmS * 1000) warm = { t: ens.t, at: now };
      continue;
    }
    if (now - warm.at >= seconds * 1000) {
      const steps = ens.t - warm.t;
      const s = (now - warm.at) / 1000;
      const runs = ens.runs.length;
      return { query, runs, stepsPerSecond: steps / s, runStepsPerSecond: (steps * runs) / s, seconds: s, steps, frames: 0 };
    }
  }
}

/**
 * The live ensemble's speed without a page: the worker's own session code
 * (src/worker/sim-session.ts) driven in Node by a host that runs its tasks back
 * to back and acks every frame at once. The page's run-steps per second are
 * compared with this figure (README "Performance": drawing must not slow the simulation).
 */
import { buildProblem } from '../src/core/problems/build-problem';
import { decodeQuery } from '../src/core/params/query';
import { makeEnsemble } from '../src/core/prepare-run';
import type { FromWorker } from '../src/worker/protocol';
import { SimSession, type SessionHost } from '../src/worker/sim-session';

export interface SessionRate {
  query: string;
  /** SGD runs streaming (the page's status line counts the same). */
  runs: number;
  /** Steps of each run per second, after the warm-up. */
  stepsPerSecond: number;
  /** stepsPerSecond × runs. */
  runStepsPerSecond: number;
  /** The measured stretch: seconds and steps after the warm-up. */
  seconds: number;
  steps: number;
  frames: number;
}

/**
 * Run `query` (as the page sends it) for `warmS + seconds` of wall time; the
 * rate is taken between the first frame after the warm-up and the last frame.
 */
export function sessionRate(query: string, seconds: number, warmS = 0.5): SessionRate {
  const tasks: Array<() => void> = [];
  let last: Extract<FromWorker, { type: 'frame' }> | null = null;
  let lastAt = 0;
  let runs = 0;
  const status = { ended: false };
  const host: SessionHost = {
    post: (m) => {
      if (m.type === 'frame') {
        last = m;
        lastAt = performance.now();
      } else if (m.type === 'started') runs = m.info.sgdRuns;
      else if (m.type === 'done' || m.type === 'error') status.ended = true;
    },
    now: () => performance.now(),
    soon: (fn) => tasks.push(fn),
    later: (fn) => tasks.push(fn),
  };
  const session = new SimSession(host);
  session.handle({ type: 'start', id: 1, query: query.replace(/^\?/, ''), stepsPerSecond: Infinity, paused: false });
  const t0 = performance.now();
  let warm: { t: number; at: number } | null = null;
  let frames = 0;
  while (tasks.length > 0 && !status.ended) {
    tasks.shift()!();
    const f = last as Extract<FromWorker, { type: 'frame' }> | null;
    if (f) {
      last = null;
      session.handle({ type: 'ack', id: f.id });
      if (warm) frames++;
      else if (lastAt - t0 >= warmS * 1000) warm = { t: f.t, at: lastAt };
      if (warm && lastAt - warm.at >= seconds * 1000) {
        const steps = f.t - warm.t;
        const s = (lastAt - warm.at) / 1000;
        session.handle({ type: 'cancel', id: 1 });
        return { query, runs, stepsPerSecond: steps / s, runStepsPerSecond: (steps * runs) / s, seconds: s, steps, frames };
      }
    }
  }
  throw new Error(`the session ended before ${warmS + seconds} s of ${query}`);
}
