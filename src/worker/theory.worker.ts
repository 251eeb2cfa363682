/// <reference lib="webworker" />
/**
 * The theory of the minima of a large model, off the simulation worker: that worker
 * streams the runs meanwhile, and ends this one (terminate) on a cancel or a new
 * start, so a long theory never delays a cancel. One request per worker.
 */
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import { theoryOfMinima } from '../core/simulate';
import type { FromTheoryWorker, ToTheoryWorker } from './theory-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<ToTheoryWorker>) => {
  const { query } = e.data;
  let out: FromTheoryWorker;
  try {
    if (queryNeedsFormulaCompiler(query)) await loadFormulaCompiler();
    const { problem, config } = buildProblem(decodeQuery(query).config);
    out = { minima: theoryOfMinima(problem, config) };
  } catch (err) {
    out = { minima: [], error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(out);
};
