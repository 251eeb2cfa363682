import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { batchAxis, cellCount, phaseCell, type PhaseGridSpec } from '../../src/core/explore/phase-grid';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { PhasePool } from '../../src/ui/explore/phase-pool';
import type { FromPhaseWorker, ToPhaseWorker } from '../../src/worker/phase-protocol';

const query = 'problem=point&a=2&s=1.5&n=6';
const grid: PhaseGridSpec = { etaMin: 0.1, etaMax: 1.5, etaCount: 7, batches: batchAxis(6, 6), runs: 20, steps: 80, sampling: 'without', seed: 5, start: 0, radius: 1e-3, escape: 1 };
const spawn = () => new Worker(new URL('../../src/worker/phase.worker.ts', import.meta.url), { type: 'module' });

describe('the pool of phase-diagram workers', () => {
  // (@vitest/web-worker runs every worker of one file in the same module instance, so a
  // pool of two is tested in Chromium; the split itself is tested in tests/core/explore.)
  it('gives the grid a single thread computes, filling it in progressively', async () => {
    const { problem } = buildProblem(decodeQuery(query).config);
    const direct = Array.from({ length: cellCount(grid) }, (_, c) => phaseCell(problem, grid, c));
    const seen: number[] = [];
    const pool = new PhasePool(1, spawn);
    const result = await pool.run(query, grid, (p) => seen.push(p.done));
    expect(Array.from(result.escaped)).toEqual(direct);
    expect(seen.length).toBeGreaterThan(2);
    pool.dispose();
  });

  it('hands cells only to the active workers, and gives the same grid with one or two of them', async () => {
    // Workers of our own (the web-worker shim shares one module instance between workers):
    // each answers a batch of cells with phaseCell, asynchronously, as the real one does.
    const { problem } = buildProblem(decodeQuery(query).config);
    const direct = Array.from({ length: cellCount(grid) }, (_, c) => phaseCell(problem, grid, c));
    const sent: number[] = [];
    const fake = () => {
      const k = sent.push(0) - 1;
      const w = {
        onmessage: null as ((e: MessageEvent<FromPhaseWorker>) => void) | null,
        postMessage(msg: ToPhaseWorker) {
          if (msg.type !== 'cells') return;
          sent[k] += msg.cells.length;
          const escaped = Int32Array.from(msg.cells, (c) => phaseCell(problem, msg.grid, c));
          setTimeout(() => w.onmessage?.({ data: { type: 'counts', job: msg.job, cells: msg.cells, escaped } } as MessageEvent<FromPhaseWorker>), 0);
        },
        terminate() {},
      };
      return w as unknown as Worker;
    };
    const pool = new PhasePool(2, fake);
    expect(pool.active).toBe(2);
    pool.setActive(1);
    const one = await pool.run(query, grid, () => {});
    expect(Array.from(one.escaped)).toEqual(direct);
    expect(sent).toEqual([cellCount(grid), 0]);
    pool.setActive(2);
    sent.fill(0);
    const two = await pool.run(query, grid, () => {});
    expect(Array.from(two.escaped)).toEqual(direct);
    expect(sent[0] + sent[1]).toBe(cellCount(grid));
    expect(sent[1]).toBeGreaterThan(0);
    pool.dispose();
  });

  it('can be cancelled: a cancelled grid never completes', async () => {
    const pool = new PhasePool(1, spawn);
    let done = false;
    pool.run(query, { ...grid, runs: 200, steps: 2000 }, () => {}).then(() => (done = true), () => {});
    await new Promise((r) => setTimeout(r, 50));
    pool.cancel();
    await new Promise((r) => setTimeout(r, 500));
    expect(done).toBe(false);
    pool.dispose();
  });
});
