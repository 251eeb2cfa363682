/**
 * The page's side of an RPC worker: typed calls to the API object the worker
 * exposes (its type is `typeof` that object), over comlink.
 * - A call is cancelled by an AbortSignal among its arguments: it rejects at
 *   once with an AbortError, and the worker stops as its kind says (WorkerKind.cancel).
 * - A throwing handler rejects the call with its message.
 * - A dead worker rejects every pending call with "<label> stopped (<reason>)"
 *   and is replaced; the next call goes to the fresh one.
 */
import { wrap, type Remote } from 'comlink';
import { SupervisedWorker } from './supervised-worker';
import { registerTransferHandlers, sendCollecting } from './transfer-handlers';
import type { WorkerKind } from './worker-kind';

type Method = (...args: never[]) => unknown;
type Result<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;
type Args<F> = F extends (...args: infer A) => unknown ? A : never;

/** A worker died under a call: the call's rejection. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

function abortError(signal: AbortSignal): DOMException {
  const r: unknown = signal.reason;
  return new DOMException(r instanceof Error ? r.message : r === undefined ? 'cancelled' : String(r), 'AbortError');
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export class RpcClient<Api extends Record<string, Method>> {
  private readonly host: SupervisedWorker;
  private remote: Remote<Api> | null = null;
  /** Each pending call's way to reject (a death, or a cancel that ends the worker). */
  private readonly pending = new Set<(e: Error) => void>();

  /** @param onDeath told after the pending calls were rejected (a view with nothing pending may still want to know). */
  constructor(
    readonly kind: WorkerKind,
    options: { role?: string; onDeath?: (message: string) => void } = {},
  ) {
    registerTransferHandlers();
    this.host = new SupervisedWorker(
      kind,
      {
        attach: (w) => {
          this.remote = wrap<Api>(w);
        },
        died: (reason) => {
          const message = `${kind.label} stopped (${reason})`;
          this.rejectAll(new WorkerStoppedError(message));
          options.onDeath?.(message);
        },
      },
      options.role,
    );
  }

  call<K extends keyof Api & string>(method: K, ...args: Args<Api[K]>): Promise<Result<Api[K]>> {
    const signal = (args as readonly unknown[]).find((a): a is AbortSignal => a instanceof AbortSignal);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    void this.host.worker; // (re)starts the worker, which sets remote
    // comlink's Remote<Api>[K] is this same function made async; TypeScript cannot see that through
    // the generic K, so the one cast of the layer is here.
    const fn = this.remote![method] as unknown as (...a: Args<Api[K]>) => Promise<Result<Api[K]>>;
    return new Promise<Result<Api[K]>>((resolve, reject) => {
      let release: (() => void) | null = null;
      const settle = (): boolean => {
        if (!this.pending.delete(fail)) return false;
        signal?.removeEventListener('abort', onAbort);
        release?.();
        return true;
      };
      const fail = (e: Error) => settle() && reject(e);
      const onAbort = () => {
        if (!signal || !settle()) return;
        reject(abortError(signal));
        if (this.kind.cancel === 'terminate') {
          this.host.restart();
          this.rejectAll(abortError(signal));
        }
      };
      this.pending.add(fail);
      const call = sendCollecting(() => fn(...args));
      release = call.release;
      call.sent.then(
        (v) => settle() && resolve(v),
        (e: unknown) => fail(asError(e)),
      );
      // After fn: the signal's own listener (added as it was sent) must tell the worker first.
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Test hook and last resort: treat the worker as dead. */
  kill(reason: string): void {
    this.host.kill(reason);
  }

  dispose(): void {
    this.host.dispose();
    this.rejectAll(new WorkerStoppedError(`${this.kind.label} was closed`));
  }

  private rejectAll(e: Error): void {
    for (const fail of this.pending) fail(e);
  }
}
