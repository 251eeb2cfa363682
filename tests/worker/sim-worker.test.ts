import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { simulateQuery } from '../../src/core/simulate';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

function open() {
  const worker = new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' });
  const got: FromWorker[] = [];
  const waiters: Array<() => void> = [];
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    got.push(e.data);
    if (e.data.type === 'frame') worker.postMessage({ type: 'ack', id: e.data.id } satisfies ToWorker);
    waiters.splice(0).forEach((w) => w());
  };
  const until = async (pred: () => boolean, ms = 20000) => {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error('timeout');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const send = (m: ToWorker) => worker.postMessage(m);
  return { worker, got, until, send };
}

describe('the simulation worker (a real worker file)', () => {
  it('starts, streams and finishes with the core’s checksum', async () => {
    const { worker, got, until, send } = open();
    const query = 'problem=toy&eta=0.7&B=1&seed=3&runs=40&steps=400';
    send({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false });
    await until(() => got.some((m) => m.type === 'done'));
    const done = got.find((m) => m.type === 'done') as Extract<FromWorker, { type: 'done' }>;
    expect(got[0].type).toBe('started');
    expect(got.some((m) => m.type === 'frame')).toBe(true);
    expect(done.sgd!.checksum).toBe(simulateQuery(query).runs.sgd!.checksum);
    worker.terminate();
  });

  it('sends nothing more after a cancel', async () => {
    const { worker, got, until, send } = open();
    send({ type: 'start', id: 7, query: 'problem=toy&steps=10000000&runs=200', stepsPerSecond: Infinity, paused: false });
    await until(() => got.some((m) => m.type === 'frame'));
    send({ type: 'cancel', id: 7 });
    await new Promise((r) => setTimeout(r, 100));
    const count = got.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(got.length).toBe(count);
    expect(got.some((m) => m.type === 'done')).toBe(false);
    worker.terminate();
  });

  it('reports a throw with its message instead of dying silently', async () => {
    const { worker, got, until, send } = open();
    send({ type: 'crash', id: 9 });
    await until(() => got.some((m) => m.type === 'error'));
    expect((got.find((m) => m.type === 'error') as Extract<FromWorker, { type: 'error' }>).message).toMatch(/crash/);
    worker.terminate();
  });

  it('starts a large model at once and streams its theory, from a worker of its own, when it is ready', async () => {
    const { worker, got, until, send } = open();
    // n²·p + n³ ≈ 3.8·10⁷: over the inline budget, so the theory is deferred.
    const query = 'problem=features&n=180&width=1000&eta=0.05&B=1&seed=3&runs=4&steps=400';
    send({ type: 'start', id: 5, query, stepsPerSecond: Infinity, paused: false });
    await until(() => got.some((m) => m.type === 'theory'), 60000);
    const started = got[0] as Extract<FromWorker, { type: 'started' }>;
    expect(started.type).toBe('started');
    expect(started.info.theoryPending).toBe(true);
    expect(started.info.minima).toEqual([]);
    const theoryAt = got.findIndex((m) => m.type === 'theory');
    expect(got.findIndex((m) => m.type === 'frame')).toBeLessThan(theoryAt);
    const theory = got[theoryAt] as Extract<FromWorker, { type: 'theory' }>;
    expect(theory.error).toBeUndefined();
    // (tests/worker/sim-session.test.ts compares a deferred theory with the core's, number for number.)
    expect(theory.minima.map((m) => m.label)).toEqual(['min-norm interpolant']);
    expect(theory.minima.length).toBe(1);
    expect(theory.minima[0].spectralRadius).toBeGreaterThan(0);
    worker.terminate();
  }, 90000);
});
