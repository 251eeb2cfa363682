/**
 * The one WebAssembly instance of the 1D kernels (sgd-1d.wat) in this worker or
 * process, loaded on first use, and the choice between it and the TypeScript
 * loops (docs/architecture.md, "WebAssembly kernels"). Both kernels cover the toy
 * and 1D quadratic sums (`point`, `quadratic` and `random` in d = 1), whose
 * component values they read from the kernel's memory at 0.
 */
import type { Problem } from '../problems/problem';
import { QuadraticProblem } from '../problems/quadratic';
import { ToyProblem } from '../problems/toy';
import { Xoshiro128, type Rng } from '../rng';
import { SGD_1D_WASM } from './sgd-1d-wasm';
import { instantiateKernel } from './wasm-loader';

export interface Sgd1DExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  escapedRuns(problem: number, mode: number, gen: number, n: number, m: number, eta: number, c0: number, R2: number, steps: number, runs: number, data: number, perm: number, states: number, starts: number): number;
  advance1D(problem: number, gen: number, n: number, data: number, eta: number, c0: number, R2: number, k: number, io: number): number;
}

/** Which loop computes the 1D phase cells and SGD steps, and why. */
export interface KernelStatus {
  kernel: 'WebAssembly' | 'TypeScript';
  reason: string;
}

export type KernelPreference = 'auto' | 'typescript';

let loaded: { exports: Sgd1DExports } | { reason: string } | null = null;
let preference: KernelPreference = 'auto';
/** The component values now at address 0 of the kernel's memory (a problem's b or H, never changed after it is built). */
let resident: Float64Array | null = null;

function instance(): Sgd1DExports | null {
  if (loaded === null) {
    const r = instantiateKernel(SGD_1D_WASM);
    loaded = r.ok ? { exports: r.exports as unknown as Sgd1DExports } : { reason: r.reason };
  }
  return 'exports' in loaded ? loaded.exports : null;
}

/** 'typescript' sends every step to the TypeScript loops (the CLI's `--kernel typescript`, the side-by-side tests). */
export function setKernelPreference(p: KernelPreference): void {
  preference = p;
}

/** False when the TypeScript loops are forced (every kernel of this process asks). */
export const kernelsAllowed = (): boolean => preference !== 'typescript';

export function kernelStatus(): KernelStatus {
  if (preference === 'typescript') return { kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' };
  if (instance() === null) return { kernel: 'TypeScript', reason: (loaded as { reason: string }).reason };
  return { kernel: 'WebAssembly', reason: '1D phase cells and SGD steps (toy, 1D quadratic sums; src/core/kernels/sgd-1d.wat) and quadratic-circle SGD steps (sgd-circle.wat) in WebAssembly; the other problems in TypeScript' };
}

/** The kernel's code for a problem (0 toy, 1 1D quadratic sum) and its component values; null where it does not apply. */
export function problemCode(p: Problem): { code: number; data: Float64Array } | null {
  // Exact classes: a subclass might change a gradient.
  if (p instanceof ToyProblem && p.constructor === ToyProblem) return { code: 0, data: p.b };
  if (p instanceof QuadraticProblem && p.constructor === QuadraticProblem && p.dim === 1) return { code: 1, data: p.H };
  return null;
}

/** The kernel, when it is chosen and available, with `bytes` of memory and the problem's values at 0. */
export function kernelFor(data: Float64Array, n: number, bytes: number): Sgd1DExports | null {
  if (preference === 'typescript') return null;
  const k = instance();
  if (k === null) return null;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) {
    k.memory.grow(Math.ceil((bytes - have) / 65536));
    resident = null;
  }
  if (resident !== data) {
    new Float64Array(k.memory.buffer, 0, n).set(data.subarray(0, n));
    resident = data;
  }
  return k;
}

/** The generator's state as the kernel reads it: xoshiro128**'s four words, or mulberry32's one. */
export function writeState(rng: Rng, to: Int32Array, at: number): void {
  if (rng instanceof Xoshiro128) {
    to[at] = rng.s0;
    to[at + 1] = rng.s1;
    to[at + 2] = rng.s2;
    to[at + 3] = rng.s3;
  } else {
    to[at] = rng.state;
  }
}

/** The state the kernel left, back into the TypeScript generator. */
export function readState(rng: Rng, from: Int32Array, at: number): void {
  if (rng instanceof Xoshiro128) {
    rng.s0 = from[at];
    rng.s1 = from[at + 1];
    rng.s2 = from[at + 2];
    rng.s3 = from[at + 3];
  } else {
    rng.state = from[at];
  }
}

export const align8 = (x: number) => (x + 7) & ~7;
