/**
 * The registry of the page's worker kinds. Every worker the page starts is one
 * of these, spawned and supervised by the one worker layer (src/worker/rpc):
 * the live run's stream (and the comparisons' and the Wu–Wang–Su companion's),
 * the phase diagram's pool, and the explore tabs' selection and theory.
 * (The theory of a large model is a worker of the simulation worker's own:
 * src/worker/theory-kind.ts, outside this list because a worker's bundle
 * cannot import a list that names that worker itself.)
 */
import type { WorkerKind } from '../../worker/rpc/worker-kind';

export const workerKinds = {
  /** The live run's stream (src/worker/protocol.ts); cancelled by its own message. */
  sim: {
    id: 'sim',
    label: 'the simulation worker',
    spawn: () => new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module' }),
    cancel: 'signal',
  },
  /** Escape counts of phase-grid cells (src/worker/phase-api.ts); stops between cells. */
  phase: {
    id: 'phase',
    label: 'the phase-diagram worker',
    spawn: () => new Worker(new URL('../../worker/phase.worker.ts', import.meta.url), { type: 'module' }),
    cancel: 'signal',
  },
  /** The selection experiment and the explore tabs' theory (src/worker/selection-api.ts); one synchronous computation per call. */
  selection: {
    id: 'selection',
    label: 'the selection worker',
    spawn: () => new Worker(new URL('../../worker/selection.worker.ts', import.meta.url), { type: 'module' }),
    cancel: 'terminate',
  },
  /** A network's training for the network workspace (src/worker/network-api.ts); the page advances it call by call. */
  network: {
    id: 'network',
    label: 'the network worker',
    spawn: () => new Worker(new URL('../../worker/network.worker.ts', import.meta.url), { type: 'module' }),
    cancel: 'terminate',
  },
} as const satisfies Record<string, WorkerKind>;

export type WorkerKindId = keyof typeof workerKinds;
