/// <reference lib="webworker" />
/**
 * The simulation worker: GD and SGD side by side, advanced in slices of about
 * 8 ms so that a cancel lands within a frame. All logic is in SimSession; this
 * file binds it to the worker global. A throw is reported, not swallowed.
 */
import type { FromWorker, ToWorker } from './protocol';
import { SimSession } from './sim-session';
import type { FromTheoryWorker, ToTheoryWorker } from './theory-protocol';
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

// The theory of a large model runs in a worker of its own, one per request; ending it is the cancel.
let theoryWorker: Worker | null = null;
function cancelTheory(): void {
  theoryWorker?.terminate();
  theoryWorker = null;
}

const session = new SimSession({
  theory: (query) =>
    new Promise((resolve, reject) => {
      cancelTheory();
      const w = new Worker(new URL('./theory.worker.ts', import.meta.url), { type: 'module' });
      theoryWorker = w;
      w.onmessage = (e: MessageEvent<FromTheoryWorker>) => {
        if (theoryWorker === w) theoryWorker = null;
        w.terminate();
        if (e.data.error !== undefined) reject(new Error(e.data.error));
        else resolve(e.data.minima);
      };
      w.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        if (theoryWorker === w) theoryWorker = null;
        w.terminate();
        reject(new Error(ev.message || 'the theory worker failed'));
      };
      const req: ToTheoryWorker = { query };
      w.postMessage(req);
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
