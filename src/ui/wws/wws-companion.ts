import type { SwitchInfo } from '../../core/engine/switch-protocol';
import type { Config } from '../../core/params/param-table';
import type { AlignmentPart, FromWorker } from '../../worker/protocol';
import { SimClient, type StartOptions } from '../sim/sim-client';
import { workerKinds } from '../workers/worker-kinds';
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
  private client: SimClient;
  private state: CompanionState = empty('');
  private config: Config | null = null;

  constructor(private readonly onChange: (s: CompanionState) => void) {
    this.client = new SimClient(
      {
        message: (m) => this.onMessage(m),
        crashed: (reason) => this.set({ ...this.state, error: `the alignment worker stopped (${reason})`, done: true }),
      },
      workerKinds.sim,
      'companion',
    );
  }

  run(config: Config): void {
    this.config = config;
    const query = companionQuery(config);
    if (query === this.state.query) return;
    this.set(empty(query));
    // `lean` is an optional field of the start message; SimClient passes its options through.
    const opts: StartOptions & { lean: boolean } = { stepsPerSecond: Infinity, paused: false, lean: true };
    this.client.start(query, opts);
  }

  /** Run the current configuration again (after its worker died: the layer has started a fresh one). */
  restart(): void {
    const config = this.config;
    this.state = empty('');
    if (config) this.run(config);
  }

  dispose(): void {
    this.client.dispose();
  }

  private set(s: CompanionState): void {
    this.state = s;
    this.onChange(s);
  }

  private onMessage(m: FromWorker): void {
    const s = this.state;
    switch (m.type) {
      case 'frame': {
        const align = s.align;
        if (m.align) for (const k of Object.keys(align) as Array<keyof AlignmentSeries>) align[k] = [...align[k], ...m.align[k]];
        this.set({ ...s, align: { ...align }, gdPhase: m.gdPhase ?? s.gdPhase, t: m.t });
        this.client.ack(m.id);
        return;
      }
      case 'done':
        this.set({ ...s, switchInfo: m.switch ?? null, t: m.t, done: true });
        return;
      case 'error':
        this.set({ ...s, error: m.message, done: true });
        return;
      case 'started':
        return;
    }
  }
}
