import type { PhaseGridSpec } from '../../core/explore/phase-grid';
import type { Sampling } from '../../core/batch-factor';
import type { SelectionSpec } from '../../core/explore/selection';
import type { AtlasResult, FromSelectionWorker, PhaseBoundaries, ToSelectionWorker } from '../../worker/selection-protocol';

type Selected = Extract<FromSelectionWorker, { type: 'selected' }>;

const spawnDefault = () => new Worker(new URL('../../worker/selection.worker.ts', import.meta.url), { type: 'module' });

/**
 * The page's side of the selection worker. Two workers: one runs selections
 * (cancelled by terminating it, as a selection is one synchronous computation),
 * one answers the theory (atlas, boundaries) so a slider never waits behind a
 * long run. Atlas requests are coalesced: only the latest η, B is computed.
 */
export class SelectionClient {
  private runner: Worker | null = null;
  private theory: Worker | null = null;
  private job = 0;
  private pending = new Map<number, { resolve: (m: FromSelectionWorker) => void; reject: (e: Error) => void }>();
  private atlasBusy = false;
  private atlasNext: { query: string; eta: number; B: number; sampling: Sampling; done: (a: AtlasResult) => void } | null = null;

  constructor(private readonly spawn: () => Worker = spawnDefault) {}

  private attach(w: Worker): Worker {
    w.onmessage = (e: MessageEvent<FromSelectionWorker>) => {
      const p = this.pending.get(e.data.job);
      if (!p) return;
      this.pending.delete(e.data.job);
      if (e.data.type === 'error') p.reject(new Error(e.data.message));
      else p.resolve(e.data);
    };
    return w;
  }

  private ask(which: 'runner' | 'theory', msg: ToSelectionWorker): Promise<FromSelectionWorker> {
    const w = which === 'runner' ? (this.runner ??= this.attach(this.spawn())) : (this.theory ??= this.attach(this.spawn()));
    return new Promise((resolve, reject) => {
      this.pending.set(msg.job, { resolve, reject });
      w.postMessage(msg);
    });
  }

  /** Run the selection experiment; a later select or cancel rejects this one. */
  async select(query: string, spec: SelectionSpec): Promise<Selected> {
    this.cancelSelect();
    const m = await this.ask('runner', { type: 'select', job: ++this.job, query, spec });
    if (m.type !== 'selected') throw new Error(`unexpected answer ${m.type}`);
    return m;
  }

  cancelSelect(): void {
    if (!this.runner) return;
    this.runner.terminate();
    this.runner = null;
    // selections have positive job ids, the theory worker's requests negative ones (kept)
    for (const [job, p] of this.pending) {
      if (job < 0) continue;
      this.pending.delete(job);
      p.reject(new Error('cancelled'));
    }
  }

  /** The atlas at η, B; only the latest of a burst of requests is computed. */
  atlas(query: string, eta: number, B: number, sampling: Sampling, done: (a: AtlasResult) => void): void {
    this.atlasNext = { query, eta, B, sampling, done };
    if (!this.atlasBusy) void this.pumpAtlas();
  }

  private async pumpAtlas(): Promise<void> {
    while (this.atlasNext) {
      const req = this.atlasNext;
      this.atlasNext = null;
      this.atlasBusy = true;
      try {
        const m = await this.ask('theory', { type: 'atlas', job: -++this.job, query: req.query, eta: req.eta, B: req.B, sampling: req.sampling });
        if (m.type === 'atlas' && !this.atlasNext) req.done(m.atlas);
      } catch {
        // an atlas of a problem that cannot be built: nothing to draw
      } finally {
        this.atlasBusy = false;
      }
    }
  }

  async boundaries(query: string, grid: PhaseGridSpec): Promise<PhaseBoundaries> {
    const m = await this.ask('theory', { type: 'boundaries', job: -++this.job, query, grid });
    if (m.type !== 'boundaries') throw new Error(`unexpected answer ${m.type}`);
    return m.boundaries;
  }

  dispose(): void {
    this.runner?.terminate();
    this.theory?.terminate();
    this.runner = this.theory = null;
    this.pending.clear();
  }
}
