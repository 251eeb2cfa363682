/**
 * The simulation session's way to the theory worker (SimSession's `theory` and
 * `cancelTheory`), through the one worker layer. A cancel aborts the call, which
 * ends the worker (theoryKind.cancel); the abandoned promise never settles, as
 * SimSession expects. A dead worker rejects with "the theory worker stopped (…)",
 * which the session posts as the theory's error; the next request gets a fresh one.
 */
import type { MinimumTheory } from '../core/theory/analyse-minimum';
import { isAbortError, RpcClient } from './rpc/rpc-client';
import type { WorkerKind } from './rpc/worker-kind';
import type { TheoryApi } from './theory-api';

export interface TheoryHost {
  theory(query: string): Promise<MinimumTheory[]>;
  cancelTheory(): void;
  /** Test hook: the worker dies mid-job. */
  kill(reason: string): void;
}

export function theoryHost(kind: WorkerKind): TheoryHost {
  const client = new RpcClient<TheoryApi>(kind);
  let pending: AbortController | null = null;
  const cancelTheory = () => {
    pending?.abort();
    pending = null;
  };
  return {
    theory: (query) =>
      new Promise((resolve, reject) => {
        cancelTheory();
        const ctrl = new AbortController();
        pending = ctrl;
        client.call('minima', query, ctrl.signal).then(resolve, (err: unknown) => {
          if (!isAbortError(err)) reject(err instanceof Error ? err : new Error(String(err)));
        });
      }),
    cancelTheory,
    kill: (reason) => client.kill(reason),
  };
}
