import { cellCount, coarseToFine, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { KernelStatus } from '../../core/kernels/kernel-choice';
import type { PhaseApi } from '../../worker/phase-api';
import { RpcClient } from '../../worker/rpc/rpc-client';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';

export interface PhaseProgress {
  /** Escaped count per cell (−1 not yet computed), row-major: cell = bIndex·etaCount + etaIndex. */
  escaped: Int32Array;
  done: number;
  total: number;
}

/** Cells per call to a worker: small while the coarse pass fills in, larger after. */
const COARSE_BATCH = 4;
const FINE_BATCH = 16;
/**
 * Cells handed to a worker and not yet answered. A worker computes its calls one
 * after another, so this is its queue: 64 cells are 30–60 ms of work, enough to
 * keep it busy through a long task of the page's own (the page's load and first
 * render, a redraw), when the main thread cannot hand out more. With two calls of
 * 4 or 16 cells (8–32 cells) the workers of a grid opened by a link sat idle a
 * third of the time while the page loaded.
 */
const QUEUED_CELLS = 64;

/**
 * A pool of phase workers, one per hardware thread. `active` of them are handed
 * cells: all while the live run is idle, one fewer while it runs (setActive). Cells
 * go out coarse to fine, up to QUEUED_CELLS in flight per worker so none waits for
 * its next batch; results arrive as they are computed. The counts do not depend on the pool
 * size or on which worker computes a cell (per-cell seeds).
 *
 * A grid is one AbortSignal shared by its calls: cancel() aborts them all. A worker
 * that dies or throws fails the grid with its message (the others' calls are
 * aborted); the layer has replaced it by the next run.
 */
export class PhasePool {
  private readonly workers: RpcClient<PhaseApi>[];
  private grid: AbortController | null = null;
  private activeCount: number;
  /** Wakes the workers of the running grid after setActive raised the count. */
  private wake: (() => void) | null = null;

  constructor(
    readonly size = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2),
    kind: WorkerKind = workerKinds.phase,
  ) {
    this.activeCount = size;
    this.workers = Array.from({ length: size }, () => new RpcClient<PhaseApi>(kind));
  }

  /** Workers that take new cells (1 … size); a worker above it finishes what it holds. */
  get active(): number {
    return this.activeCount;
  }

  setActive(k: number): void {
    this.activeCount = Math.max(1, Math.min(this.size, Math.floor(k)));
    this.wake?.();
  }

  /**
   * Start a grid; onProgress is called as cells arrive. The promise resolves when all
   * are in, and rejects with the error of a worker that failed, or with an AbortError
   * when the grid is cancelled (cancel(), or a new run).
   */
  run(query: string, grid: PhaseGridSpec, onProgress: (p: PhaseProgress) => void): Promise<PhaseProgress> {
    this.cancel();
    const ctrl = new AbortController();
    this.grid = ctrl;
    const signal = ctrl.signal;
    const total = cellCount(grid);
    const progress: PhaseProgress = { escaped: new Int32Array(total).fill(-1), done: 0, total };
    const order = coarseToFine(grid);
    // The coarse pass: every 8th cell both ways (coarseToFine lists them first).
    const coarse = Math.ceil(grid.etaCount / 8) * Math.ceil(grid.batches.length / 8);
    return new Promise((resolve, reject) => {
      let next = 0;
      const outstanding = new Int32Array(this.workers.length);
      const fail = (e: Error) => {
        if (this.grid === ctrl) this.grid = null;
        ctrl.abort(e); // the grid's other calls stop too
        reject(e);
      };
      const wants = (w: number) => !signal.aborted && next < order.length && w < this.activeCount && outstanding[w] < QUEUED_CELLS;
      /** Hand worker w its next call of cells. */
      const give = (w: number) => {
        const cells = order.slice(next, next + (next < coarse ? COARSE_BATCH : FINE_BATCH));
        next += cells.length;
        outstanding[w] += cells.length;
        this.workers[w].call('cells', query, grid, Int32Array.from(cells), signal).then((escaped) => {
          if (signal.aborted) return;
          cells.forEach((c, i) => (progress.escaped[c] = escaped[i]));
          progress.done += cells.length;
          outstanding[w] -= cells.length;
          onProgress(progress);
          if (progress.done < total) feed(w);
          else {
            if (this.grid === ctrl) this.grid = null;
            resolve(progress);
          }
        }, fail);
      };
      const feed = (w: number) => {
        while (wants(w)) give(w);
      };
      // Filled a call at a time in turn, so the coarse pass is shared by every worker.
      const feedAll = () => {
        for (let any = true; any; ) {
          any = false;
          this.workers.forEach((_, w) => wants(w) && (give(w), (any = true)));
        }
      };
      this.wake = () => {
        if (this.grid === ctrl) feedAll();
      };
      feedAll();
    });
  }

  /** Which loop the workers run for 1D cells (all workers load the same kernel; the first is asked). */
  kernel(): Promise<KernelStatus> {
    return this.workers[0].call('kernel');
  }

  /** Abort the running grid (its promise rejects with an AbortError). */
  cancel(): void {
    this.grid?.abort(new DOMException('cancelled', 'AbortError'));
    this.grid = null;
    this.wake = null;
  }

  dispose(): void {
    this.cancel();
    this.workers.forEach((w) => w.dispose());
  }
}
