/// <reference lib="webworker" />
/**
 * A phase-diagram worker: computes the escaped count of each cell it is handed,
 * a few cells per task so a cancel lands between them.
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
  const cells = msg.cells;
  const CHUNK = 4;
  for (let at = 0; at < cells.length; at += CHUNK) {
    if (current !== msg.job) return;
    const part = cells.slice(at, at + CHUNK);
    const escaped = Int32Array.from(part, (c) => phaseCell(problem, msg.grid, c));
    const out: FromPhaseWorker = { type: 'counts', job: msg.job, cells: part, escaped };
    self.postMessage(out, [part.buffer, escaped.buffer]);
    // yield so a cancel can land
    await new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    });
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
