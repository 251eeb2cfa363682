/**
 * Spawn, watch and replace one worker: the part of the RPC layer every worker
 * kind shares, the live run's stream included. An uncaught error in the worker,
 * a message that cannot be read, or kill() (a test, or a client that knows it
 * is dead) ends it, starts a fresh one, and tells the client why, so that the
 * client can reject what it was waiting for.
 */
import type { WorkerKind, WorkerLike } from './worker-kind';

export interface Supervision {
  /** A new worker of the kind is running: bind its messages. */
  attach(worker: WorkerLike): void;
  /** The worker died; a fresh one is already attached. */
  died(reason: string): void;
}

/** Every supervised worker not yet disposed, for the test hooks. */
const live = new Set<SupervisedWorker>();

export class SupervisedWorker {
  private current: WorkerLike | null = null;

  /** @param role names this worker among others of its kind (the companion run, the atlas) for the test hooks. */
  constructor(
    readonly kind: WorkerKind,
    private readonly supervision: Supervision,
    readonly role: string = kind.id,
  ) {}

  /** Whether a worker is running now (it starts on first use). */
  get running(): boolean {
    return this.current !== null;
  }

  /** The running worker, started on first use and again after it ended. */
  get worker(): WorkerLike {
    if (this.current) return this.current;
    const w = this.kind.spawn();
    w.onerror = (e: ErrorEvent) => {
      // Handled here: the page's console and error reporting need not see it twice.
      e.preventDefault();
      if (this.current === w) this.kill(e.message || 'an uncaught error');
    };
    w.onmessageerror = () => {
      if (this.current === w) this.kill('a message from it could not be read');
    };
    this.current = w;
    live.add(this);
    this.supervision.attach(w);
    return w;
  }

  /** The worker is dead: end it, start a fresh one, and report the reason. */
  kill(reason: string): void {
    this.end();
    void this.worker;
    this.supervision.died(reason);
  }

  /** End the worker without a death: a cancel that no message could reach. The next use starts a fresh one. */
  restart(): void {
    this.end();
  }

  dispose(): void {
    this.end();
    live.delete(this);
  }

  private end(): void {
    this.current?.terminate();
    this.current = null;
  }
}

/**
 * Test hook: kill every live worker of a kind (its registry id) or role, as if it
 * had died mid-job. Returns how many were killed.
 */
export function killWorkers(name: string): number {
  let n = 0;
  for (const s of live) {
    if (!s.running || (s.kind.id !== name && s.role !== name)) continue;
    s.kill('killed');
    n++;
  }
  return n;
}
