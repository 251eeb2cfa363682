import type { Sampling } from '../batch-factor';
import { SgdRun } from '../engine/sgd-run';
import { perturbedStart } from '../engine/start-point';
import type { Problem } from '../problems/problem';
import { cellStream, type Generator } from '../rng';
import { stabilityRectangle } from '../stability-region';
import { analyseMinimum } from '../theory/analyse-minimum';
import * as pm from '../portable-math';

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
export function phaseCell(problem: Problem, spec: PhaseGridSpec, cell: number): number {
  const eta = etaAt(spec, cell % spec.etaCount);
  const B = spec.batches[Math.floor(cell / spec.etaCount)];
  const center = problem.minima[spec.start].x;
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
