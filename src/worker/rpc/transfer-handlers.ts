/**
 * Two comlink transfer handlers, registered on both sides of every RPC worker:
 * - an AbortSignal argument crosses as a MessagePort, and the other side gets a
 *   signal of its own that aborts when the caller's does;
 * - any other argument or result is sent with the buffers findTransferables
 *   finds in it, so no call site lists them by hand.
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { findTransferables } from './find-transferables';

/** What to undo once a call that carried this signal has settled (a listener, a port). */
const cleanups = new WeakMap<AbortSignal, Array<() => void>>();

/**
 * While a call is being sent (sendCollecting), its cleanups are kept for that call:
 * one signal may go with many calls (a phase grid's), and the first to settle must
 * not close the channels of the others.
 */
let collecting: Array<() => void> | null = null;

function onSettle(signal: AbortSignal, fn: () => void): void {
  if (collecting) {
    collecting.push(fn);
    return;
  }
  const list = cleanups.get(signal);
  if (list) list.push(fn);
  else cleanups.set(signal, [fn]);
}

const abortHandler: TransferHandler<AbortSignal, MessagePort> = {
  canHandle: (v): v is AbortSignal => typeof AbortSignal !== 'undefined' && v instanceof AbortSignal,
  serialize(signal) {
    const { port1, port2 } = new MessageChannel();
    const send = () => port1.postMessage(abortMessage(signal.reason));
    if (signal.aborted) send();
    else signal.addEventListener('abort', send, { once: true });
    onSettle(signal, () => {
      signal.removeEventListener('abort', send);
      // After an abort the other side closes its end once it has read the message.
      if (!signal.aborted) port1.close();
    });
    return [port2, [port2]];
  },
  deserialize(port) {
    const ctrl = new AbortController();
    port.onmessage = (e: MessageEvent<string>) => ctrl.abort(new DOMException(e.data, 'AbortError'));
    onSettle(ctrl.signal, () => port.close());
    return ctrl.signal;
  },
};

const transferablesHandler: TransferHandler<unknown, unknown> = {
  canHandle: (v): v is unknown => findTransferables(v).length > 0,
  serialize: (v) => [v, findTransferables(v)],
  deserialize: (v) => v,
};

function abortMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : reason === undefined ? 'cancelled' : String(reason);
}

/** Register both handlers (once per realm; the abort handler must come first). */
export function registerTransferHandlers(): void {
  if (transferHandlers.has('abort')) return;
  transferHandlers.set('abort', abortHandler as TransferHandler<unknown, unknown>);
  transferHandlers.set('transferables', transferablesHandler);
}

/** Send a call (comlink serialises its arguments at once); `release` undoes what this call's signals set up. */
export function sendCollecting<T>(send: () => T): { sent: T; release: () => void } {
  const mine: Array<() => void> = [];
  const outer = collecting;
  collecting = mine;
  try {
    return { sent: send(), release: () => mine.splice(0).forEach((fn) => fn()) };
  } finally {
    collecting = outer;
  }
}

/** A call has settled (the worker's side): close the channels of the signals among its arguments. */
export function releaseSignals(args: readonly unknown[]): void {
  for (const a of args) {
    if (!(a instanceof AbortSignal)) continue;
    cleanups.get(a)?.forEach((fn) => fn());
    cleanups.delete(a);
  }
}
