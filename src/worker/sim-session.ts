import { ensemblesSettled, SETTLE_EVERY } from '../core/engine/settled';
import { runFor } from '../core/in-pieces';
import { decodeQuery } from '../core/params/query';
import { prepareRun, startEnsembles } from '../core/prepare-run';
import { RunCache } from '../core/run-cache';
import type { MinimumTheory } from '../core/theory/analyse-minimum';
import { alignmentPart, keepsPositions, newStream, pushTrail, streamPart, trailStride, type Stream } from './live-stream';
import type { FromWorker, ToWorker } from './protocol';
import { transferables } from './protocol';
import { theoryWork, THEORY_INLINE_WORK } from './run-costs';
import { newCurrent, observeAlignment, shareOf, startedInfo, workOnAlignment, type Current } from './session-state';

/** What the session needs from its host (the worker global, or a test). */
export interface SessionHost {
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  /** Run fn as a new task soon (the worker uses a MessageChannel: no 4 ms clamp). */
  soon(fn: () => void): void;
  /** Run fn after ms milliseconds (for slow speeds: no busy waiting). */
  later(fn: () => void, ms: number): void;
  /**
   * Compute theoryOfMinima for the query elsewhere (the worker: a theory worker of its own,
   * so the runs stream meanwhile and a cancel ends it at once). Without it the session
   * computes the theory itself before the first frame.
   */
  theory?(query: string): Promise<MinimumTheory[]>;
  /** Abandon the theory requested last (its promise never settles). */
  cancelTheory?(): void;
}

/**
 * Compute for about this long, then yield so messages (a new start, cancel, pause) land
 * soon: a slider's new value waits for the end of the slice under way. 5 ms rather than
 * 8 took 5–20 ms off the median of the first new point (three alternated runs of 16
 * changes each), with no change in the streams' run-steps per second.
 */
const SLICE_MS = 5;
/**
 * A new run's first slice is shorter and runs at once: its first frame then already
 * has steps in it, so the page draws the new run's first point one round trip sooner
 * (no t = 0 frame to draw and ack first; README performance section), and a millisecond
 * of steps is enough for that.
 */
const FIRST_SLICE_MS = 1;
const MIN_FRAME_MS = 16;
/** Without an ack for this long, send anyway (a lost ack must not stall the view). */
const ACK_TIMEOUT_MS = 250;

/**
 * One simulation at a time, advanced in ~5 ms slices. A newer `start` or a
 * `cancel` replaces the current one at once; a cancelled simulation posts
 * nothing more. Frames go out at most once per animation frame (the page acks).
 */
export class SimSession {
  private cur: Current | null = null;
  /** The id of the last start (the theory of an earlier one is dropped). */
  private latestStart = -1;
  /** The problem, landscape and theories kept between starts (the retune path). */
  readonly cache = new RunCache();

  /** @param theoryInlineWork above this theoryWork the theory is deferred (when the host can compute it). */
  constructor(
    private readonly host: SessionHost,
    private readonly theoryInlineWork = THEORY_INLINE_WORK,
  ) {}

  /** The id of the running simulation, or −1. */
  get currentId(): number {
    return this.cur ? this.cur.id : -1;
  }

  handle(msg: ToWorker): void {
    if (msg.type === 'start') return this.start(msg);
    if (msg.type === 'crash') throw new Error('worker crash requested (test hook)');
    if (msg.type === 'cancel' && msg.id === this.latestStart) {
      // Also the theory of a run that has finished: nothing of it is posted after a cancel.
      this.host.cancelTheory?.();
      this.latestStart = -1;
    }
    const c = this.cur;
    if (!c || c.id !== msg.id) return; // stale: belongs to a cancelled simulation
    switch (msg.type) {
      case 'cancel':
        this.drop(c);
        return;
      case 'pause':
        c.paused = true;
        this.postFrame(c, true);
        return;
      case 'resume':
        c.paused = false;
        this.resetEpoch(c);
        this.schedule(c);
        return;
      case 'step':
        c.pendingSteps += Math.max(1, Math.floor(msg.steps));
        this.schedule(c);
        return;
      case 'share':
        c.share = shareOf(msg.share);
        return;
      case 'speed':
        c.stepsPerSecond = msg.stepsPerSecond > 0 ? msg.stepsPerSecond : Infinity;
        this.resetEpoch(c);
        this.schedule(c);
        return;
      case 'ack':
        c.acked = true;
        return;
    }
  }

  private start(msg: Extract<ToWorker, { type: 'start' }>): void {
    if (this.cur) this.drop(this.cur);
    this.host.cancelTheory?.();
    this.latestStart = msg.id;
    const decoded = decodeQuery(msg.query);
    // Refused formulas run nothing, not even the defaults they were replaced by: a run the
    // user did not type would be mistaken for theirs.
    const refused = decoded.issues.filter((i) => i.key === 'f');
    if (refused.length > 0) {
      this.host.post({ type: 'error', id: msg.id, message: `nothing runs: ${refused.map((i) => i.message).join('; ')}` }, []);
      return;
    }
    // Only η, B, sampling, seed … changed: the problem, its landscape and its theories are kept.
    const { built, key } = this.cache.problemOf(decoded.config);
    const run = prepareRun(decoded.config, built);
    // With a GD phase the streams start when it switches (runGdPhase).
    const ens = run.phase ? { sgd: null, gd: null } : startEnsembles(run, { keepPositions: keepsPositions(run.problem, run.config) });
    const c = newCurrent(msg, run, ens, this.host.now());
    this.cur = c;
    const deferTheory = !msg.lean && this.host.theory !== undefined && theoryWork(run.problem) > this.theoryInlineWork;
    for (const str of [c.sgd, c.gd]) if (str) pushTrail(str, c.problem.dim);
    this.host.post({ type: 'started', id: c.id, info: startedInfo(c, decoded.issues, { lean: !!msg.lean, deferTheory, cache: this.cache, problemKey: key, knownProblem: msg.knownProblem }) }, []);
    observeAlignment(c);
    // Paused, or behind a GD phase (whose frames show GD's progress from its first step): a frame at t = 0.
    if (c.paused || c.phase) {
      this.postFrame(c, true);
      this.schedule(c);
    } else {
      this.slice(c, FIRST_SLICE_MS);
    }
    if (deferTheory) this.requestTheory(c.id, msg.query);
  }

  /** The theory of a large model, after the first frame; posted unless a newer start replaced the run. */
  private requestTheory(id: number, query: string): void {
    this.host.theory!(query).then(
      (minima) => {
        if (this.latestStart === id) this.host.post({ type: 'theory', id, minima }, []);
      },
      (err: unknown) => {
        if (this.latestStart === id) this.host.post({ type: 'theory', id, minima: [], error: err instanceof Error ? err.message : String(err) }, []);
      },
    );
  }

  /**
   * GD until the loss is below switchloss, then the theory at its switch point,
   * both in slices; then the streams start at the switch point (Wu–Wang–Su Fig. 4). False while GD runs or when nothing
   * runs after it.
   */
  private runGdPhase(c: Current, start: number, budget: number): boolean {
    const ph = c.phase!;
    while (!ph.finished && this.host.now() - start < budget) ph.advance(8);
    if (!ph.finished) {
      this.postFrame(c, false);
      this.schedule(c);
      return false;
    }
    // The theory at the switch point (O(n³)) in slices too, so that no slice holds the worker long.
    if (c.switchInfo === null) {
      c.switchWork ??= ph.infoInPieces();
      const r = runFor(c.switchWork, start + budget, () => this.host.now());
      if (!r.done) {
        this.postFrame(c, false);
        this.schedule(c);
        return false;
      }
      c.switchInfo = r.value;
      c.switchWork = null;
    }
    const ens = startEnsembles(c.run, { keepPositions: keepsPositions(c.problem, c.config) });
    c.sgd = newStream(ens.sgd);
    c.gd = newStream(ens.gd);
    if (!c.sgd && !c.gd) {
      this.postFrame(c, true);
      this.host.post({ type: 'done', id: c.id, t: 0, reason: 'steps', sgd: null, gd: null, switch: c.switchInfo }, []);
      this.cur = null;
      return false;
    }
    for (const s of [c.sgd, c.gd]) if (s) pushTrail(s, c.problem.dim);
    observeAlignment(c);
    this.postFrame(c, true);
    return true;
  }

  /**
   * End the current simulation: nothing of it runs or is posted again, and its runs'
   * history buffers go to the next start's runs (a retune builds as many as it drops).
   */
  private drop(c: Current): void {
    if (this.cur === c) this.cur = null;
    c.sgd?.ens.release();
    c.gd?.ens.release();
  }

  private resetEpoch(c: Current): void {
    c.epoch = this.host.now();
    c.epochSteps = 0;
  }

  private schedule(c: Current, delay = 0): void {
    if (c.scheduled) return;
    c.scheduled = true;
    const run = () => {
      c.scheduled = false;
      if (this.cur === c) this.slice(c);
    };
    if (delay > 0) this.host.later(run, delay);
    else this.host.soon(run);
  }

  /** How many steps the speed control allows now. */
  private allowed(c: Current): number {
    if (c.paused) return c.pendingSteps;
    if (!Number.isFinite(c.stepsPerSecond)) return Number.MAX_SAFE_INTEGER;
    return Math.floor((c.stepsPerSecond * (this.host.now() - c.epoch)) / 1000) - c.epochSteps;
  }

  private slice(c: Current, budget = SLICE_MS): void {
    const start = this.host.now();
    if (c.phase && !c.sgd && !c.gd && !this.runGdPhase(c, start, budget)) return;
    // The alignment points queued so far come first (a companion run's; session-state.ts).
    const out = () => this.host.now() - start >= budget;
    if (!workOnAlignment(c, out)) {
      this.postFrame(c, false);
      this.schedule(c);
      return;
    }
    let waitMs = 0;
    while (c.t < c.steps) {
      const allowed = this.allowed(c);
      if (allowed <= 0) {
        waitMs = c.paused ? 0 : Math.max(1, Math.ceil(1000 / c.stepsPerSecond));
        break;
      }
      let k = Math.min(allowed, c.chunk, c.steps - c.t);
      // The settled rule is checked on a fixed grid of steps (core/engine/settled.ts).
      if (c.stopRule === 'settled') k = Math.min(k, SETTLE_EVERY - (c.t % SETTLE_EVERY));
      if (c.alignEvery > 0) k = Math.min(k, c.alignEvery - (c.t % c.alignEvery));
      const t0 = this.host.now();
      this.advance(c, k);
      observeAlignment(c);
      if (c.alignQueue.length > 0 && !workOnAlignment(c, out)) break;
      const dt = this.host.now() - t0;
      // Aim for chunks of about a millisecond.
      c.chunk = dt < 0.5 ? Math.min(c.chunk * 2, 1 << 24) : dt > 2 ? Math.max(1, c.chunk >> 1) : c.chunk;
      if (c.paused) c.pendingSteps -= k;
      else c.epochSteps += k;
      if (this.settled(c)) break;
      if (out()) break;
    }
    if (this.cur !== c) return;
    const finished = (c.t >= c.steps || this.settled(c)) && c.alignQueue.length === 0;
    if (finished) {
      this.postFrame(c, true);
      this.host.post(
        {
          type: 'done',
          id: c.id,
          t: c.t,
          reason: c.t >= c.steps ? 'steps' : 'settled',
          sgd: c.sgd?.ens.summary() ?? null,
          gd: c.gd?.ens.summary() ?? null,
          ...(c.switchInfo ? { switch: c.switchInfo } : {}),
        },
        [],
      );
      this.drop(c);
      return;
    }
    // With a share below 1 (several configurations, each in its own worker), rest in proportion
    // to the work just done, so that all of them together leave a core to the page.
    if (c.share < 1 && !c.paused) waitMs = Math.max(waitMs, (this.host.now() - start) * (1 / c.share - 1));
    // While paused every single step is shown.
    this.postFrame(c, c.paused);
    if (c.paused && c.pendingSteps <= 0 && c.alignQueue.length === 0) return; // wait for resume or step
    this.schedule(c, waitMs);
  }

  /** Advance both optimisers by k steps in lockstep, keeping run 0's trail. */
  private advance(c: Current, k: number): void {
    const d = c.problem.dim;
    const streams = [c.sgd, c.gd].filter((s): s is Stream => s !== null);
    const stride = trailStride(k, c.t, d);
    let done = 0;
    while (done < k) {
      const inc = Math.min(stride, k - done);
      for (const s of streams) {
        s.ens.advance(inc);
        pushTrail(s, d);
      }
      done += inc;
    }
    c.t += k;
  }


  private settled(c: Current): boolean {
    if (c.stopRule !== 'settled' || c.t % SETTLE_EVERY !== 0) return false;
    const ens = [c.sgd, c.gd].filter((s): s is Stream => s !== null).map((s) => s.ens);
    return ensemblesSettled(c.problem, ens);
  }

  private postFrame(c: Current, force: boolean): void {
    const now = this.host.now();
    if (!force && (now - c.lastPost < MIN_FRAME_MS || (!c.acked && now - c.lastPost < ACK_TIMEOUT_MS))) return;
    if (now - c.rateTime >= 250) {
      c.rate = ((c.t - c.rateT) * 1000) / (now - c.rateTime);
      c.rateT = c.t;
      c.rateTime = now;
    }
    const msg: FromWorker = {
      type: 'frame',
      id: c.id,
      t: c.t,
      stepsPerSecond: c.rate,
      running: !c.paused,
      sgd: c.sgd ? streamPart(c.sgd, c.problem.dim) : null,
      gd: c.gd ? streamPart(c.gd, c.problem.dim) : null,
      ...(c.phase && !c.sgd && !c.gd ? { gdPhase: { steps: c.phase.run.t, loss: c.phase.loss } } : {}),
      ...alignmentPart(c.align),
    };
    c.acked = false;
    c.lastPost = now;
    this.host.post(msg, transferables(msg));
  }


}
