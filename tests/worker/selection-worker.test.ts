import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { selection, type SelectionSpec } from '../../src/core/explore/selection';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { RpcClient } from '../../src/worker/rpc/rpc-client';
import type { WorkerKind } from '../../src/worker/rpc/worker-kind';
import type { SelectionApi } from '../../src/worker/selection-api';

// The real worker file, under @vitest/web-worker, through the one worker layer.
const kind: WorkerKind = {
  id: 'selection',
  label: 'the selection worker',
  spawn: () => new Worker(new URL('../../src/worker/selection.worker.ts', import.meta.url), { type: 'module' }),
  cancel: 'terminate',
};

const query = 'problem=toy';
const spec: SelectionSpec = { eta: 0.7, B: 1, sampling: 'without', seed: 11, runs: 60, steps: 300, around: null, radius: 1, settleRadius: 0.05 };

describe('the selection worker', () => {
  it('returns what selection() computes on the page’s thread, SGD beside GD, reproducibly from the seed', async () => {
    const w = new RpcClient<SelectionApi>(kind);
    const { problem } = buildProblem(decodeQuery(query).config);
    const a = await w.call('select', query, spec);
    const b = await w.call('select', query, spec);
    const other = await w.call('select', query, { ...spec, seed: 12 });
    expect(a.sgd.checksum).toBe(selection(problem, spec, 'sgd').checksum);
    expect(a.gd.checksum).toBe(selection(problem, spec, 'gd').checksum);
    expect(a.sgd.counts).toEqual(selection(problem, spec, 'sgd').counts);
    expect([b.sgd.checksum, b.gd.checksum]).toEqual([a.sgd.checksum, a.gd.checksum]);
    expect(other.sgd.checksum).not.toBe(a.sgd.checksum);
    expect(a.minima.map((m) => m.label)).toEqual(problem.minima.map((m) => m.label));
    w.dispose();
  });

  it('answers an atlas request with the status of every minimum at that η and B', async () => {
    const w = new RpcClient<SelectionApi>(kind);
    const atlas = await w.call('atlas', query, 0.7, 1, 'without');
    // the toy at η = 0.7, B = 1: x* = 0 stable for both, x* = 1 for GD only (docs/theory.md#the-two-minima-toy)
    expect(Array.from(atlas.stableSGD)).toEqual([1, 0]);
    expect(Array.from(atlas.stableGD)).toEqual([1, 1]);
    w.dispose();
  });

  it('rejects a selection whose start does not fit the problem with a message naming it', async () => {
    const w = new RpcClient<SelectionApi>(kind);
    await expect(w.call('select', query, { ...spec, around: [0, 0] })).rejects.toThrow('around has 2 coordinates; the problem has d = 1');
    w.dispose();
  });
});
