import { exposeApi } from '../../src/worker/rpc/expose-api';
import type { WorkerKind, WorkerLike } from '../../src/worker/rpc/worker-kind';

type Api = Record<string, (...args: never[]) => unknown>;

/** A worker stand-in: the API served over a MessageChannel in this thread, as exposeApi serves it in a worker. */
export interface ChannelWorker extends WorkerLike {
  terminated: boolean;
  /** Fire the worker's error event, as an uncaught error inside a real worker does. */
  fail(message: string): void;
}

export function channelWorker(api: Api): ChannelWorker {
  const { port1, port2 } = new MessageChannel();
  exposeApi(api, port2);
  const w: ChannelWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    terminated: false,
    postMessage: (message: unknown, transfer?: Transferable[]) => port1.postMessage(message, transfer ?? []),
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
  return w;
}

/** A worker kind whose workers are channel workers serving `api`; `spawned` lists them in order. */
export function channelKind(api: Api, cancel: WorkerKind['cancel'] = 'signal'): WorkerKind & { spawned: ChannelWorker[] } {
  const spawned: ChannelWorker[] = [];
  return {
    id: 'test',
    label: 'the test worker',
    cancel,
    spawned,
    spawn: () => {
      const w = channelWorker(api);
      spawned.push(w);
      return w;
    },
  };
}
