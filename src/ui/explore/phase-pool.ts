import { cellCount, coarseToFine, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { FromPhaseWorker, ToPhaseWorker } from '../../worker/phase-protocol';

export interface PhaseProgress {
  /** Escaped count per cell (−1 not yet computed), row-major: cell = bIndex·etaCount + etaIndex. */
  escaped: Int32Array;
  done: number;
  total: number;
}

/**
 * A pool of phase workers (hardwareConcurrency − 1, at least 1). Cells go out
 * coarse to fine, dealt round-robin in small batches; results arrive as they are
 * computed. The counts do not depend on the pool size (per-cell seeds).
 */
export class PhasePool {
  private workers: Worker[] = [];
  private job = 0;

  constructor(
    readonly size = Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1),
    private readonly spawn: () => Worker = () => new Worker(new URL('../../worker/phase.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  private ensure(): void {
    while (this.workers.length < this.size) this.workers.push(this.spawn());
  }

  /** Start a grid; onProgress is called as cells arrive; the promise resolves when all are in (or rejects on error/cancel). */
  run(query: string, grid: PhaseGridSpec, onProgress: (p: PhaseProgress) => void): Promise<PhaseProgress> {
    this.cancel();
    this.ensure();
    const job = ++this.job;
    const total = cellCount(grid);
    const progress: PhaseProgress = { escaped: new Int32Array(total).fill(-1), done: 0, total };
    const order = coarseToFine(grid);
    return new Promise((resolve, reject) => {
      const BATCH = 8;
      let next = 0;
      const feed = (w: Worker) => {
        if (next >= order.length) return;
        const cells = Int32Array.from(order.slice(next, next + BATCH));
        next += BATCH;
        const msg: ToPhaseWorker = { type: 'cells', job, query, grid, cells };
        w.postMessage(msg);
      };
      this.workers.forEach((w) => {
        let outstanding = 0;
        w.onmessage = (e: MessageEvent<FromPhaseWorker>) => {
          const m = e.data;
          if (m.job !== this.job) return;
          if (m.type === 'error') {
            reject(new Error(m.message));
            return;
          }
          m.cells.forEach((c, i) => (progress.escaped[c] = m.escaped[i]));
          progress.done += m.cells.length;
          outstanding -= m.cells.length;
          onProgress(progress);
          if (progress.done >= total) resolve(progress);
          else if (outstanding <= 0) {
            outstanding = Math.min(BATCH, order.length - next);
            feed(w);
          }
        };
        outstanding = Math.min(BATCH, Math.max(0, order.length - next));
        feed(w);
      });
    });
  }

  cancel(): void {
    const job = this.job;
    for (const w of this.workers) {
      const msg: ToPhaseWorker = { type: 'cancel', job };
      w.postMessage(msg);
    }
    this.job++;
  }

  dispose(): void {
    this.workers.forEach((w) => w.terminate());
    this.workers = [];
  }
}
