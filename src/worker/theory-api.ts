/**
 * The theory of the minima of a large model, off the simulation worker (served
 * by theory.worker.ts): that worker streams the runs meanwhile, and a cancel or
 * a new start ends this one (theoryKind.cancel), so a long theory never delays
 * a cancel.
 */
import type { MinimumTheory } from '../core/theory/analyse-minimum';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import { theoryOfMinima } from '../core/simulate';

export const theoryApi = {
  /** theoryOfMinima of the problem the run's canonical query builds. */
  async minima(query: string, signal?: AbortSignal): Promise<MinimumTheory[]> {
    if (queryNeedsFormulaCompiler(query)) await loadFormulaCompiler();
    signal?.throwIfAborted();
    const { problem, config } = buildProblem(decodeQuery(query).config);
    return theoryOfMinima(problem, config);
  },
};

export type TheoryApi = typeof theoryApi;
