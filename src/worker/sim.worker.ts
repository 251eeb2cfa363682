/// <reference lib="webworker" />
/**
 * The simulation worker: GD and SGD side by side, advanced in slices of about
 * 5 ms so that a new start or a cancel lands within a frame. All logic is in SimSession; this
 * file binds it to the worker global. A throw is reported, not swallowed.
 */
import type { FromWorker, ToWorker } from './protocol';
import { SimSession } from './sim-session';
import { theoryHost } from './theory-host';
import { theoryKind } from './theory-kind';
import { loadDigits } from '../core/data/digits';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { queryNeedsDigits } from '../core/problems/mlp-data';

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

// The theory of a large model runs in a worker of its own, through the one worker layer.
const theory = theoryHost(theoryKind);

const session = new SimSession({
  theory: theory.theory,
  cancelTheory: theory.cancelTheory,
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

// A custom problem needs the formula compiler (mathjs), and a network on the digits
// their data, each loaded only then; messages
// wait in order behind the load so a cancel never overtakes its start.
let ready: Promise<unknown> = Promise.resolve();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'start' && queryNeedsFormulaCompiler(msg.query)) ready = ready.then(() => loadFormulaCompiler());
  if (msg.type === 'start' && queryNeedsDigits(msg.query)) ready = ready.then(() => loadDigits());
  ready = ready
    .then(() => session.handle(msg))
    .catch((err: unknown) => reportError(msg.id, err));
};
