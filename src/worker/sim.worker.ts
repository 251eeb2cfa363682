/// <reference lib="webworker" />
/**
 * The simulation worker: GD and SGD side by side, advanced in slices of about
 * 8 ms so that a cancel lands within a frame. All logic is in SimSession; this
 * file binds it to the worker global. A throw is reported, not swallowed.
 */
import type { FromWorker, ToWorker } from './protocol';
import { SimSession } from './sim-session';
import { isAbortError, RpcClient } from './rpc/rpc-client';
import type { TheoryApi } from './theory-api';
import { theoryKind } from './theory-kind';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';

declare const self: DedicatedWorkerGlobalScope;

// Yield through a MessageChannel: setTimeout(0) is clamped to 4 ms once nested (HTML timers).
const channel = new MessageChannel();
const queue: Array<() => void> = [];
channel.port1.onmessage = () => {
  const fn = queue.shift();
  if (!fn) return;
  try {
    fn();
  } catch (err) {
    reportError(session.currentId, err);
  }
};

function reportError(id: number, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const msg: FromWorker = { type: 'error', id, message };
  self.postMessage(msg);
}

// The theory of a large model runs in a worker of its own, through the one worker layer;
// a cancel (or a new start) ends it, since its computation is one synchronous call.
const theoryWorker = new RpcClient<TheoryApi>(theoryKind);
let theoryCancel: AbortController | null = null;
function cancelTheory(): void {
  theoryCancel?.abort();
  theoryCancel = null;
}

const session = new SimSession({
  theory: (query) =>
    new Promise((resolve, reject) => {
      cancelTheory();
      const ctrl = new AbortController();
      theoryCancel = ctrl;
      theoryWorker.call('minima', query, ctrl.signal).then(resolve, (err: unknown) => {
        // SimSession's contract: an abandoned theory's promise never settles.
        if (!isAbortError(err)) reject(err instanceof Error ? err : new Error(String(err)));
      });
    }),
  cancelTheory,
  post: (msg: FromWorker, transfer: ArrayBuffer[]) => self.postMessage(msg, transfer),
  now: () => performance.now(),
  soon: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  },
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

// A custom problem needs the formula compiler (mathjs), loaded only then; messages
// wait in order behind the load so a cancel never overtakes its start.
let ready: Promise<unknown> = Promise.resolve();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'start' && queryNeedsFormulaCompiler(msg.query)) ready = ready.then(() => loadFormulaCompiler());
  ready = ready
    .then(() => session.handle(msg))
    .catch((err: unknown) => reportError(msg.id, err));
};
