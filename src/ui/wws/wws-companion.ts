import type { SwitchInfo } from '../../core/engine/switch-protocol';
import type { Config } from '../../core/params/param-table';
import type { AlignmentPart } from '../../worker/protocol';
import { RunHandle } from '../sim/run-handle';
import { simQuery } from '../state/store';

export type AlignmentSeries = { [K in keyof AlignmentPart]: number[] };

export interface CompanionState {
  query: string;
  /** Before the switch: GD's steps and loss. */
  gdPhase: { steps: number; loss: number } | null;
  switchInfo: SwitchInfo | null;
  align: AlignmentSeries;
  t: number;
  done: boolean;
  error: string | null;
}

/**
 * The companion's query: the same configuration with a single SGD run. Run 0
 * draws from the stream (seed, 0) whatever the ensemble's size, so this is the
 * live ensemble's run 0, and the GD phase is the same.
 */
export function companionQuery(config: Config): string {
  return simQuery({ ...config, runs: 1, opt: ['sgd'] });
}

const empty = (query: string): CompanionState => ({
  query,
  gdPhase: null,
  switchInfo: null,
  align: { step: [], loss: [], alpha: [], beta: [], mu: [], gamma: [] },
  t: 0,
  done: false,
  error: null,
});

/**
 * A second simulation worker for the Wu–Wang–Su workspace: one SGD run of the
 * current configuration, lean (no theory of the listed minima), for what the
 * live controller does not keep: the switch point with its theory, and α, β, μ, γ
 * of run 0 along the run. The ensemble itself is the live controller's.
 */
export class WwsCompanion {
  private handle: RunHandle;
  private state: CompanionState = empty('');
  private config: Config | null = null;

  constructor(private readonly onChange: (s: CompanionState) => void) {
    this.handle = new RunHandle(
      {
        frame: (_run, m) => {
          const s = this.state;
          const align = s.align;
          if (m.align) for (const k of Object.keys(align) as Array<keyof AlignmentSeries>) align[k] = [...align[k], ...m.align[k]];
          this.set({ ...s, align: { ...align }, gdPhase: m.gdPhase ?? s.gdPhase, t: m.t });
          // Nothing here waits for a drawn frame: the next one may come at once.
          this.handle.drawn();
        },
        done: (run, _summary, switchInfo) => this.set({ ...this.state, switchInfo, t: run.t, done: true }),
        error: (message) => this.set({ ...this.state, error: message, done: true }),
        crashed: (reason) => this.set({ ...this.state, error: `the alignment worker stopped (${reason})`, done: true }),
      },
      { role: 'companion', lean: true },
    );
  }

  run(config: Config): void {
    this.config = config;
    const query = companionQuery(config);
    if (query === this.state.query) return;
    this.set(empty(query));
    this.handle.start(query, { speed: 0, paused: false, share: 1 });
  }

  /** Run the current configuration again (after its worker died: the layer has started a fresh one). */
  restart(): void {
    const config = this.config;
    this.state = empty('');
    if (config) this.run(config);
  }

  dispose(): void {
    this.handle.dispose();
  }

  private set(s: CompanionState): void {
    this.state = s;
    this.onChange(s);
  }
}
