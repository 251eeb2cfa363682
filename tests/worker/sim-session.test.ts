import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { simulateQuery, theoryOfMinima } from '../../src/core/simulate';
import { makeEnsemble } from '../../src/core/prepare-run';
import { isSquareLoss } from '../../src/core/problems/square-loss';
import { alignmentAt } from '../../src/core/theory/alignment';
import { applyFrame, startedRun } from '../../src/ui/sim/live-run';
import type { MinimumTheory } from '../../src/core/theory/analyse-minimum';
import type { FromWorker } from '../../src/worker/protocol';
import { SimSession, type SessionHost } from '../../src/worker/sim-session';
import { historyBuffers } from '../../src/core/engine/history';
import { theoryWork, THEORY_INLINE_WORK } from '../../src/worker/run-costs';

/** A host with a fake clock: each `now()` advances `tickMs` (0.01 ms), tasks run from a queue. */
function fakeHost(tickMs = 0.01) {
  const sent: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  let clock = 0;
  const host: SessionHost = {
    post: (m) => sent.push(m),
    now: () => (clock += tickMs),
    soon: (fn) => tasks.push(fn),
    later: (fn, ms) => {
      tasks.push(() => {
        clock += ms;
        fn();
      });
    },
  };
  const drain = (limit = 1e6) => {
    for (let i = 0; i < limit && tasks.length; i++) {
      const fn = tasks.shift()!;
      fn();
      const last = sent[sent.length - 1];
      if (last?.type === 'frame') session.handle({ type: 'ack', id: last.id });
    }
  };
  const session = new SimSession(host);
  return { session, sent, drain, host, tick: (ms: number) => (clock += ms) };
}

const query = 'problem=toy&eta=0.7&B=1&seed=7&runs=60&steps=300';

describe('the simulation session behind the worker', () => {
  it('starts, streams frames and ends with the same summaries and checksums as the core', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false });
    drain();
    expect(sent[0].type).toBe('started');
    const frames = sent.filter((m) => m.type === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    expect((frames.at(-1) as Extract<FromWorker, { type: 'frame' }>).t).toBe(300);
    const done = sent.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    const core = simulateQuery(query);
    expect(done.t).toBe(300);
    expect(done.sgd!.checksum).toBe(core.runs.sgd!.checksum);
    expect(done.gd!.checksum).toBe(core.runs.gd!.checksum);
    expect(done.sgd!.fingerprint).toBe(core.runs.sgd!.fingerprint);
    expect(done.gd!.fingerprint).toBe(core.runs.gd!.fingerprint);
    expect(done.sgd!.escaped).toBe(core.runs.sgd!.escaped);
  });

  it('sends the history points once each, which rebuild the run’s own decimated history', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query: 'problem=toy&eta=0.3&seed=2&runs=3&steps=5000&hist=16', stepsPerSecond: Infinity, paused: false });
    drain();
    const steps = sent.flatMap((m) => (m.type === 'frame' && m.sgd ? Array.from(m.sgd.histSteps) : []));
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('sends every run’s iterate at each recorded step, and run 0’s path with its steps, as the core’s runs had them', () => {
    const { session, sent, drain } = fakeHost();
    const q = 'problem=circle&model=1&eta=2&seed=4&runs=5&steps=3000&hist=16';
    session.handle({ type: 'start', id: 1, query: q, stepsPerSecond: Infinity, paused: false });
    drain();
    const started = sent.find((m) => m.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    const run = startedRun(1, { ...started.info, landscape: started.info.landscape ?? { kind: "none" } });
    for (const m of sent) if (m.type === 'frame') applyFrame(run, m);
    const b = run.sgd!;
    expect(b.pos).not.toBeNull();
    const { problem, config } = buildProblem(decodeQuery(q).config);
    const twin = makeEnsemble(problem, config, 'sgd', null)!;
    const d = problem.dim;
    for (let j = 0; j < b.count; j++) {
      twin.advance(b.step[j] - twin.t);
      for (let r = 0; r < b.K; r++) {
        if (!b.alive(r, j)) continue;
        for (let c = 0; c < d; c++) expect(b.pos![(r * b.budget + j) * d + c]).toBeCloseTo(twin.runs[r].x[c], 5);
      }
    }
    // run 0's path: each point is where run 0 was at its step
    const path = makeEnsemble(problem, config, 'sgd', null)!;
    const seen = b.trailStep.length;
    expect(seen).toBe(b.trail.length / d);
    for (let p = 0; p < seen; p += Math.max(1, Math.floor(seen / 40))) {
      path.advance(b.trailStep[p] - path.t);
      for (let c = 0; c < d; c++) expect(b.trail[p * d + c]).toBe(path.runs[0].x[c]);
    }
    expect(b.trailPointsUpTo(b.trailStep[10])).toBe(11);
  });

  it('keeps no positions where runs × d × hist would be too large to send', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query: 'problem=toy&runs=1000&hist=4096&steps=20', stepsPerSecond: Infinity, paused: false });
    drain();
    const frames = sent.filter((m) => m.type === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((m) => m.type === 'frame' && m.sgd?.histX === undefined)).toBe(true);
  });

  it('with a share of half a core, rests after each slice as long as it worked, and the numbers are the same', () => {
    const rests: number[] = [];
    // a slow clock (1 ms a reading): slices of a few steps, so the run takes many
    const { session, sent, drain, host } = fakeHost(1);
    const later = host.later;
    host.later = (fn, ms) => {
      rests.push(ms);
      later(fn, ms);
    };
    session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false, share: 0.5 });
    drain();
    const done = sent.at(-1)!;
    if (done.type !== 'done') throw new Error('not done');
    expect(done.sgd!.checksum).toBe(simulateQuery(query).runs.sgd!.checksum);
    expect(rests.length).toBeGreaterThan(0);
    // each slice reads the clock several times (1 ms each): it worked at least 1 ms, and rests as long
    expect(Math.min(...rests)).toBeGreaterThanOrEqual(1);
  });

  it('takes no rest with the whole core, and a share message changes it mid-run', () => {
    const rests: number[] = [];
    const { session, drain, host } = fakeHost(1);
    const later = host.later;
    host.later = (fn, ms) => {
      rests.push(ms);
      later(fn, ms);
    };
    session.handle({ type: 'start', id: 1, query: 'problem=toy&steps=1000000', stepsPerSecond: Infinity, paused: false });
    drain(20);
    expect(rests).toEqual([]);
    session.handle({ type: 'share', id: 1, share: 0.25 });
    drain(20);
    expect(rests.length).toBeGreaterThan(0);
    session.handle({ type: 'share', id: 1, share: 7 });
    const before = rests.length;
    drain(20);
    expect(rests.length, 'a share out of (0, 1] is read as the whole core').toBeLessThanOrEqual(before + 1);
  });

  it('streams a companion run’s alignment at its grid steps, computed in pieces across slices, equal to the core’s at run 0’s iterate there', () => {
    // a slow clock (1 ms a reading): each slice has room for a few Gram rows only
    const { session, sent, drain } = fakeHost(1);
    const q = 'problem=features&n=30&width=60&eta=0.05&runs=3&steps=200&seed=2';
    session.handle({ type: 'start', id: 1, query: q, stepsPerSecond: Infinity, paused: false, lean: true });
    drain();
    expect(sent.at(-1)!.type).toBe('done');
    const steps: number[] = [];
    const alpha: number[] = [];
    for (const m of sent)
      if (m.type === 'frame' && m.align) {
        steps.push(...m.align.step);
        alpha.push(...m.align.alpha);
      }
    expect(steps.length).toBeGreaterThan(3);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const { problem, config } = buildProblem(decodeQuery(q).config);
    if (!isSquareLoss(problem)) throw new Error('not a square-loss model');
    const twin = makeEnsemble(problem, config, 'sgd', null)!;
    steps.forEach((t, i) => {
      twin.advance(t - twin.t);
      expect(alpha[i]).toBe(alignmentAt(problem, twin.runs[0].x).alpha);
    });
  });

  it('sends nothing more for a cancelled run', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query: 'problem=toy&steps=1000000', stepsPerSecond: Infinity, paused: false });
    session.handle({ type: 'cancel', id: 1 });
    const before = sent.length;
    drain();
    expect(sent.length).toBe(before);
  });

  it('replaces a running simulation when a new one starts, and ignores the old id', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query: 'problem=toy&steps=1000000', stepsPerSecond: Infinity, paused: false });
    session.handle({ type: 'start', id: 2, query: 'problem=toy&eta=0.5&steps=50', stepsPerSecond: Infinity, paused: false });
    session.handle({ type: 'pause', id: 1 });
    drain();
    const after = sent.slice(sent.findIndex((m) => m.type === 'started' && m.id === 2));
    expect(after.every((m) => m.id === 2)).toBe(true);
    expect(after.at(-1)!.type).toBe('done');
  });

  it("gives a restart the history buffers of the runs it replaces, and the restarted run's numbers are a fresh session's", () => {
    const at = (eta: number, steps: number) => `problem=toy&eta=${eta}&B=1&seed=7&runs=60&steps=${steps}`;
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 1, query: at(0.7, 1_000_000), stepsPerSecond: Infinity, paused: false });
    const made = historyBuffers.made;
    session.handle({ type: 'start', id: 2, query: at(0.5, 3000), stepsPerSecond: Infinity, paused: false });
    // 60 SGD runs and the GD run: each takes a buffer the replaced run gave back.
    expect(historyBuffers.made).toBe(made);
    drain();
    const fresh = fakeHost();
    fresh.session.handle({ type: 'start', id: 1, query: at(0.5, 3000), stepsPerSecond: Infinity, paused: false });
    fresh.drain();
    const done = (list: FromWorker[], id: number) => list.find((m) => m.type === 'done' && m.id === id) as Extract<FromWorker, { type: 'done' }>;
    expect(done(sent, 2).sgd!.fingerprint).toBe(done(fresh.sent, 1).sgd!.fingerprint);
    expect(done(sent, 2).sgd!.curves).toEqual(done(fresh.sent, 1).sgd!.curves);
    expect(done(sent, 2).gd!.fingerprint).toBe(done(fresh.sent, 1).gd!.fingerprint);
  });

  it("posts a running start's first frame after its first slice of steps, not at t = 0, so the page draws the new run's first point one round trip sooner", () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 5, query: 'problem=toy&eta=0.7&runs=20&steps=10000000', stepsPerSecond: Infinity, paused: false });
    const first = sent.find((m) => m.type === 'frame') as Extract<FromWorker, { type: 'frame' }>;
    expect(first.t).toBeGreaterThan(0);
    expect(first.sgd!.trailSteps.length).toBeGreaterThan(1);
    session.handle({ type: 'cancel', id: 5 });
    drain(10);
  });

  it('takes single steps while paused', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 3, query: 'problem=toy&steps=100', stepsPerSecond: Infinity, paused: true });
    drain();
    const lastT = () => [...sent].reverse().find((m) => m.type === 'frame')!;
    expect((lastT() as Extract<FromWorker, { type: 'frame' }>).t).toBe(0);
    session.handle({ type: 'step', id: 3, steps: 1 });
    drain();
    expect((lastT() as Extract<FromWorker, { type: 'frame' }>).t).toBe(1);
    session.handle({ type: 'step', id: 3, steps: 1 });
    drain();
    expect((lastT() as Extract<FromWorker, { type: 'frame' }>).t).toBe(2);
  });

  it('stops early under the "settled" rule once every run has escaped or converged', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 4, query: 'problem=toy&eta=0.7&runs=20&steps=100000&stop=settled', stepsPerSecond: Infinity, paused: false });
    drain();
    const done = sent.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type === 'done') {
      expect(done.reason).toBe('settled');
      expect(done.t).toBeLessThan(100000);
      // …at the same step, with the same checksum, as `npm run sim` (the rule is checked on a fixed grid of steps)
      const core = simulateQuery('problem=toy&eta=0.7&runs=20&steps=100000&stop=settled');
      expect(done.t).toBe(core.runs.sgd!.stepsDone);
      expect(done.sgd!.checksum).toBe(core.runs.sgd!.checksum);
      expect(done.sgd!.fingerprint).toBe(core.runs.sgd!.fingerprint);
    }
  });

  it('reports a diverging run by its step, with finite numbers only', () => {
    const { session, sent, drain } = fakeHost();
    session.handle({ type: 'start', id: 5, query: 'problem=toy&eta=60&runs=10&steps=2000', stepsPerSecond: Infinity, paused: false });
    drain();
    for (const m of sent) {
      if (m.type !== 'frame') continue;
      for (const part of [m.sgd, m.gd]) {
        for (const arr of [part!.x, part!.histLoss, part!.histDist]) expect(arr.every(Number.isFinite)).toBe(true);
      }
    }
    const done = sent.at(-1) as Extract<FromWorker, { type: 'done' }>;
    expect(done.gd!.diverged).toBe(1);
    expect(done.gd!.divergedSteps[0]).toBeGreaterThan(0);
  });

  describe('with the theory computed elsewhere (a large model)', () => {
    /** fakeHost with a theory service whose answers the test releases. */
    function deferringHost() {
      const base = fakeHost();
      const pending: Array<{ query: string; resolve: (m: MinimumTheory[]) => void }> = [];
      let cancelled = 0;
      const host: SessionHost = {
        post: (m) => base.sent.push(m),
        now: () => 0,
        soon: (fn) => fn(),
        later: () => {},
        theory: (q) => new Promise((resolve) => pending.push({ query: q, resolve })),
        cancelTheory: () => cancelled++,
      };
      // Every problem counts as large here.
      const session = new SimSession(host, -1);
      return { session, sent: base.sent, pending, cancelled: () => cancelled };
    }

    it('starts the runs first, marks the theory pending, then posts the same theory the core computes', async () => {
      const { session, sent, pending } = deferringHost();
      session.handle({ type: 'start', id: 4, query, stepsPerSecond: 0, paused: true });
      const started = sent[0];
      expect(started.type).toBe('started');
      if (started.type !== 'started') return;
      expect(started.info.theoryPending).toBe(true);
      expect(started.info.minima).toEqual([]);
      expect(sent.some((m) => m.type === 'frame')).toBe(true);
      expect(pending.length).toBe(1);
      const { problem, config } = buildProblem(decodeQuery(pending[0].query).config);
      pending[0].resolve(theoryOfMinima(problem, config));
      await Promise.resolve();
      const theory = sent.find((m) => m.type === 'theory');
      expect(theory && theory.type === 'theory' && theory.id).toBe(4);
      if (theory?.type !== 'theory') return;
      expect(theory.minima).toEqual(simulateQuery(query).minima);
    });

    it('drops the theory of a run that was cancelled or replaced, and cancels its computation', async () => {
      const { session, sent, pending, cancelled } = deferringHost();
      session.handle({ type: 'start', id: 1, query, stepsPerSecond: 0, paused: true });
      session.handle({ type: 'cancel', id: 1 });
      expect(cancelled()).toBeGreaterThanOrEqual(1);
      session.handle({ type: 'start', id: 2, query, stepsPerSecond: 0, paused: true });
      session.handle({ type: 'start', id: 3, query, stepsPerSecond: 0, paused: true });
      pending.forEach((p) => p.resolve([]));
      await Promise.resolve();
      expect(sent.filter((m) => m.type === 'theory').map((m) => m.id)).toEqual([3]);
    });

    it('defers only a theory larger than the inline budget: the two large models of the README, not the toy', () => {
      const big = (q: string) => theoryWork(buildProblem(decodeQuery(q).config).problem);
      expect(big('problem=features&n=200&width=1000')).toBeGreaterThan(THEORY_INLINE_WORK);
      expect(big('problem=toy')).toBeLessThan(THEORY_INLINE_WORK);
      expect(big('problem=circle&model=1')).toBeLessThan(THEORY_INLINE_WORK);
      // A random quadratic sum's theory (ρ(𝒯) on d(d+1)/2 dimensions) takes about 0.3 s at d = 30, 0.1 s at d = 20.
      expect(big('problem=random&d=30')).toBeGreaterThan(THEORY_INLINE_WORK);
      expect(big('problem=random&d=20')).toBeLessThan(THEORY_INLINE_WORK);
    });
  });
});
