/**
 * SgdRun.advance's SGD steps on Patel's quadratic-circle sums in WebAssembly
 * (sgd-circle.wat, advanceCircle): one index, B with replacement or B without,
 * the same draws and iterates bit for bit. GD stays in TypeScript, which V8
 * compiled faster than the kernel's loop over every term (sgd-circle.wat says by how much). The run keeps its state
 * in TypeScript (x, t, the escape step, the generator's words, the permutation of
 * sampling without replacement); each call copies it into the kernel's memory and
 * back, so SgdRun calls it only for stretches of at least CIRCLE_KERNEL_MIN_STEPS
 * steps. A lazy history's points (iterates, History.pushIterate) are written by
 * the kernel as it steps, so a stretch runs on past them to the point where the
 * history would halve; other histories end a stretch at each recorded point.
 */
import type { BatchMode } from '../engine/batch-sampler';
import { CircleProblem } from '../problems/circle';
import type { Problem } from '../problems/problem';
import { Xoshiro128, type Rng } from '../rng';
import { SGD_CIRCLE_WASM } from './sgd-circle-wasm';
import { align8, kernelsAllowed, readState, writeState } from './kernel-choice';
import { instantiateKernel } from './wasm-loader';

interface CircleExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  advanceCircle(mode: number, gen: number, n: number, m: number, data: number, scale: number, eta: number, R2: number, k: number, io: number, perm: number, first: number, stride: number, rec: number): number;
}

/** Shorter stretches stay in TypeScript: a call copies the state in and out, about the cost of a few SGD-1 steps. */
export const CIRCLE_KERNEL_MIN_STEPS = 16;

/** Steps the kernel has taken in this worker or process (the tests check that the kernel, not the fallback, ran). */
export const circleKernelStats = { steps: 0 };

const MODES: Partial<Record<BatchMode['kind'], number>> = { 'uniform-one': 1, 'with-uniform': 1, without: 2 };

let loaded: CircleExports | null | undefined;
/** Why the kernel could not be loaded (when it could not). */
let unavailable = '';
/** The problem whose q₁, q₂, c₁, c₃ are now at address 0 of the kernel's memory (a problem's values never change). */
let resident: CircleProblem | null = null;

function instance(): CircleExports | null {
  if (loaded === undefined) {
    const r = instantiateKernel(SGD_CIRCLE_WASM);
    loaded = r.ok ? (r.exports as unknown as CircleExports) : null;
    if (!r.ok) unavailable = r.reason;
  }
  return loaded;
}

/** Whether the circle kernel loads here, and why not (compiled on first ask). */
export function circleKernelLoads(): { ok: true } | { ok: false; reason: string } {
  return instance() !== null ? { ok: true } : { ok: false, reason: unavailable };
}

/** Whether the kernel covers a run of this problem in this batch mode (it may still be unavailable). */
export function circleKernelCovers(p: Problem, mode: BatchMode): boolean {
  // The exact class: a subclass might change a gradient.
  return p instanceof CircleProblem && p.constructor === CircleProblem && MODES[mode.kind] !== undefined;
}

/** A run's state as the kernel reads and writes it. */
export interface CircleStretch {
  x: Float64Array;
  t: number;
  escapeStep: number;
}

/**
 * The points a stretch records for a lazy History (History.pushIterate): one
 * after the `first`-th step and every `stride`-th after it; `points` gets x₀, x₁
 * and ‖x − x*‖ of each, in order, and is a view of the kernel's memory, valid
 * until the next call.
 */
export interface CircleRecording {
  first: number;
  stride: number;
  points: Float64Array;
}

/** Typed views of the kernel's memory, made again only when it grows (each call used to make its own). */
let views: { buffer: ArrayBuffer; n: number; f64: Float64Array; i32: Int32Array; perm: Int32Array; rec: Float64Array } | null = null;

/**
 * Up to k steps of the run whose state is s (updated in place, with `rng` and
 * `perm`); the finite steps taken and whether the run diverged (t then counts the
 * diverging step, as in SgdRun.advance). With `recording`, the iterates of the
 * recorded steps among them (at most `maxPoints`) are in recording.points.
 * Null: no kernel here, TypeScript runs.
 */
export function kernelAdvanceCircle(
  p: CircleProblem,
  mode: BatchMode,
  m: number,
  perm: Int32Array,
  rng: Rng,
  eta: number,
  center: Float64Array,
  R2: number,
  k: number,
  s: CircleStretch,
  recording: CircleRecording | null = null,
  maxPoints = 0,
): { taken: number; diverged: boolean } | null {
  const code = MODES[mode.kind];
  if (code === undefined || !kernelsAllowed()) return null;
  const kernel = instance();
  if (kernel === null) return null;
  const n = p.n;
  const io = align8(32 * n);
  const permAt = io + 96;
  const recAt = align8(permAt + 4 * n);
  const bytes = recAt + 24 * maxPoints;
  const have = kernel.memory.buffer.byteLength;
  if (bytes > have) {
    kernel.memory.grow(Math.ceil((bytes - have) / 65536));
    resident = null;
  }
  const buf = kernel.memory.buffer;
  if (resident !== p) {
    // Component i at 32i: q₁ᵢ, q₂ᵢ, c₁ᵢ, c₃ᵢ (one address per term).
    const data = new Float64Array(buf, 0, 4 * n);
    for (let i = 0; i < n; i++) {
      data[4 * i] = p.q1[i];
      data[4 * i + 1] = p.q2[i];
      data[4 * i + 2] = p.c1[i];
      data[4 * i + 3] = p.c3[i];
    }
    resident = p;
  }
  if (views === null || views.buffer !== buf || views.n !== n) {
    views = { buffer: buf, n, f64: new Float64Array(buf, io, 8), i32: new Int32Array(buf, io + 64, 7), perm: new Int32Array(buf, permAt, n), rec: new Float64Array(buf, recAt, (buf.byteLength - recAt) >> 3) };
  }
  const { f64, i32 } = views;
  const box = p.domain;
  f64[0] = s.x[0];
  f64[1] = s.x[1];
  f64[2] = center[0];
  f64[3] = center[1];
  f64[4] = box.lo[0];
  f64[5] = box.lo[1];
  f64[6] = box.hi[0];
  f64[7] = box.hi[1];
  i32[0] = s.t;
  i32[1] = s.escapeStep;
  writeState(rng, i32, 3);
  if (code === 2) views.perm.set(perm);
  const stride = recording === null ? 0 : recording.stride;
  const taken = kernel.advanceCircle(code, rng instanceof Xoshiro128 ? 0 : 1, n, m, 0, 1 / m, eta, R2, k, io, permAt, recording === null ? 0 : recording.first, stride, recAt);
  circleKernelStats.steps += taken;
  s.x[0] = f64[0];
  s.x[1] = f64[1];
  s.t = i32[0];
  s.escapeStep = i32[1];
  readState(rng, i32, 3);
  if (code === 2) perm.set(views.perm);
  if (recording !== null) recording.points = views.rec;
  return { taken, diverged: i32[2] !== 0 };
}
