/**
 * The worker's side of the RPC layer: serve an API object over comlink. Each
 * method may take an AbortSignal (the caller's, mirrored) and returns plain
 * data; typed arrays in its result are transferred, found by walking it. A
 * throw rejects the caller's promise with the same message.
 */
import { expose, type Endpoint } from 'comlink';
import { registerTransferHandlers, releaseSignals } from './transfer-handlers';

type Method = (...args: never[]) => unknown;

export function exposeApi<Api extends Record<string, Method>>(api: Api, endpoint?: Endpoint): void {
  registerTransferHandlers();
  const served: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(api)) {
    served[name] = async (...args: never[]) => {
      try {
        return await fn(...args);
      } finally {
        releaseSignals(args);
      }
    };
  }
  expose(served, endpoint);
}
