import { describe, expect, it } from 'vitest';
import { Ensemble } from '../../src/core/engine/ensemble';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { ensembleSpec } from '../../src/core/simulate';
import { RunBuffers } from '../../src/ui/sim/run-buffers';
import type { FromWorker } from '../../src/worker/protocol';
import { SimSession } from '../../src/worker/sim-session';

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
