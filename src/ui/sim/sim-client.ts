import type { FromWorker, ToWorker } from '../../worker/protocol';
import { SupervisedWorker } from '../../worker/rpc/supervised-worker';
import type { WorkerKind } from '../../worker/rpc/worker-kind';
import { workerKinds } from '../workers/worker-kinds';

export interface SimClientEvents {
  message(msg: FromWorker): void;
  /** The worker died (uncaught error or killed): a fresh one has been started. */
  crashed(message: string): void;
}

export interface StartOptions {
  stepsPerSecond: number;
  paused: boolean;
  /** The share of one core (sharing.ts); 1 when absent. */
  share?: number;
}

/**
 * The page's side of the live run's stream (src/worker/protocol.ts): starts,
 * controls and cancels simulations, drops messages of cancelled ones, acks each
 * frame once drawn. The worker is spawned, watched and replaced by the one worker
 * layer (SupervisedWorker), as every worker kind is; after a death the client
 * keeps nothing but the next id.
 */
export class SimClient {
  private readonly host: SupervisedWorker;
  private id = 0;

  /** @param role names this stream among the simulation workers (live, compare, companion) for the test hooks. */
  constructor(
    private readonly events: SimClientEvents,
    kind: WorkerKind = workerKinds.sim,
    role?: string,
  ) {
    this.host = new SupervisedWorker(
      kind,
      {
        attach: (w) => {
          w.onmessage = (e: MessageEvent<FromWorker>) => {
            if (e.data.id !== this.id) return; // a cancelled simulation's late message
            this.events.message(e.data);
          };
        },
        died: (reason) => {
          this.id++; // nothing of the old worker is wanted any more
          this.events.crashed(reason);
        },
      },
      role,
    );
    void this.host.worker; // a worker ready before the first start
  }

  /** The id of the current simulation (0 before the first start). */
  get currentId(): number {
    return this.id;
  }

  /** Terminate the worker and start a fresh one (a crash, or a test killing it). */
  replace(reason: string): void {
    this.host.kill(reason);
  }

  private send(msg: ToWorker): void {
    this.host.worker.postMessage(msg);
  }

  start(query: string, opts: StartOptions): number {
    this.id++;
    this.send({ type: 'start', id: this.id, query, ...opts });
    return this.id;
  }

  pause(): void {
    this.send({ type: 'pause', id: this.id });
  }

  resume(): void {
    this.send({ type: 'resume', id: this.id });
  }

  step(steps = 1): void {
    this.send({ type: 'step', id: this.id, steps });
  }

  speed(stepsPerSecond: number): void {
    this.send({ type: 'speed', id: this.id, stepsPerSecond });
  }

  /** A new share of one core for the current simulation. */
  share(share: number): void {
    this.send({ type: 'share', id: this.id, share });
  }

  cancel(): void {
    this.send({ type: 'cancel', id: this.id });
    this.id++;
  }

  /** The frame was drawn: the worker may send the next one. */
  ack(id: number): void {
    if (id === this.id) this.send({ type: 'ack', id });
  }

  /** Test hook: make the worker throw. */
  crash(): void {
    this.send({ type: 'crash', id: this.id });
  }

  dispose(): void {
    this.host.dispose();
  }
}
