import { describe, expect, it } from 'vitest';
import { simulateQuery } from '../../src/core/simulate';
import type { FromWorker } from '../../src/worker/protocol';
import { SimSession, type SessionHost } from '../../src/worker/sim-session';

describe('a network in the simulation session behind the worker', () => {
  it('ends with the checksums `npm run sim` prints for the link', () => {
    const sent: FromWorker[] = [];
    const tasks: Array<() => void> = [];
    let clock = 0;
    const host: SessionHost = { post: (m) => sent.push(m), now: () => (clock += 0.01), soon: (fn) => tasks.push(fn), later: (fn) => tasks.push(fn) };
    const session = new SimSession(host);
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
