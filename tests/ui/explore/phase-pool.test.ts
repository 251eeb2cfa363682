import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { batchAxis, cellCount, phaseCell, type PhaseGridSpec } from '../../../src/core/explore/phase-grid';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { PhasePool } from '../../../src/ui/explore/phase-pool';
import { phaseApi } from '../../../src/worker/phase-api';
import { isAbortError, WorkerStoppedError } from '../../../src/worker/rpc/rpc-client';
import type { WorkerKind } from '../../../src/worker/rpc/worker-kind';
import { channelKind, channelWorker, type ChannelWorker } from '../../support/channel-worker';

const query = 'problem=point&a=2&s=1.5&n=6';
const grid: PhaseGridSpec = { etaMin: 0.1, etaMax: 1.5, etaCount: 7, batches: batchAxis(6, 6), runs: 20, steps: 80, sampling: 'without', seed: 5, start: 0, radius: 1e-3, escape: 1 };
const realKind: WorkerKind = {
  id: 'phase',
  label: 'the phase-diagram worker',
  spawn: () => new Worker(new URL('../../../src/worker/phase.worker.ts', import.meta.url), { type: 'module' }),
  cancel: 'signal',
};
const direct = () => {
  const { problem } = buildProblem(decodeQuery(query).config);
  return Array.from({ length: cellCount(grid) }, (_, c) => phaseCell(problem, grid, c));
};

describe('the pool of phase-diagram workers', () => {
  // (@vitest/web-worker runs every worker of one file in the same module instance, so a
  // pool of two real workers is tested in Chromium; here two channel workers stand in.)
  it('gives the grid a single thread computes, filling it in progressively (the real worker file)', async () => {
    const seen: number[] = [];
    const pool = new PhasePool(1, realKind);
    const result = await pool.run(query, grid, (p) => seen.push(p.done));
    expect(Array.from(result.escaped)).toEqual(direct());
    expect(seen.length).toBeGreaterThan(2);
    pool.dispose();
  });

  it('hands cells only to the active workers, and gives the same grid with one or two of them', async () => {
    const sent: number[] = [];
    const kind: WorkerKind = {
      ...realKind,
      spawn: () => {
        const k = sent.push(0) - 1;
        return channelWorker({
          cells: (q: string, g: PhaseGridSpec, cells: Int32Array, signal?: AbortSignal) => {
            sent[k] += cells.length;
            return phaseApi.cells(q, g, cells, signal);
          },
        });
      },
    };
    const pool = new PhasePool(2, kind);
    expect(pool.active).toBe(2);
    pool.setActive(1);
    const one = await pool.run(query, grid, () => {});
    expect(Array.from(one.escaped)).toEqual(direct());
    expect(sent).toEqual([cellCount(grid)]); // the second worker was never needed, so never started
    pool.setActive(2);
    sent.fill(0);
    const two = await pool.run(query, grid, () => {});
    expect(Array.from(two.escaped)).toEqual(direct());
    expect(sent[0] + sent[1]).toBe(cellCount(grid));
    expect(sent[1]).toBeGreaterThan(0);
    pool.dispose();
  });

  it('can be cancelled: a cancelled grid rejects with an AbortError and its workers are handed no more cells', async () => {
    let handed = 0;
    const kind = channelKind({
      cells: (q: string, g: PhaseGridSpec, cells: Int32Array, signal?: AbortSignal) => {
        handed += cells.length;
        return phaseApi.cells(q, g, cells, signal);
      },
    });
    const pool = new PhasePool(1, kind);
    // More cells than the pool queues on a worker at once (QUEUED_CELLS), so that some are never handed.
    const big = { ...grid, etaCount: 40, runs: 200, steps: 2000 };
    const run = pool.run(query, big, () => {});
    await new Promise((r) => setTimeout(r, 50));
    pool.cancel();
    const e: unknown = await run.catch((x: unknown) => x);
    expect(isAbortError(e)).toBe(true);
    const at = handed;
    await new Promise((r) => setTimeout(r, 300));
    expect(handed).toBe(at);
    expect(at).toBeLessThan(cellCount(big));
    pool.dispose();
  });

  it('a worker that dies mid-grid fails the grid with its message; the next grid runs on a fresh worker and gives the same counts', async () => {
    const kind = channelKind({ cells: phaseApi.cells });
    const pool = new PhasePool(2, kind);
    const run = pool.run(query, { ...grid, runs: 200, steps: 2000 }, () => {});
    await new Promise((r) => setTimeout(r, 30));
    (kind.spawned[0] as ChannelWorker).fail('Uncaught Error: out of memory');
    const e: unknown = await run.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerStoppedError);
    expect((e as Error).message).toBe('the test worker stopped (Uncaught Error: out of memory)');
    expect(kind.spawned[0].terminated).toBe(true);
    const again = await pool.run(query, grid, () => {});
    expect(Array.from(again.escaped)).toEqual(direct());
    pool.dispose();
  });
});
