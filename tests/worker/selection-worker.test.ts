import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { selection, type SelectionSpec } from '../../src/core/explore/selection';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import type { FromSelectionWorker, ToSelectionWorker } from '../../src/worker/selection-protocol';

const spawn = () => new Worker(new URL('../../src/worker/selection.worker.ts', import.meta.url), { type: 'module' });
const ask = (w: Worker, msg: ToSelectionWorker) =>
  new Promise<FromSelectionWorker>((resolve) => {
    w.onmessage = (e: MessageEvent<FromSelectionWorker>) => resolve(e.data);
    w.postMessage(msg);
  });

const query = 'problem=toy';
const spec: SelectionSpec = { eta: 0.7, B: 1, sampling: 'without', seed: 11, runs: 60, steps: 300, around: null, radius: 1, settleRadius: 0.05 };

describe('the selection worker', () => {
  it('returns what selection() computes on the page’s thread, SGD beside GD, reproducibly from the seed', async () => {
    const w = spawn();
    const { problem } = buildProblem(decodeQuery(query).config);
    const a = await ask(w, { type: 'select', job: 1, query, spec });
    const b = await ask(w, { type: 'select', job: 2, query, spec });
    const other = await ask(w, { type: 'select', job: 3, query, spec: { ...spec, seed: 12 } });
    if (a.type !== 'selected' || b.type !== 'selected' || other.type !== 'selected') throw new Error(`unexpected ${a.type}`);
    expect(a.sgd.checksum).toBe(selection(problem, spec, 'sgd').checksum);
    expect(a.gd.checksum).toBe(selection(problem, spec, 'gd').checksum);
    expect(a.sgd.counts).toEqual(selection(problem, spec, 'sgd').counts);
    expect([b.sgd.checksum, b.gd.checksum]).toEqual([a.sgd.checksum, a.gd.checksum]);
    expect(other.sgd.checksum).not.toBe(a.sgd.checksum);
    expect(a.minima.map((m) => m.label)).toEqual(problem.minima.map((m) => m.label));
    w.terminate();
  });

  it('answers an atlas request with the status of every minimum at that η and B', async () => {
    const w = spawn();
    const r = await ask(w, { type: 'atlas', job: 1, query, eta: 0.7, B: 1, sampling: 'without' });
    if (r.type !== 'atlas') throw new Error(r.type);
    // the toy at η = 0.7, B = 1: x* = 0 stable for both, x* = 1 for GD only (docs/theory.md#the-two-minima-toy)
    expect(Array.from(r.atlas.stableSGD)).toEqual([1, 0]);
    expect(Array.from(r.atlas.stableGD)).toEqual([1, 1]);
    w.terminate();
  });
});
