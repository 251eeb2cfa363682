import type { SelectionSpec } from '../../core/explore/selection';
import type { Sampling } from '../../core/batch-factor';
import type { AtlasResult, FromSelectionWorker } from '../../worker/selection-protocol';
import { SelectionClient } from './selection-client';

export type SelectionPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the selection workspace shows; replaced, never mutated. */
export interface SelectionSnapshot {
  phase: SelectionPhase;
  /** The spec of the result shown (or being computed). */
  spec: SelectionSpec | null;
  result: Extract<FromSelectionWorker, { type: 'selected' }> | null;
  error: string | null;
  atlas: AtlasResult | null;
}

/**
 * The selection experiment and the minima atlas outside React. A new spec
 * (problem, η, B, K …) runs itself after a short pause, cancelling the last;
 * the atlas follows η and B at once (its worker is separate, so a slider
 * never waits behind a run). dispose() leaves it reusable.
 */
export class SelectionRun {
  private listeners = new Set<() => void>();
  private snap: SelectionSnapshot = { phase: 'idle', spec: null, result: null, error: null, atlas: null };
  private key = '';
  private query = '';
  /** The latest start; an older run's answer (or its cancellation) is dropped. */
  private runId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client = new SelectionClient()) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): SelectionSnapshot => this.snap;

  private set(patch: Partial<SelectionSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    this.listeners.forEach((fn) => fn());
  }

  /** Show the selection for this spec: a changed one runs after `delayMs`. */
  load(query: string, spec: SelectionSpec, delayMs = 300): void {
    const key = `${query}|${JSON.stringify(spec)}`;
    if (key === this.key) return;
    this.key = key;
    this.query = query;
    clearTimeout(this.timer);
    this.set({ spec });
    this.timer = setTimeout(() => this.start(), delayMs);
  }

  start(): void {
    const spec = this.snap.spec;
    if (!spec) return;
    clearTimeout(this.timer);
    const run = ++this.runId;
    this.set({ phase: 'running', error: null });
    this.client.select(this.query, spec).then(
      (r) => run === this.runId && this.set({ phase: 'done', result: r }),
      (e: unknown) => {
        if (run !== this.runId) return;
        const message = e instanceof Error ? e.message : String(e);
        if (message === 'cancelled') this.set({ phase: 'cancelled' });
        else this.set({ phase: 'error', error: message });
      },
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.runId++;
    this.client.cancelSelect();
    if (this.snap.phase === 'running') this.set({ phase: 'cancelled' });
  }

  /** The atlas at η, B (the problem's own query, without η and B). */
  atlas(query: string, eta: number, B: number, sampling: Sampling): void {
    this.client.atlas(query, eta, B, sampling, (atlas) => this.set({ atlas }));
  }

  dispose(): void {
    this.cancel();
    this.client.dispose();
    this.key = '';
  }
}
