import type { WorkerKind } from './rpc/worker-kind';

/**
 * The theory of a large model's minima, in a worker of the simulation worker's
 * own (src/worker/theory-api.ts). A call is one synchronous computation, so a
 * cancel ends the worker.
 */
export const theoryKind: WorkerKind = {
  id: 'theory',
  label: 'the theory worker',
  spawn: () => new Worker(new URL('./theory.worker.ts', import.meta.url), { type: 'module' }),
  cancel: 'terminate',
};
