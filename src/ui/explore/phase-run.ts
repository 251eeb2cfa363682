import { cellCount, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { KernelStatus } from '../../core/kernels/kernel-choice';
import type { PhaseBoundaries } from '../../worker/selection-protocol';
import { isAbortError, WorkerStoppedError } from '../../worker/rpc/rpc-client';
import { PhasePool } from './phase-pool';
import { SnapshotStore } from './snapshot-store';
import { SelectionClient } from './selection-client';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the phase workspace shows; replaced (never mutated) when anything changes. */
export interface PhaseSnapshot {
  grid: PhaseGridSpec;
  phase: RunPhase;
  /** Escaped runs per cell, −1 not computed yet. */
  escaped: Int32Array;
  done: number;
  total: number;
  /** Wall time of the last completed grid, ms. */
  ms: number | null;
  error: string | null;
  boundaries: PhaseBoundaries | null;
  /** The theory worker died computing the boundaries (Start asks again). */
  boundariesError: string | null;
  workers: number;
  /** The loop the workers run for 1D cells (WebAssembly or TypeScript, and why); null until a worker has said. */
  kernel: KernelStatus | null;
}

/**
 * The grid's picture is redrawn at most this often while cells arrive: a redraw
 * (the heatmap and its data table, from a copy of the counts) runs on the main
 * thread, which shares the machine's cores with the workers computing the cells.
 */
const REDRAW_MS = 100;

const EMPTY: PhaseGridSpec = { etaMin: 1, etaMax: 1, etaCount: 1, batches: [1], runs: 1, steps: 1, sampling: 'without', seed: 1, start: 0, radius: 0, escape: 1 };

/**
 * The phase grid's computation outside React: a pool of workers for the
 * measured cells, the selection worker for the theory lines. The view
 * subscribes (useSyncExternalStore); progress reaches it at most once a frame.
 * dispose() stops everything and leaves it reusable (StrictMode remounts).
 */
export class PhaseRun extends SnapshotStore<PhaseSnapshot> {
  private query = '';
  private key = '';
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastDraw = 0;

  constructor(
    private readonly pool = new PhasePool(),
    private readonly client = new SelectionClient(),
  ) {
    super({ grid: EMPTY, phase: 'idle', escaped: new Int32Array(1).fill(-1), done: 0, total: 1, ms: null, error: null, boundaries: null, boundariesError: null, workers: pool.active, kernel: null });
  }

  /** Show this grid: a new one (problem, range, runs …) starts itself; the same one is left alone. */
  load(query: string, grid: PhaseGridSpec): void {
    const key = `${query}|${JSON.stringify(grid)}`;
    if (key === this.key) return;
    this.key = key;
    this.query = query;
    this.set({ grid, boundaries: null, escaped: new Int32Array(cellCount(grid)).fill(-1), done: 0, total: cellCount(grid) });
    this.start();
  }

  private loadBoundaries(): void {
    const key = this.key;
    this.set({ boundariesError: null });
    this.client.boundaries(this.query, this.snap.grid).then(
      (b) => key === this.key && this.set({ boundaries: b }),
      // A problem that cannot be built has no lines (the grid reports it); a dead worker is reported.
      (e: unknown) => key === this.key && e instanceof WorkerStoppedError && this.set({ boundariesError: e.message }),
    );
  }

  start(): void {
    const { grid } = this.snap;
    const query = this.query;
    const key = this.key;
    const t0 = performance.now();
    this.stopRedraw();
    if (this.snap.boundaries === null) this.loadBoundaries();
    // A worker that cannot answer leaves the tooltip as it was; the grid reports the worker's failure itself.
    if (this.snap.kernel === null) this.pool.kernel().then((kernel) => this.set({ kernel }), () => undefined);
    this.set({ phase: 'running', escaped: new Int32Array(cellCount(grid)).fill(-1), done: 0, ms: null, error: null });
    this.pool
      .run(query, grid, (p) => {
        // One redraw pending at a time: it copies the newest counts when it runs (p is updated in place).
        if (this.timer !== undefined || this.frame !== 0) return;
        this.timer = setTimeout(
          () => {
            this.timer = undefined;
            this.frame = requestAnimationFrame(() => {
              this.frame = 0;
              this.lastDraw = performance.now();
              if (key === this.key) this.set({ escaped: p.escaped.slice(), done: p.done });
            });
          },
          Math.max(0, this.lastDraw + REDRAW_MS - performance.now()),
        );
      })
      .then(
        (p) => {
          this.stopRedraw();
          if (key === this.key) this.set({ phase: 'done', escaped: p.escaped.slice(), done: p.done, ms: performance.now() - t0 });
        },
        // A cancel (or a newer grid) rejects with an AbortError: cancel() has already said so.
        (e: unknown) => key === this.key && !isAbortError(e) && this.set({ phase: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
  }

  /**
   * While the live run computes, the grid leaves it one hardware thread; when it is
   * idle (paused, done, failed), every thread takes cells.
   */
  setLiveBusy(busy: boolean): void {
    this.pool.setActive(busy ? this.pool.size - 1 : this.pool.size);
    if (this.snap.workers !== this.pool.active) this.set({ workers: this.pool.active });
  }

  private stopRedraw(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  cancel(): void {
    this.pool.cancel();
    this.stopRedraw();
    if (this.snap.phase === 'running') this.set({ phase: 'cancelled' });
  }

  dispose(): void {
    this.cancel();
    this.pool.dispose();
    this.client.dispose();
    this.key = '';
  }
}
