/**
 * The phase grid's 1D cell loop in WebAssembly (sgd-1d.wat, escapedRuns), behind
 * the same call as the TypeScript loop it reproduces (escapedRuns1D in
 * src/core/explore/phase-grid.ts). The runs' starting points and generator
 * states are made here, by the same TypeScript as the loop's (cellStream,
 * perturbedStart, streamRng: a jump-ahead per run, src/core/rng.ts); the kernel
 * takes the steps. Covered: the toy and 1D quadratic sums in every batch mode but
 * weighted sampling, under both generators; anything else returns null and the
 * TypeScript loop runs.
 */
import { perturbedStart } from '../engine/start-point';
import type { Problem } from '../problems/problem';
import { cellStream, NEWEST_GENERATOR, Salt, streamRng, type Generator } from '../rng';
import { align8, kernelFor, problemCode, writeState } from './kernel-choice';


const MODES = { full: 0, 'uniform-one': 1, without: 2, 'with-uniform': 3 } as const;

export interface KernelCell {
  kind: keyof typeof MODES;
  n: number;
  B: number;
  eta: number;
  c0: number;
  radius: number;
  escape: number;
  steps: number;
  runs: number;
  seed: number;
  cell: number;
  rng: Generator | undefined;
}

/**
 * The escaped runs of one 1D cell computed by the kernel, or null when the kernel
 * does not cover the problem or is unavailable (the caller runs the TypeScript loop).
 */
export function kernelEscapedRuns(p: Problem, c: KernelCell): number | null {
  const prob = problemCode(p);
  if (prob === null) return null;
  const n = p.n;
  // The kernel draws its indices in integers, the same as the doubles' only while n < 2^21 (sgd-1d.wat).
  if (n >= 2 ** 21) return null;
  // Memory: the n values at 0, perm (n f64: values under xoshiro128**, i32 indices under mulberry32), then each run's state (4 i32) and start (f64).
  const permAt = align8(8 * n);
  const statesAt = permAt + 8 * n;
  const startsAt = statesAt + 16 * c.runs;
  const k = kernelFor(prob.data, n, startsAt + 8 * c.runs);
  if (k === null) return null;
  const m = c.kind === 'full' ? n : c.B;
  const R2 = c.escape * c.escape;
  const center = Float64Array.of(c.c0);
  const states = new Int32Array(k.memory.buffer, statesAt, 4 * c.runs);
  const starts = new Float64Array(k.memory.buffer, startsAt, c.runs);
  let escaped = 0;
  let count = 0;
  for (let r = 0; r < c.runs; r++) {
    const stream = cellStream(c.rng, c.seed, c.cell, c.runs, r);
    const v = perturbedStart(center, c.radius, stream.seed, stream.runIndex, stream.rng)[0];
    // The run observes its start (t = 0) before the first step, as SgdRun does.
    const e0 = v - c.c0;
    if (e0 * e0 > R2) {
      escaped++;
      continue;
    }
    writeState(streamRng(stream.rng, stream.seed, stream.runIndex, Salt.run), states, 4 * count);
    starts[count] = v;
    count++;
  }
  const gen = (c.rng ?? NEWEST_GENERATOR) === 'mulberry32' ? 1 : 0;
  return escaped + k.escapedRuns(prob.code, MODES[c.kind], gen, n, m, c.eta, c.c0, R2, c.steps, count, 0, permAt, statesAt, startsAt);
}
