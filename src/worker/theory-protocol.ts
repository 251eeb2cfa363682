/** The theory worker's one request and its answer (src/worker/theory.worker.ts). */
import type { MinimumTheory } from '../core/theory/analyse-minimum';

export interface ToTheoryWorker {
  /** The run's canonical query: the worker builds the same problem from it. */
  query: string;
}

export interface FromTheoryWorker {
  minima: MinimumTheory[];
  error?: string;
}
