import { runKernel } from '../core/kernels/run-kernel';
import type { GdPhase, SwitchInfo } from '../core/engine/switch-protocol';
import type { InPieces } from '../core/in-pieces';
import type { Config } from '../core/params/param-table';
import { encodeQuery, type ParamIssue } from '../core/params/query';
import type { PreparedRun } from '../core/prepare-run';
import type { Ensemble } from '../core/engine/ensemble';
import type { Problem } from '../core/problems/problem';
import { isSquareLoss } from '../core/problems/square-loss';
import type { RunCache } from '../core/run-cache';
import { AlignmentInPieces } from '../core/theory/alignment';
import { emptyAlign, newStream, type AlignBuffer, type Stream } from './live-stream';
import type { StartedWire, ToWorker } from './protocol';
import { alignmentEvery } from './run-costs';

/** Everything the session keeps of its one running simulation. */
export interface Current {
  id: number;
  /** The prepared run (src/core/prepare-run.ts); problem, config and phase are its. */
  run: PreparedRun;
  problem: Problem;
  config: Config;
  /** Wu–Wang–Su's GD phase (switchloss > 0): the streams exist only after it. */
  phase: GdPhase | null;
  switchInfo: SwitchInfo | null;
  /** The theory at the switch point while it is computed, a slice at a time (runGdPhase). */
  switchWork: InPieces<SwitchInfo> | null;
  alignEvery: number;
  lastAlignT: number;
  /** Alignment points being computed, oldest first (workOnAlignment). */
  alignQueue: Array<{ t: number; work: AlignmentInPieces }>;
  align: AlignBuffer;
  steps: number;
  stopRule: 'steps' | 'settled';
  sgd: Stream | null;
  gd: Stream | null;
  t: number;
  paused: boolean;
  /** Steps requested by single-step while paused. */
  pendingSteps: number;
  stepsPerSecond: number;
  /** The share of one core: after a slice of s ms the session rests s·(1/share − 1) ms. */
  share: number;
  /** Speed accounting: steps taken since `epoch`. */
  epoch: number;
  epochSteps: number;
  acked: boolean;
  lastPost: number;
  /** Steps per chunk, adapted so a chunk takes about a millisecond. */
  chunk: number;
  scheduled: boolean;
  rateT: number;
  rateTime: number;
  rate: number;
}

/** The state of a simulation just started (its streams from `ens`; none yet behind a GD phase). */
export function newCurrent(msg: Extract<ToWorker, { type: 'start' }>, run: PreparedRun, ens: { sgd: Ensemble | null; gd: Ensemble | null }, now: number): Current {
  const { problem, config } = run;
  return {
    id: msg.id,
    run,
    problem,
    config,
    phase: run.phase,
    switchInfo: null,
    switchWork: null,
    // Only a companion run (lean) wants the alignment: the live view does not keep it.
    alignEvery: msg.lean ? alignmentEvery(problem, config.steps) : 0,
    lastAlignT: -1,
    alignQueue: [],
    align: emptyAlign(),
    steps: config.steps,
    stopRule: config.stop,
    sgd: newStream(ens.sgd),
    gd: newStream(ens.gd),
    t: 0,
    paused: msg.paused,
    pendingSteps: 0,
    stepsPerSecond: msg.stepsPerSecond > 0 ? msg.stepsPerSecond : Infinity,
    share: shareOf(msg.share),
    epoch: now,
    epochSteps: 0,
    acked: true,
    lastPost: -Infinity,
    chunk: 1,
    scheduled: false,
    rateT: 0,
    rateTime: now,
    rate: 0,
  };
}

/** A share of one core from a message: within (0, 1], else 1. */
export function shareOf(s: number | undefined): number {
  return s !== undefined && s > 0 && s <= 1 ? s : 1;
}

/**
 * What the page is told when a simulation starts: the configuration as run,
 * its problem, the theory of the minima (none for a companion run (`lean`); for a
 * large model (`deferTheory`) it follows in a `theory` message) and the landscape
 * (left out when the page holds it already). Landscape and theory come from the
 * session's run cache, so a retuned run computes neither again.
 */
export function startedInfo(c: Current, decodedIssues: ParamIssue[], how: { lean: boolean; deferTheory: boolean; cache: RunCache; problemKey: string; knownProblem?: string }): StartedWire {
  const { problem, config, phase } = c;
  return {
    config,
    problemKey: how.problemKey,
    permalink: encodeQuery(config),
    issues: [...decodedIssues, ...c.run.issues],
    problem: {
      kind: problem.kind,
      dim: problem.dim,
      n: problem.n,
      notes: problem.notes,
      domain: problem.domain ? { lo: Array.from(problem.domain.lo), hi: Array.from(problem.domain.hi) } : null,
    },
    minima: how.lean || how.deferTheory ? [] : how.cache.theoryOf(c.run.built, config),
    theoryPending: how.deferTheory,
    center: (c.sgd ?? c.gd)?.ens.centerIndex ?? config.start,
    // A retuned run's page already holds the landscape (its problem was kept).
    landscape: how.knownProblem === how.problemKey ? null : how.cache.landscapeOf(c.run.built),
    sgdRuns: c.sgd ? c.sgd.ens.runs.length : phase && config.opt.includes('sgd') ? config.runs : 0,
    gdRuns: c.gd || (phase && config.opt.includes('gd')) ? 1 : 0,
    kernel: runKernel(problem, config),
  };
}

/** α, β, μ, γ of run 0's iterate, once per grid step: queued here, computed by workOnAlignment. */
export function observeAlignment(c: Current): void {
  const s = c.sgd ?? c.gd;
  const p = c.problem;
  if (!s || c.alignEvery === 0 || c.t % c.alignEvery !== 0 || c.lastAlignT === c.t || !isSquareLoss(p)) return;
  c.lastAlignT = c.t;
  const run = s.ens.runs[0];
  if (run.done) return;
  c.alignQueue.push({ t: c.t, work: new AlignmentInPieces(p, run.x) });
}

/**
 * Compute the queued alignment points until `stop()`; true when none is left.
 * One point costs O(n²p) (about 130 ms at n = 200, p = 1000), so it is spread
 * over slices and a cancel still lands within one.
 */
export function workOnAlignment(c: Current, stop: () => boolean): boolean {
  while (c.alignQueue.length > 0) {
    const { t, work } = c.alignQueue[0];
    const a = work.advance(stop);
    if (a === null) return false;
    c.alignQueue.shift();
    // Past an overflow (a diverging run) the quantities are not defined: no point.
    if (![a.loss, a.alpha, a.beta, a.mu, a.gamma].every(Number.isFinite)) continue;
    const b = c.align;
    b.step.push(t);
    b.loss.push(a.loss);
    b.alpha.push(a.alpha);
    b.beta.push(a.beta);
    b.mu.push(a.mu);
    b.gamma.push(a.gamma);
    if (stop()) return c.alignQueue.length === 0;
  }
  return true;
}
