import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { WorkerKind, WorkerLike } from '../../src/worker/rpc/worker-kind';
import { SimSession } from '../../src/worker/sim-session';

/** A simulation worker stand-in: the worker's own SimSession behind a MessageChannel, in this thread. */
export interface SessionWorker extends WorkerLike {
  session: SimSession;
  /** Every message the page sent, in order. */
  received: ToWorker[];
  terminated: boolean;
  /** Fire the worker's error event, as an uncaught error inside a real worker does. */
  fail(message: string): void;
}

export function sessionWorker(): SessionWorker {
  const { port1, port2 } = new MessageChannel();
  const session = new SimSession({
    post: (m: FromWorker, transfer: ArrayBuffer[]) => port2.postMessage(m, transfer),
    now: () => performance.now(),
    soon: (fn) => setTimeout(fn, 0),
    later: (fn, ms) => setTimeout(fn, ms),
  });
  const w: SessionWorker = {
    session,
    received: [],
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminated: false,
    postMessage: (message: unknown) => port1.postMessage(message),
    addEventListener: (type: string, fn: EventListenerOrEventListenerObject) => port1.addEventListener(type, fn),
    removeEventListener: (type: string, fn: EventListenerOrEventListenerObject) => port1.removeEventListener(type, fn),
    terminate() {
      w.terminated = true;
      port1.close();
      port2.close();
    },
    fail(message) {
      w.onerror?.(Object.assign(new Event('error', { cancelable: true }), { message }) as ErrorEvent);
    },
  };
  port2.onmessage = (e: MessageEvent<ToWorker>) => {
    if (w.terminated) return;
    w.received.push(e.data);
    try {
      session.handle(e.data);
    } catch (err) {
      w.fail(err instanceof Error ? err.message : String(err));
    }
  };
  port1.onmessage = (e: MessageEvent) => w.onmessage?.(e);
  return w;
}

/** A worker kind of session workers; `spawned` lists them in order. */
export function sessionKind(): WorkerKind & { spawned: SessionWorker[] } {
  const spawned: SessionWorker[] = [];
  return {
    id: 'sim',
    label: 'the simulation worker',
    cancel: 'signal',
    spawned,
    spawn: () => {
      const w = sessionWorker();
      spawned.push(w);
      return w;
    },
  };
}
