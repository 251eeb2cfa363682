import { describe, expect, it } from 'vitest';
import { isAbortError, RpcClient, WorkerStoppedError } from '../../../src/worker/rpc/rpc-client';
import { killWorkers } from '../../../src/worker/rpc/supervised-worker';
import { channelKind } from '../../support/channel-worker';

const tick = () => new Promise<void>((r) => setTimeout(r, 5));

/** What the handlers saw, for the assertions. */
const seen = { aborted: false, slices: 0, input: null as Float64Array | null, output: null as Float64Array | null };

const api = {
  async double(x: Float64Array): Promise<Float64Array> {
    seen.input = x;
    seen.output = x.map((v) => 2 * v);
    return seen.output;
  },
  /** Works in slices until its signal aborts (or n slices). */
  async slices(n: number, signal?: AbortSignal): Promise<number> {
    seen.aborted = false;
    seen.slices = 0;
    for (let i = 0; i < n; i++) {
      if (signal?.aborted) {
        seen.aborted = true;
        throw signal.reason;
      }
      seen.slices++;
      await tick();
    }
    return n;
  },
  fails(field: string): number {
    throw new Error(`${field} must be positive`);
  },
  /** Never answers (whatever its signal says): a job the worker dies in, or one only ending the worker stops. */
  hang(_signal?: AbortSignal): Promise<number> {
    return new Promise(() => {});
  },
};
type Api = typeof api;

describe('RpcClient over a MessageChannel endpoint', () => {
  it('client.call(method, …args) resolves with what the API method returns', async () => {
    const c = new RpcClient<Api>(channelKind(api));
    expect(Array.from(await c.call('double', Float64Array.of(1, 2, 3)))).toEqual([2, 4, 6]);
    c.dispose();
  });

  it('transfers the typed arrays it finds, both ways: the sender’s buffers are detached', async () => {
    const c = new RpcClient<Api>(channelKind(api));
    const x = Float64Array.of(1, 2, 3);
    const y = await c.call('double', x);
    expect(x.byteLength).toBe(0); // handed over, not copied
    expect(seen.input?.byteLength).toBe(24);
    expect(seen.output?.byteLength).toBe(0); // the result too
    expect(y.byteLength).toBe(24);
    c.dispose();
  });

  it('an AbortSignal cancels a call: it rejects at once with an AbortError, and the handler sees its own signal abort', async () => {
    const c = new RpcClient<Api>(channelKind(api));
    const ctrl = new AbortController();
    const p = c.call('slices', 1000, ctrl.signal);
    await new Promise((r) => setTimeout(r, 30));
    ctrl.abort(new Error('user cancelled'));
    const e: unknown = await p.catch((x: unknown) => x);
    expect(isAbortError(e)).toBe(true);
    expect((e as Error).message).toBe('user cancelled');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.aborted).toBe(true);
    const ran = seen.slices;
    expect(ran).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.slices).toBe(ran); // it stopped
    // a signal aborted before the call: nothing is sent
    await expect(c.call('slices', 3, ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await c.call('slices', 2, new AbortController().signal)).toBe(2);
    c.dispose();
  });

  it('one signal shared by two calls: the first settling leaves the second cancellable in the worker', async () => {
    const c = new RpcClient<Api>(channelKind(api));
    const ctrl = new AbortController();
    const long = c.call('slices', 1000, ctrl.signal);
    await new Promise((r) => setTimeout(r, 20));
    // a short call with the same signal starts and settles while the long one runs
    expect(await c.call('slices', 1, ctrl.signal)).toBe(1);
    ctrl.abort(new Error('grid cancelled'));
    await expect(long).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 30));
    const ran = seen.slices;
    await new Promise((r) => setTimeout(r, 50));
    // the long call's handler saw its signal abort and stopped
    expect(seen.slices).toBe(ran);
    c.dispose();
  });

  it('a throwing handler rejects the call with its message, and the worker keeps serving', async () => {
    const kind = channelKind(api);
    const c = new RpcClient<Api>(kind);
    await expect(c.call('fails', 'runs')).rejects.toThrow('runs must be positive');
    expect(await c.call('slices', 1)).toBe(1);
    expect(kind.spawned).toHaveLength(1);
    c.dispose();
  });

  it('a dead worker rejects every pending call with its message, is replaced, and the next call works', async () => {
    const kind = channelKind(api);
    const deaths: string[] = [];
    const c = new RpcClient<Api>(kind, { onDeath: (m) => deaths.push(m) });
    const a = c.call('hang');
    const b = c.call('hang');
    await tick();
    kind.spawned[0].fail('Uncaught RangeError: out of memory');
    for (const p of [a, b]) {
      const e: unknown = await p.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(WorkerStoppedError);
      expect((e as Error).message).toBe('the test worker stopped (Uncaught RangeError: out of memory)');
    }
    expect(deaths).toEqual(['the test worker stopped (Uncaught RangeError: out of memory)']);
    expect(kind.spawned[0].terminated).toBe(true);
    expect(kind.spawned).toHaveLength(2);
    expect(await c.call('slices', 1)).toBe(1);
    c.dispose();
  });

  it('a kind cancelled by ending its worker: an abort terminates the worker and the next call gets a fresh one', async () => {
    const kind = channelKind(api, 'terminate');
    const c = new RpcClient<Api>(kind);
    const ctrl = new AbortController();
    const p = c.call('hang', ctrl.signal);
    await tick();
    ctrl.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(kind.spawned[0].terminated).toBe(true);
    expect(await c.call('slices', 1)).toBe(1);
    expect(kind.spawned).toHaveLength(2);
    c.dispose();
  });

  it('killWorkers(role) kills the live workers of that role mid-job; dispose rejects what is left', async () => {
    const kind = channelKind(api);
    const c = new RpcClient<Api>(kind, { role: 'rpc-test-role' });
    const other = new RpcClient<Api>(channelKind(api), { role: 'rpc-test-other' });
    const p = c.call('hang');
    const q = other.call('hang');
    await tick();
    expect(killWorkers('rpc-test-role')).toBe(1);
    await expect(p).rejects.toThrow('the test worker stopped (killed)');
    expect(await c.call('slices', 1)).toBe(1);
    other.dispose();
    await expect(q).rejects.toBeInstanceOf(WorkerStoppedError);
    c.dispose();
  });
});
