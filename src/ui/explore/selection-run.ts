import type { SelectionSpec } from '../../core/explore/selection';
import type { Sampling } from '../../core/batch-factor';
import { isAbortError } from '../../worker/rpc/rpc-client';
import type { AtlasResult, Selected } from '../../worker/selection-protocol';
import { SnapshotStore } from './snapshot-store';
import { SelectionClient } from './selection-client';

export type SelectionPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the selection workspace shows; replaced, never mutated. */
export interface SelectionSnapshot {
  phase: SelectionPhase;
  /** The spec of the result shown (or being computed). */
  spec: SelectionSpec | null;
  result: Selected | null;
  error: string | null;
  atlas: AtlasResult | null;
  /** The theory worker died while computing the atlas (a fresh one takes the next request). */
  atlasError: string | null;
}

/**
 * The selection experiment and the minima atlas outside React. A new spec
 * (problem, η, B, K …) runs itself after a short pause, cancelling the last;
 * the atlas follows η and B at once (its worker is separate, so a slider
 * never waits behind a run). dispose() leaves it reusable.
 */
export class SelectionRun extends SnapshotStore<SelectionSnapshot> {
  private key = '';
  private query = '';
  /** The latest start; an older run's answer (or its cancellation) is dropped. */
  private runId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last atlas asked for, asked again by Run after its worker died. */
  private lastAtlas: [query: string, eta: number, B: number, sampling: Sampling] | null = null;

  constructor(private readonly client = new SelectionClient()) {
    super({ phase: 'idle', spec: null, result: null, error: null, atlas: null, atlasError: null });
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
    if (this.snap.atlasError && this.lastAtlas) this.atlas(...this.lastAtlas);
    this.set({ phase: 'running', error: null });
    this.client.select(this.query, spec).then(
      (r) => run === this.runId && this.set({ phase: 'done', result: r }),
      (e: unknown) => {
        if (run !== this.runId) return;
        if (isAbortError(e)) this.set({ phase: 'cancelled' });
        else this.set({ phase: 'error', error: e instanceof Error ? e.message : String(e) });
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
    this.lastAtlas = [query, eta, B, sampling];
    this.client.atlas(
      query,
      eta,
      B,
      sampling,
      (atlas) => this.set({ atlas, atlasError: null }),
      (atlasError) => this.set({ atlasError }),
    );
  }

  dispose(): void {
    this.cancel();
    this.client.dispose();
    this.key = '';
  }
}
