/// <reference lib="webworker" />
/**
 * The selection worker: runs the selection experiment (core selection(), SGD
 * then GD from the same starts) and computes the explore tabs' theory (the
 * minima atlas, the phase diagram's boundaries). A selection is one synchronous
 * computation: the page cancels it by terminating this worker.
 */
import { selection } from '../core/explore/selection';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../core/formula/load-formula-compiler';
import { decodeQuery } from '../core/params/query';
import { buildProblem } from '../core/problems/build-problem';
import type { Problem } from '../core/problems/problem';
import type { FromSelectionWorker, ToSelectionWorker } from './selection-protocol';
import { atlasAt, atlasPoints, phaseBoundaries } from './selection-theory';

declare const self: DedicatedWorkerGlobalScope;

/** The last problem built, by its query (the atlas asks again at every η, B). */
let built: { query: string; problem: Problem } | null = null;

async function problemOf(query: string): Promise<Problem> {
  if (built?.query === query) return built.problem;
  if (queryNeedsFormulaCompiler(query)) await loadFormulaCompiler();
  const { problem } = buildProblem(decodeQuery(query).config);
  built = { query, problem };
  return problem;
}

async function handle(msg: ToSelectionWorker): Promise<FromSelectionWorker> {
  const problem = await problemOf(msg.query);
  if (msg.type === 'atlas') return { type: 'atlas', job: msg.job, atlas: atlasAt(problem, msg.eta, msg.B, msg.sampling) };
  if (msg.type === 'boundaries') return { type: 'boundaries', job: msg.job, boundaries: phaseBoundaries(problem, msg.grid) };
  const around = msg.spec.around;
  if (around && around.length !== problem.dim) throw new Error(`around has ${around.length} coordinates; the problem has d = ${problem.dim}`);
  const t0 = performance.now();
  const sgd = selection(problem, msg.spec, 'sgd');
  const gd = selection(problem, msg.spec, 'gd');
  const points = atlasPoints(problem, msg.spec.sampling);
  return { type: 'selected', job: msg.job, sgd, gd, minima: points, ms: performance.now() - t0 };
}

// Messages are handled one at a time, in order; the page drops answers it no longer wants.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<ToSelectionWorker>) => {
  const msg = e.data;
  queue = queue.then(() =>
    handle(msg).then(
      (out) => self.postMessage(out),
      (err: unknown) => {
        const out: FromSelectionWorker = { type: 'error', job: msg.job, message: err instanceof Error ? err.message : String(err) };
        self.postMessage(out);
      },
    ),
  );
};
