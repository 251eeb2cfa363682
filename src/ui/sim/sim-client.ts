import type { FromWorker, ToWorker } from '../../worker/protocol';

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
 * The page's side of the worker protocol: starts, controls and cancels
 * simulations, drops messages of cancelled ones, acks each frame once drawn,
 * and replaces a worker that dies, keeping nothing but the next id.
 */
export class SimClient {
  private worker: Worker;
  private id = 0;

  constructor(
    private readonly events: SimClientEvents,
    private readonly spawn: () => Worker = () => new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.worker = this.attach(this.spawn());
  }

  /** The id of the current simulation (0 before the first start). */
  get currentId(): number {
    return this.id;
  }

  private attach(w: Worker): Worker {
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.id !== this.id) return; // a cancelled simulation's late message
      this.events.message(e.data);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.replace(e.message || 'the simulation worker stopped');
    };
    w.onmessageerror = () => this.replace('a message from the worker could not be read');
    return w;
  }

  /** Terminate the worker and start a fresh one (a crash, or a test killing it). */
  replace(reason: string): void {
    this.worker.terminate();
    this.id++; // nothing of the old worker is wanted any more
    this.worker = this.attach(this.spawn());
    this.events.crashed(reason);
  }

  private send(msg: ToWorker): void {
    this.worker.postMessage(msg);
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
    this.worker.terminate();
  }
}
