import { comparisonConfig, CONFIG_LABELS } from '../../core/compare';
import type { Config } from '../../core/params/param-table';
import type { RunsSummary } from '../../core/engine/ensemble';
import { simQuery, useExplorer } from '../state/store';
import { COMPARE_COLORS, COMPARE_DASHES } from '../theme/compare-colors';
import type { RenderLoop } from '../charts/render-loop';
import { dragSpacing, pageGesture, RunHandle } from './run-handle';
import { workerShare } from './sharing';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';
import type { LiveRun } from './live-run';

/** One comparison's live run: its own worker, its own buffers, drawn in its colour. */
export interface ComparisonRun {
  /** B, C or D. */
  label: string;
  color: string;
  dash: readonly number[];
  /** The entry as written in `compare`. */
  entry: string;
  config: Config;
  query: string;
  run: LiveRun | null;
  summary: { sgd: RunsSummary | null; gd: RunsSummary | null } | null;
  error: string | null;
}

interface Slot {
  handle: RunHandle;
  state: ComparisonRun;
  /** The share of a core its run was last given (sharing.ts). */
  share: number;
}

/**
 * The comparisons of `compare`, each run in a worker of its own (off the
 * page's thread) with the same sim session as the main run, so its checksum is
 * `npm run sim`'s for its configuration. Frames are drawn in the main render
 * loop and acked after it, as the main run's are.
 */
export class CompareRuns {
  private slots: Slot[] = [];
  private listeners = new Set<(runs: ComparisonRun[]) => void>();
  private unsubscribe: () => void;
  private dirty = false;
  private offLoop: () => void;

  constructor(
    private readonly loop: RenderLoop,
    private readonly kind: WorkerKind = workerKinds.sim,
  ) {
    this.unsubscribe = useExplorer.subscribe((s, prev) => {
      if (s.config !== prev.config) this.sync(s.config);
      if (s.paused !== prev.paused)
        for (const slot of this.slots) {
          if (s.paused) slot.handle.pause();
          else slot.handle.resume();
        }
      if (s.config.speed !== prev.config.speed) for (const slot of this.slots) slot.handle.speed(s.config.speed);
    });
    this.offLoop = loop.add(() => {
      if (!this.dirty) return;
      this.dirty = false;
      const runs = this.runs;
      for (const fn of this.listeners) fn(runs);
    });
    this.sync(useExplorer.getState().config);
  }

  get runs(): ComparisonRun[] {
    return this.slots.map((s) => s.state);
  }

  subscribe(fn: (runs: ComparisonRun[]) => void): () => void {
    this.listeners.add(fn);
    fn(this.runs);
    return () => this.listeners.delete(fn);
  }

  /**
   * Start what changed. A comparison whose configuration is unchanged keeps its
   * run even when it moves to another letter (a removal before it), so
   * removing one never restarts the others.
   */
  private sync(main: Config): void {
    const entries = main.compare;
    const wanted = entries.map((entry) => {
      const config = comparisonConfig(main, entry);
      return { entry, config, query: simQuery(config) };
    });
    const free = [...this.slots];
    const next: Array<Slot | null> = wanted.map((w) => {
      const k = free.findIndex((s) => s.state.query === w.query && s.state.run !== null);
      return k >= 0 ? free.splice(k, 1)[0] : null;
    });
    for (let i = 0; i < next.length; i++) if (!next[i]) next[i] = free.shift() ?? this.makeSlot();
    for (const s of free) s.handle.dispose();
    const share = workerShare(1 + wanted.length);
    this.slots = next.map((slot, i) => {
      const s = slot!;
      const w = wanted[i];
      const look = { label: CONFIG_LABELS[i + 1], color: COMPARE_COLORS[i], dash: COMPARE_DASHES[i], entry: w.entry, config: w.config };
      if (s.state.query === w.query && s.state.run) {
        s.state = { ...s.state, ...look };
        if (s.share !== share) s.handle.share(share);
        s.share = share;
        return s;
      }
      // A comparison dragged along with the main η keeps its buffers until its new run is built.
      s.state = { ...s.state, ...look, query: w.query, summary: null, error: null };
      const st = useExplorer.getState();
      s.share = share;
      s.handle.start(w.query, { speed: st.config.speed, paused: st.paused, share });
      return s;
    });
    this.notify();
  }

  /** Run every comparison again from the same starts (Reset, R). */
  restart(): void {
    const st = useExplorer.getState();
    for (const s of this.slots) {
      if (!s.state.query) continue;
      s.state = { ...s.state, run: null, summary: null, error: null };
      s.handle.start(s.state.query, { speed: st.config.speed, paused: st.paused, share: s.share }, true);
    }
    this.notify();
  }

  private makeSlot(): Slot {
    const state: ComparisonRun = { label: '', color: COMPARE_COLORS[0], dash: COMPARE_DASHES[0], entry: '', config: useExplorer.getState().config, query: '', run: null, summary: null, error: null };
    // The worker answers only after this returns, so the slot exists by the first message.
    const holder: { slot: Slot | null } = { slot: null };
    const update = (patch: Partial<ComparisonRun>) => {
      if (!holder.slot) return;
      holder.slot.state = { ...holder.slot.state, ...patch };
      this.notify();
    };
    const handle = new RunHandle(
      {
        started: (run) => update({ run }),
        frame: () => this.notify(),
        done: (_run, summary) => update({ summary }),
        error: (message) => update({ error: message }),
        crashed: (reason) => update({ error: `The comparison's worker stopped (${reason}).`, query: '' }),
      },
      { kind: this.kind, role: 'compare', nextFrame: (fn) => this.loop.request(fn), spacing: dragSpacing, gesture: pageGesture },
    );
    holder.slot = { handle, state, share: 1 };
    return holder.slot;
  }

  private notify(): void {
    this.dirty = true;
    this.loop.request(() => {
      for (const slot of this.slots) slot.handle.drawn();
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.offLoop();
    for (const s of this.slots) s.handle.dispose();
    this.slots = [];
    this.listeners.clear();
  }
}
