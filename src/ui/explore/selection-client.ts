import type { PhaseGridSpec } from '../../core/explore/phase-grid';
import type { Sampling } from '../../core/batch-factor';
import type { SelectionSpec } from '../../core/explore/selection';
import { RpcClient, WorkerStoppedError } from '../../worker/rpc/rpc-client';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import type { SelectionApi } from '../../worker/selection-api';
import type { AtlasResult, PhaseBoundaries, Selected } from '../../worker/selection-protocol';
import { workerKinds } from '../workers/worker-kinds';

/**
 * The page's side of the selection worker kind, through the one worker layer.
 * Two workers: one runs selections (a cancel ends it, as a selection is one
 * synchronous computation: workerKinds.selection.cancel), one answers the theory
 * (atlas, boundaries) so a slider never waits behind a long run. Atlas requests
 * are coalesced: only the latest η, B is computed.
 */
export class SelectionClient {
  private readonly runner: RpcClient<SelectionApi>;
  private readonly theory: RpcClient<SelectionApi>;
  private selecting: AbortController | null = null;
  private atlasBusy = false;
  private atlasNext: { query: string; eta: number; B: number; sampling: Sampling; done: (a: AtlasResult) => void; failed: (message: string) => void } | null = null;

  constructor(kind: WorkerKind = workerKinds.selection) {
    this.runner = new RpcClient<SelectionApi>(kind, { role: 'selection-runner' });
    this.theory = new RpcClient<SelectionApi>(kind, { role: 'selection-theory' });
  }

  /** Run the selection experiment; a later select or cancel rejects this one with an AbortError. */
  select(query: string, spec: SelectionSpec): Promise<Selected> {
    this.cancelSelect();
    const ctrl = new AbortController();
    this.selecting = ctrl;
    return this.runner.call('select', query, spec, ctrl.signal).finally(() => {
      if (this.selecting === ctrl) this.selecting = null;
    });
  }

  cancelSelect(): void {
    this.selecting?.abort(new DOMException('cancelled', 'AbortError'));
    this.selecting = null;
  }

  /**
   * The atlas at η, B; only the latest of a burst of requests is computed. `failed`
   * hears of a dead theory worker (an atlas of a problem that cannot be built is simply not drawn).
   */
  atlas(query: string, eta: number, B: number, sampling: Sampling, done: (a: AtlasResult) => void, failed: (message: string) => void = () => {}): void {
    this.atlasNext = { query, eta, B, sampling, done, failed };
    if (!this.atlasBusy) void this.pumpAtlas();
  }

  private async pumpAtlas(): Promise<void> {
    while (this.atlasNext) {
      const req = this.atlasNext;
      this.atlasNext = null;
      this.atlasBusy = true;
      try {
        const atlas = await this.theory.call('atlas', req.query, req.eta, req.B, req.sampling);
        if (!this.atlasNext) req.done(atlas);
      } catch (e) {
        if (e instanceof WorkerStoppedError) req.failed(e.message);
      } finally {
        this.atlasBusy = false;
      }
    }
  }

  boundaries(query: string, grid: PhaseGridSpec): Promise<PhaseBoundaries> {
    return this.theory.call('boundaries', query, grid);
  }

  dispose(): void {
    this.cancelSelect();
    this.runner.dispose();
    this.theory.dispose();
  }
}
