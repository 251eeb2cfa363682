import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { simulateQuery } from '../../src/core/simulate';
import type { FromWorker } from '../../src/worker/protocol';
import { trailPointsPerFrame } from '../../src/worker/live-stream';
import { SimSession, type SessionHost } from '../../src/worker/sim-session';

/** A session on a fake host whose clock advances `tick` ms a reading; its scheduled slices wait in `tasks`. */
function fakeSession(tick: number) {
  const sent: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  let clock = 0;
  const host: SessionHost = { post: (m) => sent.push(m), now: () => (clock += tick), soon: (fn) => tasks.push(fn), later: (fn) => tasks.push(fn) };
  return { sent, tasks, session: new SimSession(host) };
}

describe('a network in the simulation session behind the worker', () => {
  it('ends with the checksums `npm run sim` prints for the link', () => {
    const { sent, tasks, session } = fakeSession(0.01);
    const query = 'problem=mlp&data=teacher&n=12&width=6&depth=2&activation=relu&eta=0.1&B=3&runs=3&steps=60';
    session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false });
    for (let i = 0; i < 1e5 && tasks.length; i++) {
      tasks.shift()!();
      const last = sent.at(-1);
      if (last?.type === 'frame') session.handle({ type: 'ack', id: last.id });
    }
    const done = sent.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    const core = simulateQuery(query);
    expect(done.sgd!.checksum).toBe(core.runs.sgd!.checksum);
    expect(done.gd!.checksum).toBe(core.runs.gd!.checksum);
  });
});

describe("a network's trail in the live stream", () => {
  it('carries 512 points a frame up to d = 32 and fewer for a network, never more than about 16,384 numbers (or 4 points)', () => {
    expect(trailPointsPerFrame(1)).toBe(512);
    expect(trailPointsPerFrame(32)).toBe(512);
    expect(trailPointsPerFrame(2410)).toBe(6);
    expect(trailPointsPerFrame(1e6)).toBe(4);
    for (const d of [33, 100, 2410, 13_130]) expect(trailPointsPerFrame(d) * d).toBeLessThanOrEqual(Math.max(16_384, 4 * d));
  });

  it("sends a network's frames with a trail of at most 4 frames' worth of points, each the whole iterate", () => {
    const { sent, tasks, session } = fakeSession(4);
    const query = 'problem=mlp&data=teacher&n=20&width=200&eta=0.05&B=4&runs=2&steps=400';
    const d = buildProblem(decodeQuery(query).config).problem.dim;
    expect(d).toBeGreaterThan(1000);
    session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false });
    let frames = 0;
    for (let i = 0, seen = 0; i < 1e5 && tasks.length; i++) {
      tasks.shift()!();
      for (; seen < sent.length; seen++) {
        const m = sent[seen];
        if (m.type !== 'frame') continue;
        frames++;
        const part = m.sgd!;
        expect(part.trail.length).toBe(part.trailSteps.length * d);
        expect(part.trailSteps.length).toBeLessThanOrEqual(4 * trailPointsPerFrame(d));
        session.handle({ type: 'ack', id: m.id });
      }
    }
    expect(frames).toBeGreaterThan(1);
    expect(sent.at(-1)!.type).toBe('done');
  });
});
