import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhaseGridSpec } from '../../../src/core/explore/phase-grid';
import type { PhasePool, PhaseProgress } from '../../../src/ui/explore/phase-pool';
import { PhaseRun } from '../../../src/ui/explore/phase-run';
import type { SelectionClient } from '../../../src/ui/explore/selection-client';

const grid: PhaseGridSpec = { etaMin: 0.1, etaMax: 1, etaCount: 10, batches: [1, 2, 3, 4, 5], runs: 10, steps: 10, sampling: 'without', seed: 1, start: 0, radius: 1e-3, escape: 1 };

/** A pool whose 50 cells arrive one every 20 ms of (fake) time. */
function pacedPool(): PhasePool {
  return {
    size: 2,
    active: 2,
    setActive: () => {},
    kernel: () => Promise.resolve({ kernel: 'WebAssembly', reason: 'test' }),
    cancel: () => {},
    dispose: () => {},
    run: (_q: string, _g: PhaseGridSpec, onProgress: (p: PhaseProgress) => void) =>
      new Promise<PhaseProgress>((resolve) => {
        const p: PhaseProgress = { escaped: new Int32Array(50).fill(-1), done: 0, total: 50 };
        const tick = setInterval(() => {
          p.escaped[p.done] = p.done % 7;
          p.done++;
          onProgress(p);
          if (p.done === p.total) {
            clearInterval(tick);
            resolve(p);
          }
        }, 20);
      }),
  } as unknown as PhasePool;
}

const client = { boundaries: () => new Promise(() => {}), dispose: () => {} } as unknown as SelectionClient;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the phase grid's progress on the page", () => {
  it('is redrawn at most every 100 ms while cells arrive, each redraw with the newest counts, and whole at the end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    // Node has no frames: one every 16 ms of the fake clock.
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16));
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
    const run = new PhaseRun(pacedPool(), client);
    const redraws: { at: number; done: number }[] = [];
    run.subscribe(() => {
      const s = run.getSnapshot();
      if (s.phase === 'running' && s.done > 0 && redraws.at(-1)?.done !== s.done) redraws.push({ at: performance.now(), done: s.done });
    });
    run.load('problem=toy', grid);
    await vi.advanceTimersByTimeAsync(1200);
    const end = run.getSnapshot();
    expect(end.phase).toBe('done');
    expect(Array.from(end.escaped)).toEqual(Array.from({ length: 50 }, (_, c) => c % 7));
    // 1 s of cells every 20 ms: about 10 redraws, not 50.
    expect(redraws.length).toBeGreaterThanOrEqual(5);
    expect(redraws.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < redraws.length; i++) expect(redraws[i].at - redraws[i - 1].at).toBeGreaterThanOrEqual(100);
    // A redraw shows the cells in by the time it runs, not those in when it was asked for.
    expect(redraws.some((r, i) => i > 0 && r.done - redraws[i - 1].done > 1)).toBe(true);
    run.dispose();
  });
});
