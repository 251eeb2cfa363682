import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { batchAxis, cellCount, phaseCell, type PhaseGridSpec } from '../../src/core/explore/phase-grid';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { PhasePool } from '../../src/ui/explore/phase-pool';

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
