import { describe, expect, it } from 'vitest';
import { Ensemble } from '../../../src/core/engine/ensemble';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { ensembleSpec } from '../../../src/core/prepare-run';
import { RunBuffers, trailCapFor } from '../../../src/ui/sim/run-buffers';
import type { FromWorker } from '../../../src/worker/protocol';
import { SimSession } from '../../../src/worker/sim-session';

describe("the page's run buffers", () => {
  it("rebuild exactly each run's decimated history from the streamed frames, at bounded size", () => {
    const query = 'problem=toy&eta=0.45&seed=4&runs=8&steps=20000&hist=32';
    const sent: FromWorker[] = [];
    let clock = 0;
    const tasks: Array<() => void> = [];
    const session = new SimSession({ post: (m) => sent.push(m), now: () => (clock += 0.003), soon: (f) => tasks.push(f), later: (f) => tasks.push(f) });
    session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false });
    while (tasks.length) {
      tasks.shift()!();
      session.handle({ type: 'ack', id: 1 });
    }
    const buf = new RunBuffers(8, 1, 32);
    for (const m of sent) if (m.type === 'frame' && m.sgd) buf.apply(m.sgd);

    const { problem, config } = buildProblem(decodeQuery(query).config);
    const ens = new Ensemble(problem, ensembleSpec(config, 'sgd')).runToEnd();
    const h0 = ens.runs[3].history!;
    expect(buf.count).toBe(h0.count);
    expect(Array.from(buf.step.subarray(0, buf.count))).toEqual(Array.from(h0.step.subarray(0, h0.count)));
    for (let j = 0; j < h0.count; j++) expect(buf.dist[3 * buf.budget + j]).toBeCloseTo(h0.dist[j], 5);
    expect(buf.loss.length).toBe(8 * 32);
  });
});

describe('RunBuffers.summaryCurves()', () => {
  /** The mean and median computed from scratch, the way the curves are defined. */
  function fromScratch(b: RunBuffers) {
    const mean: number[] = [];
    const median: number[] = [];
    for (let j = 0; j < b.count; j++) {
      const v: number[] = [];
      for (let r = 0; r < b.K; r++) if (b.alive(r, j)) v.push(b.loss[r * b.budget + j]);
      v.sort((p, q) => p - q);
      mean.push(v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0);
      median.push(v.length === 0 ? 0 : v.length % 2 ? v[(v.length - 1) / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]));
    }
    return { mean, median };
  }

  it('computed frame by frame, through thinnings, equals the curves computed from scratch', () => {
    const K = 5;
    const b = new RunBuffers(K, 1, 8);
    let step = 0;
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let frame = 0; frame < 40; frame++) {
      const m = 1 + (frame % 3);
      const histSteps = Float64Array.from({ length: m }, () => (step += 1));
      const histLoss = Float64Array.from({ length: K * m }, () => next());
      const histDist = Float64Array.from({ length: K * m }, () => next());
      b.apply({ x: new Float64Array(K), histSteps, histLoss, histDist, escapeStep: new Int32Array(K).fill(-1), divergedStep: new Int32Array(K).fill(-1), trail: new Float64Array(0), trailSteps: new Float64Array(0) });
      const got = b.summaryCurves();
      const want = fromScratch(b);
      expect(got.meanLoss.length).toBe(b.count);
      for (let j = 0; j < b.count; j++) {
        expect(got.meanLoss[j]).toBeCloseTo(want.mean[j], 12);
        expect(got.medianLoss[j]).toBe(want.median[j]);
      }
    }
    expect(b.epoch).toBeGreaterThan(2);
  });
});

describe("the page's copy of run 0's trail", () => {
  it('keeps 20,000 points up to d = 100 and at most 2 M numbers for a network', () => {
    expect(trailCapFor(1)).toBe(20_000);
    expect(trailCapFor(100)).toBe(20_000);
    expect(trailCapFor(2410) * 2410).toBeLessThanOrEqual(2_000_000);
    expect(trailCapFor(1e7)).toBe(256);
  });

  it("stays within its cap over a long network run, whole and in step order, halved in detail when full", () => {
    const d = 2410;
    const b = new RunBuffers(1, d, 8);
    const cap = trailCapFor(d);
    let t = 0;
    for (let frame = 0; frame < 600; frame++) {
      const trailSteps = Float64Array.from({ length: 6 }, () => (t += 1));
      const trail = new Float64Array(6 * d).map((_, i) => trailSteps[Math.floor(i / d)]);
      b.apply({ x: new Float64Array(d), histSteps: new Float64Array(0), histLoss: new Float64Array(0), histDist: new Float64Array(0), escapeStep: new Int32Array(1).fill(-1), divergedStep: new Int32Array(1).fill(-1), trail, trailSteps });
      expect(b.trailStep.length).toBeLessThanOrEqual(cap);
      expect(b.trail.length).toBe(b.trailStep.length * d);
    }
    expect(b.trailStep[0]).toBe(1);
    for (let p = 1; p < b.trailStep.length; p++) expect(b.trailStep[p]).toBeGreaterThan(b.trailStep[p - 1]);
    // each point is still its own step's iterate
    for (const p of [0, b.trailStep.length - 1]) expect(b.trail[p * d + d - 1]).toBe(b.trailStep[p]);
  });
});
