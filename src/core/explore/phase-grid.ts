import type { Sampling } from '../batch-factor';
import { batchMode } from '../engine/batch-sampler';
import { DIVERGENCE_BOUND, SgdRun } from '../engine/sgd-run';
import { perturbedStart } from '../engine/start-point';
import type { Problem } from '../problems/problem';
import { cellStream, streamRng, Salt, type Generator } from '../rng';
import { stabilityRectangle } from '../stability-region';
import { analyseMinimum } from '../theory/analyse-minimum';
import * as pm from '../portable-math';
import { kernelEscapedRuns } from '../kernels/phase-cell-kernel';

export interface PhaseGridSpec {
  etaMin: number;
  etaMax: number;
  etaCount: number;
  /** Batch sizes to use (distinct, ascending, 1..n). */
  batches: number[];
  runs: number;
  steps: number;
  sampling: Sampling;
  seed: number;
  start: number;
  radius: number;
  escape: number;
  /** The link's generator (src/core/rng.ts); the newest when absent. */
  rng?: Generator;
}

/** Up to `count` distinct integers from 1 to n: all of them if n ≤ count, else log-spaced. */
export function batchAxis(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round(pm.exp((pm.log(n) * k) / (count - 1))));
  return [...out].sort((a, b) => a - b);
}

/** η of column i: log-spaced from etaMin to etaMax. */
export function etaAt(spec: PhaseGridSpec, i: number): number {
  if (spec.etaCount === 1) return spec.etaMin;
  return pm.exp(pm.log(spec.etaMin) + ((pm.log(spec.etaMax) - pm.log(spec.etaMin)) * i) / (spec.etaCount - 1));
}

/** Cells are numbered row-major: cell = bIndex·etaCount + etaIndex. */
export function cellCount(spec: PhaseGridSpec): number {
  return spec.etaCount * spec.batches.length;
}

/**
 * An order of the cells from coarse to fine: every 8th cell in both directions
 * first, then every 4th, 2nd and the rest, so the picture fills in progressively.
 */
export function coarseToFine(spec: PhaseGridSpec): number[] {
  const E = spec.etaCount;
  const R = spec.batches.length;
  const seen = new Uint8Array(E * R);
  const out: number[] = [];
  for (const step of [8, 4, 2, 1]) {
    for (let r = 0; r < R; r += step) {
      for (let e = 0; e < E; e += step) {
        const c = r * E + e;
        if (!seen[c]) {
          seen[c] = 1;
          out.push(c);
        }
      }
    }
  }
  return out;
}

/**
 * The measured fraction of SGD runs that escape within T steps in one cell.
 * Run r of cell c draws from a stream fixed by (seed, c, r) alone (cellStream),
 * so the grid does not depend on how cells are shared among workers.
 * A run stops as soon as it has escaped (or diverged: that counts as escaped).
 */
export function phaseCell(problem: Problem, spec: PhaseGridSpec, cell: number, loop: 'kernel' | 'typescript' = 'kernel'): number {
  const eta = etaAt(spec, cell % spec.etaCount);
  const B = spec.batches[Math.floor(cell / spec.etaCount)];
  const center = problem.minima[spec.start].x;
  if (problem.dim === 1 && !problem.project && problem.batchGradient1D !== undefined) {
    const mode = batchMode('sgd', problem.n, B, spec.sampling, problem.weights);
    if (mode.kind !== 'with-weighted') {
      // The WebAssembly kernel where it covers the problem and the engine has it (src/core/kernels); the same counts.
      const k = loop === 'kernel' ? kernelEscapedRuns(problem, { kind: mode.kind, n: problem.n, B, eta, c0: center[0], radius: spec.radius, escape: spec.escape, steps: spec.steps, runs: spec.runs, seed: spec.seed, cell, rng: spec.rng }) : null;
      if (k !== null) return k;
      return escapedRuns1D(problem as Problem & Required<Pick<Problem, 'batchGradient1D'>>, mode.kind, spec, eta, B, cell, center[0]);
    }
  }
  let escaped = 0;
  for (let r = 0; r < spec.runs; r++) {
    const { seed, runIndex, rng } = cellStream(spec.rng, spec.seed, cell, spec.runs, r);
    const run = new SgdRun(
      problem,
      { opt: 'sgd', eta, B, sampling: spec.sampling, center, escapeRadius: spec.escape, historyBudget: 0, seed, runIndex, rng },
      perturbedStart(center, spec.radius, seed, runIndex, rng),
    );
    while (run.t < spec.steps && run.escapeStep < 0 && run.divergedStep < 0) run.advance(Math.min(32, spec.steps - run.t));
    if (run.escapeStep >= 0 || run.divergedStep >= 0) escaped++;
  }
  return escaped;
}

/**
 * phaseCell for a 1D problem without projection: the runs SgdRun would take, step for
 * step (the same draws, the same gradient calls, the same divergence and escape tests),
 * in one loop per batch mode with the buffers shared by all runs of the cell and each run
 * stopped at its first escape. The grid only needs whether a run escaped, so nothing else
 * is kept. sgd-run.ts holds the reference loop; tests/core/explore compares the two.
 */
function escapedRuns1D(
  p: Problem & Required<Pick<Problem, 'batchGradient1D'>>,
  kind: 'full' | 'uniform-one' | 'without' | 'with-uniform',
  spec: PhaseGridSpec,
  eta: number,
  B: number,
  cell: number,
  c0: number,
): number {
  const n = p.n;
  const m = kind === 'full' ? n : B;
  const x = new Float64Array(1);
  const g = new Float64Array(1);
  const idx = new Int32Array(Math.max(1, m));
  const perm = new Int32Array(kind === 'without' ? n : 0);
  const R2 = spec.escape * spec.escape;
  const steps = spec.steps;
  const center = Float64Array.of(c0);
  const term = p.batchTerm1D !== undefined && p.batchFinish1D !== undefined ? (p as Required<Pick<Problem, 'batchTerm1D' | 'batchFinish1D'>>) : null;
  let escaped = 0;
  for (let r = 0; r < spec.runs; r++) {
    const stream = cellStream(spec.rng, spec.seed, cell, spec.runs, r);
    let v = perturbedStart(center, spec.radius, stream.seed, stream.runIndex, stream.rng)[0];
    // SgdRun observes its start (t = 0) before the first step.
    const e0 = v - c0;
    if (e0 * e0 > R2) {
      escaped++;
      continue;
    }
    const rng = streamRng(stream.rng, stream.seed, stream.runIndex, Salt.run);
    for (let i = 0; i < perm.length; i++) perm[i] = i;
    for (let t = 0; t < steps; t++) {
      let grad: number;
      if (kind === 'uniform-one') grad = p.batchGradient1D((rng.next() * n) | 0, v);
      else if (kind === 'without' && term !== null) {
        // Draw and sum in one pass: the same draws, the same summands in the same order.
        let sum = 0;
        for (let j = 0; j < m; j++) {
          const k = j + ((rng.next() * (n - j)) | 0);
          const picked = perm[k];
          perm[k] = perm[j];
          perm[j] = picked;
          sum += term.batchTerm1D(picked, v);
        }
        grad = term.batchFinish1D(sum, m, v);
      } else if (kind === 'with-uniform' && term !== null) {
        let sum = 0;
        for (let j = 0; j < m; j++) sum += term.batchTerm1D((rng.next() * n) | 0, v);
        grad = term.batchFinish1D(sum, m, v);
      } else {
        if (kind === 'without') {
          for (let j = 0; j < m; j++) {
            const k = j + ((rng.next() * (n - j)) | 0);
            const tmp = perm[j];
            perm[j] = perm[k];
            perm[k] = tmp;
            idx[j] = perm[j];
          }
        } else if (kind === 'with-uniform') {
          for (let j = 0; j < m; j++) idx[j] = (rng.next() * n) | 0;
        }
        x[0] = v;
        if (kind === 'full') p.fullGradient(x, g);
        else p.batchGradient(x, idx, m, g);
        grad = g[0];
      }
      const next = v - eta * grad;
      if (!(next < DIVERGENCE_BOUND && next > -DIVERGENCE_BOUND)) {
        escaped++; // diverged counts as escaped
        break;
      }
      v = next;
      const e = v - c0;
      if (e * e > R2) {
        escaped++;
        break;
      }
    }
  }
  return escaped;
}

/** The theory's view of one cell, for the overlays. */
export interface CellTheory {
  rho: number;
  lyapunov: number;
  /** a ≤ 2/η */
  gdStable: boolean;
  /** s ≤ 1/(η√c) */
  belowRectangleTop: boolean;
}

export function cellTheory(problem: Problem, spec: PhaseGridSpec, cell: number): CellTheory {
  const eta = etaAt(spec, cell % spec.etaCount);
  const B = spec.batches[Math.floor(cell / spec.etaCount)];
  const t = analyseMinimum(problem, problem.minima[spec.start], { eta, B, sampling: spec.sampling, radius: spec.radius, escape: spec.escape, seed: spec.seed, rng: spec.rng });
  const rect = stabilityRectangle(eta, problem.n, B, spec.sampling);
  return { rho: t.spectralRadius, lyapunov: t.lyapunov.value, gdStable: t.stableGD, belowRectangleTop: t.nonUniformity <= rect.nonUniformityMax };
}
