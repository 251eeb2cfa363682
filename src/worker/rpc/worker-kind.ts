import type { Endpoint } from 'comlink';

/** What the layer needs of a worker: a real Worker, or a stand-in over a MessageChannel in tests. */
export interface WorkerLike extends Endpoint {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  terminate(): void;
}

/** One kind of worker: an entry of the page's registry (src/ui/workers/worker-kinds.ts). */
export interface WorkerKind {
  /** The registry's key; test hooks kill workers by it. */
  readonly id: string;
  /** How messages name it: "the phase-diagram worker stopped (…)". */
  readonly label: string;
  /** A new worker of this kind (a literal `new Worker(new URL(…))`, which the bundler follows). */
  spawn(): WorkerLike;
  /**
   * How an aborted call stops: 'signal' — the handler sees its AbortSignal between
   * slices of work; 'terminate' — the work is one synchronous computation that no
   * message can reach, so the worker is ended and a fresh one serves the next call.
   */
  readonly cancel: 'signal' | 'terminate';
}
