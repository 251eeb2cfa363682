/**
 * The selection worker's API (served by selection.worker.ts): the selection
 * experiment (core selection(), SGD then GD from the same starts) and the
 * explore tabs' theory (the minima atlas at η, B; the phase diagram's theory
 * boundaries). Each call is one synchronous computation: the page cancels a
 * selection by ending the worker (workerKinds.selection.cancel).
 */
import type { Sampling } from '../core/batch-factor';
import type { PhaseGridSpec } from '../core/explore/phase-grid';
import { selection, type SelectionSpec } from '../core/explore/selection';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import type { Problem } from '../core/problems/problem';
import type { AtlasResult, PhaseBoundaries, Selected } from './selection-protocol';
import { atlasAt, atlasPoints, phaseBoundaries } from './selection-theory';

/** The last problem built, by its query (the atlas asks again at every η, B). */
let built: { query: string; problem: Problem } | null = null;

async function problemOf(query: string): Promise<Problem> {
  if (built?.query === query) return built.problem;
  if (queryNeedsFormulaCompiler(query)) await loadFormulaCompiler();
  const { problem } = buildProblem(decodeQuery(query).config);
  built = { query, problem };
  return problem;
}

export const selectionApi = {
  async select(query: string, spec: SelectionSpec, signal?: AbortSignal): Promise<Selected> {
    const problem = await problemOf(query);
    signal?.throwIfAborted();
    const around = spec.around;
    if (around && around.length !== problem.dim) throw new Error(`around has ${around.length} coordinates; the problem has d = ${problem.dim}`);
    const t0 = performance.now();
    const sgd = selection(problem, spec, 'sgd');
    const gd = selection(problem, spec, 'gd');
    return { sgd, gd, minima: atlasPoints(problem, spec.sampling), ms: performance.now() - t0 };
  },

  async atlas(query: string, eta: number, B: number, sampling: Sampling): Promise<AtlasResult> {
    return atlasAt(await problemOf(query), eta, B, sampling);
  },

  async boundaries(query: string, grid: PhaseGridSpec): Promise<PhaseBoundaries> {
    return phaseBoundaries(await problemOf(query), grid);
  },
};

export type SelectionApi = typeof selectionApi;
