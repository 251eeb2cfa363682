/**
 * The phase-diagram worker's API (served by phase.worker.ts; the page calls it
 * through src/worker/rpc): the escaped count of each cell it is handed. Cells
 * carry their own seeds (seed, cell), so a grid does not depend on the pool
 * size or on which worker computes a cell.
 */
import { phaseCell, type PhaseGridSpec } from '../core/explore/phase-grid';
import { kernelStatus, type KernelStatus } from '../core/kernels/kernel-choice';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import type { Problem } from '../core/problems/problem';

/** Every batch of a grid carries the same query: its problem is built once (Styblinski–Tang d = 10 takes ~¼ s). */
let built: { query: string; problem: Problem } | null = null;

/** Work this long between yields, so that an abort (a message) lands within a frame. */
const SLICE_MS = 8;

// Yield through a MessageChannel: setTimeout(0) is clamped to 4 ms once nested (HTML timers).
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });

/**
 * Calls are computed one after another, not interleaved at each yield: the pool keeps
 * several calls in flight per worker so that the next is already here when one ends; two
 * interleaved calls would end together and leave the worker idle while the page draws
 * and sends more (about a tenth of a grid's time, measured in Chromium).
 */
let queue: Promise<unknown> = Promise.resolve();

export const phaseApi = {
  /** Which loop computes this worker's 1D cells (the WebAssembly kernel, or TypeScript and why): the page names it in the status's tooltip. */
  async kernel(): Promise<KernelStatus> {
    return kernelStatus();
  },

  /** Escaped runs of each listed cell (row-major: cell = bIndex·etaCount + etaIndex), in their order. */
  cells(query: string, grid: PhaseGridSpec, cells: Int32Array, signal?: AbortSignal): Promise<Int32Array> {
    const mine = queue.then(() => computeCells(query, grid, cells, signal));
    queue = mine.catch(() => undefined);
    return mine;
  },
};

async function computeCells(query: string, grid: PhaseGridSpec, cells: Int32Array, signal?: AbortSignal): Promise<Int32Array> {
  if (queryNeedsFormulaCompiler(query)) await loadFormulaCompiler();
  if (built === null || built.query !== query) built = { query, problem: buildProblem(decodeQuery(query).config).problem };
  const problem = built.problem;
  const escaped = new Int32Array(cells.length);
  let since = performance.now();
  for (let i = 0; i < cells.length; i++) {
    signal?.throwIfAborted();
    escaped[i] = phaseCell(problem, grid, cells[i]);
    if (performance.now() - since >= SLICE_MS) {
      await yieldToMessages();
      since = performance.now();
    }
  }
  return escaped;
}

export type PhaseApi = typeof phaseApi;
