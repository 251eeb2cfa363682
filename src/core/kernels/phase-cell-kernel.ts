/**
 * The phase grid's 1D cell loop in WebAssembly (phase-cell.wat), behind the same
 * call as the TypeScript loop it reproduces (escapedRuns1D in
 * src/core/explore/phase-grid.ts). The runs' starting points and generator
 * states are made here, by the same TypeScript as the loop's (cellStream,
 * perturbedStart, streamRng: a jump-ahead per run, src/core/rng.ts); the kernel
 * takes the steps. Covered: the toy and 1D quadratic sums (`point`, `quadratic`
 * and `random` in d = 1) in every batch mode but weighted sampling, under both
 * generators. Anything else, or an engine without WebAssembly, takes the
 * TypeScript loop; phaseKernel() says which runs and why.
 */
import { perturbedStart } from '../engine/start-point';
import type { Problem } from '../problems/problem';
import { QuadraticProblem } from '../problems/quadratic';
import { ToyProblem } from '../problems/toy';
import { cellStream, NEWEST_GENERATOR, Salt, streamRng, Xoshiro128, type Generator } from '../rng';
import { PHASE_CELL_WASM } from './phase-cell-wasm';
import { instantiateKernel } from './wasm-loader';

interface PhaseCellExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  escapedRuns(
    problem: number,
    mode: number,
    gen: number,
    n: number,
    m: number,
    eta: number,
    c0: number,
    R2: number,
    steps: number,
    runs: number,
    data: number,
    perm: number,
    states: number,
    starts: number,
  ): number;
}

/** Which loop computes the phase grid's 1D cells, and why. */
export interface KernelStatus {
  kernel: 'WebAssembly' | 'TypeScript';
  reason: string;
}

export type KernelPreference = 'auto' | 'typescript';

let loaded: { exports: PhaseCellExports } | { reason: string } | null = null;
let preference: KernelPreference = 'auto';

function kernel(): PhaseCellExports | null {
  if (loaded === null) {
    const r = instantiateKernel(PHASE_CELL_WASM);
    loaded = r.ok ? { exports: r.exports as unknown as PhaseCellExports } : { reason: r.reason };
  }
  return 'exports' in loaded ? loaded.exports : null;
}

/** 'typescript' makes every cell take the TypeScript loop (the CLI's `--kernel typescript`, the side-by-side tests). */
export function setKernelPreference(p: KernelPreference): void {
  preference = p;
}

export function phaseKernel(): KernelStatus {
  if (preference === 'typescript') return { kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' };
  const k = kernel();
  if (k === null) return { kernel: 'TypeScript', reason: (loaded as { reason: string }).reason };
  return { kernel: 'WebAssembly', reason: '1D cells (toy, 1D quadratic sums) in WebAssembly (src/core/kernels/phase-cell.wat); the other problems in TypeScript' };
}

/** The kernel's problem code and its n values, or null for a problem it does not cover. Exact classes: a subclass might change a gradient. */
function problemCode(p: Problem): { code: number; data: Float64Array } | null {
  if (p instanceof ToyProblem && p.constructor === ToyProblem) return { code: 0, data: p.b };
  if (p instanceof QuadraticProblem && p.constructor === QuadraticProblem && p.dim === 1) return { code: 1, data: p.H };
  return null;
}

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

const align8 = (x: number) => (x + 7) & ~7;

/**
 * The escaped runs of one 1D cell computed by the kernel, or null when the kernel
 * does not cover the problem or is unavailable (the caller runs the TypeScript loop).
 */
export function kernelEscapedRuns(p: Problem, c: KernelCell): number | null {
  if (preference === 'typescript') return null;
  const prob = problemCode(p);
  if (prob === null) return null;
  const k = kernel();
  if (k === null) return null;
  const n = p.n;
  const m = c.kind === 'full' ? n : c.B;
  const R2 = c.escape * c.escape;
  const center = Float64Array.of(c.c0);
  // Memory: the n values, perm (n i32), then each run's state (4 i32) and start (f64).
  const dataAt = 0;
  const permAt = align8(dataAt + 8 * n);
  const statesAt = align8(permAt + 4 * n);
  const startsAt = statesAt + 16 * c.runs;
  const bytes = startsAt + 8 * c.runs;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  const buf = k.memory.buffer;
  new Float64Array(buf, dataAt, n).set(prob.data.subarray(0, n));
  const states = new Int32Array(buf, statesAt, 4 * c.runs);
  const starts = new Float64Array(buf, startsAt, c.runs);
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
    const rng = streamRng(stream.rng, stream.seed, stream.runIndex, Salt.run);
    if (rng instanceof Xoshiro128) {
      states[4 * count] = rng.s0;
      states[4 * count + 1] = rng.s1;
      states[4 * count + 2] = rng.s2;
      states[4 * count + 3] = rng.s3;
    } else {
      states[4 * count] = rng.state;
    }
    starts[count] = v;
    count++;
  }
  const gen = (c.rng ?? NEWEST_GENERATOR) === 'mulberry32' ? 1 : 0;
  return escaped + k.escapedRuns(prob.code, MODES[c.kind], gen, n, m, c.eta, c.c0, R2, c.steps, count, dataAt, permAt, statesAt, startsAt);
}
