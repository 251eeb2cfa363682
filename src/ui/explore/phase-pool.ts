import { cellCount, coarseToFine, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { FromPhaseWorker, ToPhaseWorker } from '../../worker/phase-protocol';

export interface PhaseProgress {
  /** Escaped count per cell (−1 not yet computed), row-major: cell = bIndex·etaCount + etaIndex. */
  escaped: Int32Array;
  done: number;
  total: number;
}

/** Cells per batch handed to a worker: small while the coarse pass fills in, larger after. */
const COARSE_BATCH = 4;
const FINE_BATCH = 16;

/**
 * A pool of phase workers, one per hardware thread. `active` of them are handed
 * cells: all while the live run is idle, one fewer while it runs (setActive). Cells
 * go out coarse to fine, two batches in flight per worker so none waits for its next
 * batch; results arrive as they are computed. The counts do not depend on the pool
 * size or on which worker computes a cell (per-cell seeds).
 */
export class PhasePool {
  private workers: Worker[] = [];
  private job = 0;
  private activeCount: number;
  /** Wakes the workers of the running grid after setActive raised the count. */
  private wake: (() => void) | null = null;

  constructor(
    readonly size = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2),
    private readonly spawn: () => Worker = () => new Worker(new URL('../../worker/phase.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.activeCount = size;
  }

  /** Workers that take new cells (1 … size); a worker above it finishes what it holds. */
  get active(): number {
    return this.activeCount;
  }

  setActive(k: number): void {
    this.activeCount = Math.max(1, Math.min(this.size, Math.floor(k)));
    this.wake?.();
  }

  private ensure(): void {
    while (this.workers.length < this.size) this.workers.push(this.spawn());
  }

  /** Start a grid; onProgress is called as cells arrive; the promise resolves when all are in (or rejects on error). */
  run(query: string, grid: PhaseGridSpec, onProgress: (p: PhaseProgress) => void): Promise<PhaseProgress> {
    this.cancel();
    this.ensure();
    const job = ++this.job;
    const total = cellCount(grid);
    const progress: PhaseProgress = { escaped: new Int32Array(total).fill(-1), done: 0, total };
    const order = coarseToFine(grid);
    // The coarse pass: every 8th cell both ways (coarseToFine lists them first).
    const coarse = Math.ceil(grid.etaCount / 8) * Math.ceil(grid.batches.length / 8);
    return new Promise((resolve, reject) => {
      let next = 0;
      const outstanding = new Int32Array(this.workers.length);
      const feed = (w: number) => {
        while (next < order.length && w < this.activeCount && outstanding[w] < 2 * (next < coarse ? COARSE_BATCH : FINE_BATCH)) {
          const batch = next < coarse ? COARSE_BATCH : FINE_BATCH;
          const cells = Int32Array.from(order.slice(next, next + batch));
          next += cells.length;
          outstanding[w] += cells.length;
          const msg: ToPhaseWorker = { type: 'cells', job, query, grid, cells };
          this.workers[w].postMessage(msg);
        }
      };
      this.wake = () => {
        if (job === this.job) this.workers.forEach((_, w) => feed(w));
      };
      this.workers.forEach((worker, w) => {
        worker.onmessage = (e: MessageEvent<FromPhaseWorker>) => {
          const m = e.data;
          if (m.job !== this.job) return;
          if (m.type === 'error') {
            reject(new Error(m.message));
            return;
          }
          m.cells.forEach((c, i) => (progress.escaped[c] = m.escaped[i]));
          progress.done += m.cells.length;
          outstanding[w] -= m.cells.length;
          onProgress(progress);
          if (progress.done >= total) resolve(progress);
          else feed(w);
        };
      });
      this.workers.forEach((_, w) => feed(w));
    });
  }

  cancel(): void {
    const job = this.job;
    for (const w of this.workers) {
      const msg: ToPhaseWorker = { type: 'cancel', job };
      w.postMessage(msg);
    }
    this.job++;
    this.wake = null;
  }

  dispose(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
    this.wake = null;
  }
}
