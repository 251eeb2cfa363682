/// <reference lib="webworker" />
/**
 * A phase-diagram worker: computes the escaped count of each cell it is handed,
 * posting every few cells (sooner when they are slow) and yielding after each
 * message so a cancel lands between them.
 */
import { phaseCell } from '../core/explore/phase-grid';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import type { Problem } from '../core/problems/problem';
import type { FromPhaseWorker, ToPhaseWorker } from './phase-protocol';

declare const self: DedicatedWorkerGlobalScope;

let current = -1;
let built: { query: string; problem: Problem } | null = null;

async function run(msg: Extract<ToPhaseWorker, { type: 'cells' }>): Promise<void> {
  current = msg.job;
  if (queryNeedsFormulaCompiler(msg.query)) await loadFormulaCompiler();
  // Every batch of a grid carries the same query: build its problem once (Styblinski–Tang d = 10 takes ~¼ s).
  if (built === null || built.query !== msg.query) built = { query: msg.query, problem: buildProblem(decodeQuery(msg.query).config).problem };
  const problem = built.problem;
  const pending: number[] = [];
  const cells = msg.cells;
  // Results go out every few cells, or sooner when cells are slow, so the coarse pass
  // reaches the screen as it is computed; a yield after each message lets a cancel land.
  const CHUNK = 4;
  const POST_MS = 12;
  let from = 0;
  let since = performance.now();
  for (let at = 0; at < cells.length; at++) {
    if (current !== msg.job) return;
    const escaped = phaseCell(problem, msg.grid, cells[at]);
    pending.push(escaped);
    const now = performance.now();
    if (at + 1 - from >= CHUNK || now - since >= POST_MS || at + 1 === cells.length) {
      const part = cells.slice(from, at + 1);
      const counts = Int32Array.from(pending);
      pending.length = 0;
      from = at + 1;
      const out: FromPhaseWorker = { type: 'counts', job: msg.job, cells: part, escaped: counts };
      self.postMessage(out, [part.buffer, counts.buffer]);
      await new Promise<void>((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(null);
      });
      since = performance.now();
    }
  }
}

self.onmessage = (e: MessageEvent<ToPhaseWorker>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    if (current === msg.job) current = -1;
    return;
  }
  run(msg).catch((err: unknown) => {
    const out: FromPhaseWorker = { type: 'error', job: msg.job, message: err instanceof Error ? err.message : String(err) };
    self.postMessage(out);
  });
};
