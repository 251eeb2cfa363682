/**
 * SgdRun.advance1D's steps in WebAssembly (sgd-1d.wat, advance1D): one uniform
 * index a step on the toy or a 1D quadratic sum, the same draws and the same
 * iterates bit for bit. The run keeps its state in TypeScript (x, t, the escape
 * step, the generator's words); each call copies it into the kernel's memory and
 * back, so the kernel pays off only over a stretch of steps (SgdRun calls it for
 * stretches of at least KERNEL_MIN_STEPS between recorded history points).
 */
import type { Problem } from '../problems/problem';
import { Xoshiro128, type Rng } from '../rng';
import { align8, kernelFor, problemCode, readState, writeState } from './kernel-choice';

/** Shorter stretches stay in TypeScript: copying the state in and out costs about as much as a few dozen steps. */
export const KERNEL_MIN_STEPS = 64;

/** Steps the kernel has taken in this worker or process (the tests check that the kernel, not the fallback, ran). */
export const advanceKernelStats = { steps: 0 };

export interface Stretch {
  v: number;
  t: number;
  escapeStep: number;
}

/** Whether the kernel covers this problem (it may still be unavailable: kernelAdvance1D then returns null). */
export const kernelCovers = (p: Problem): boolean => problemCode(p) !== null;

/**
 * Up to k steps from s (updated in place) with `rng` (its state updated too); the
 * finite steps taken and whether the run diverged (t then counts the diverging
 * step and v is the last finite iterate, as in advance1D). Null: no kernel.
 */
export function kernelAdvance1D(p: Problem, rng: Rng, eta: number, c0: number, R2: number, k: number, s: Stretch): { taken: number; diverged: boolean } | null {
  const prob = problemCode(p);
  if (prob === null) return null;
  const io = align8(8 * p.n);
  const kernel = kernelFor(prob.data, p.n, io + 40);
  if (kernel === null) return null;
  const buf = kernel.memory.buffer;
  const f64 = new Float64Array(buf, io, 1);
  const i32 = new Int32Array(buf, io + 8, 7);
  f64[0] = s.v;
  i32[0] = s.t;
  i32[1] = s.escapeStep;
  writeState(rng, i32, 3);
  const taken = kernel.advance1D(prob.code, rng instanceof Xoshiro128 ? 0 : 1, p.n, 0, eta, c0, R2, k, io);
  advanceKernelStats.steps += taken;
  s.v = f64[0];
  s.t = i32[0];
  s.escapeStep = i32[1];
  readState(rng, i32, 3);
  return { taken, diverged: i32[2] !== 0 };
}
