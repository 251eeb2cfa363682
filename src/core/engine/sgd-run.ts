import { inverseBatchFactor, type Sampling } from '../batch-factor';
import type { Problem } from '../problems/problem';
import { isSquareLoss, type SquareLossProblem } from '../problems/square-loss';
import { NEWEST_GENERATOR, streamRng, Salt, type Generator, type Rng } from '../rng';
import { batchMode, type BatchMode } from './batch-sampler';
import { History } from './history';
import { KERNEL_MIN_STEPS, kernelAdvance1D } from '../kernels/advance-1d-kernel';
import { CIRCLE_KERNEL_MIN_STEPS, kernelAdvanceCircle, type CircleRecording } from '../kernels/circle-kernel';
import { stepPath, type StepPath } from '../kernels/run-kernel';
import type { CircleProblem } from '../problems/circle';

export type Optimiser = 'gd' | 'sgd';

/**
 * The factor of the artificial noise's covariance (Wu–Wang–Su §3.3): 'batch-factor', the batch
 * factor c of the link's sampling, as SGD's own noise and the theory have it
 * (docs/theory.md#artificial-noise-and-the-batch-factor): 0 at B = n without replacement, where
 * SGD is GD; 'inverse-B', 1/B whatever the sampling, as links before v=3 drew it.
 */
export type NoiseScaling = 'batch-factor' | 'inverse-B';

/** The noise scaling of a link version: 1/B before v=3 (README "Link versions"). */
export function noiseScalingOf(v: number): NoiseScaling {
  return v >= 3 ? 'batch-factor' : 'inverse-B';
}

export interface RunSpec {
  opt: Optimiser;
  eta: number;
  B: number;
  sampling: Sampling;
  /** The reference minimum x*: escape and distance are measured from it. */
  center: Float64Array;
  /** Escape radius R: the first step with ‖x_t − x*‖ > R is the escape step. */
  escapeRadius: number;
  /** Decimated history budget (points); 0 for none. */
  historyBudget: number;
  seed: number;
  /** The run's index: its random stream is (seed, runIndex), whatever the grouping. */
  runIndex: number;
  /** The generator of the link (src/core/rng.ts); the newest when absent. */
  rng?: Generator;
  /**
   * Replace SGD's own noise by Gaussian noise of the same total variance
   * (Wu–Wang–Su §3.3; square-loss models only): 'isotropic' or 'aligned'.
   */
  noise?: 'sgd' | 'isotropic' | 'aligned';
  /** How that noise's covariance scales with the batch; the newest ('batch-factor') when absent. */
  noiseScaling?: NoiseScaling;
  /** Keep the iterate at every recorded history point (History.positions; for drawing). */
  keepPositions?: boolean;
}

/** Above this |xⱼ| a run is declared diverged (its loss would overflow soon after). */
export const DIVERGENCE_BOUND = 1e100;

const NO_POINTS = new Float64Array(0);

/**
 * One GD or SGD run, advanced in slices (`advance(k)`) so a worker can yield
 * between them; the result does not depend on the slicing (docs/theory.md#setting-and-notation):
 *   x ← x − η · (1/B) Σ_{j∈batch} ∇f_j(x), projected onto the domain if asked.
 * A step that leaves every finite bound stops the run as "diverged at step t";
 * NaN is never carried on.
 */
export class SgdRun {
  readonly x: Float64Array;
  /** Steps taken so far. */
  t = 0;
  escapeStep = -1;
  divergedStep = -1;
  readonly history: History | null;
  private readonly g: Float64Array;
  private readonly idx: Int32Array;
  private readonly perm: Int32Array;
  private readonly mode: BatchMode;
  private readonly rng: Rng;
  private readonly m: number;
  private readonly R2: number;
  private readonly lazyLoss: boolean;
  /** The loop advance() takes (src/core/kernels/run-kernel.ts, which the status line reports). */
  private readonly path: StepPath;
  /** advance1D may hand stretches of steps to the WebAssembly kernel (src/core/kernels/advance-1d-kernel.ts). */
  private kernel: boolean;
  /** advance may hand stretches of steps to the quadratic-circle kernel (src/core/kernels/circle-kernel.ts). */
  private circleKernel: boolean;

  constructor(
    readonly problem: Problem,
    readonly spec: RunSpec,
    x0: Float64Array,
  ) {
    const n = problem.n;
    this.x = Float64Array.from(x0);
    this.g = new Float64Array(problem.dim);
    this.mode = batchMode(spec.opt, n, spec.B, spec.sampling, problem.weights);
    this.m = this.mode.kind === 'full' ? n : spec.B;
    this.idx = new Int32Array(Math.max(1, this.m));
    this.perm = new Int32Array(this.mode.kind === 'without' ? n : 0);
    for (let i = 0; i < this.perm.length; i++) this.perm[i] = i;
    this.rng = streamRng(spec.rng ?? NEWEST_GENERATOR, spec.seed, spec.runIndex, Salt.run);
    this.R2 = spec.escapeRadius * spec.escapeRadius;
    // Where the loss cannot overflow (a projected, bounded domain), a recorded step keeps the
    // iterate and the loss is evaluated only for the points the history keeps.
    this.lazyLoss = problem.project && problem.domain !== null && problem.lossFiniteOnDomain === true;
    this.history = spec.historyBudget > 0 ? new History(spec.historyBudget, this.lazyLoss ? { dim: problem.dim, loss: (x) => problem.loss(x) } : null, spec.keepPositions ? problem.dim : 0) : null;
    this.path = stepPath(problem, this.mode, spec.noise);
    this.kernel = this.path === '1d-kernel';
    this.circleKernel = this.path === 'circle-kernel';
    if (this.problem.project && this.problem.domain) this.clampStart();
    this.observe();
  }

  get done(): boolean {
    return this.divergedStep >= 0;
  }

  /** ‖x − x*‖. */
  distance(): number {
    return Math.sqrt(this.dist2());
  }

  private dist2(): number {
    const x = this.x;
    const c = this.spec.center;
    let s = 0;
    for (let j = 0; j < x.length; j++) {
      const e = x[j] - c[j];
      s += e * e;
    }
    return s;
  }

  private clampStart(): void {
    const { lo, hi } = this.problem.domain!;
    for (let j = 0; j < this.x.length; j++) this.x[j] = Math.min(hi[j], Math.max(lo[j], this.x[j]));
  }

  /** Escape check and history point for the current step. */
  private observe(): void {
    const d2 = this.dist2();
    if (this.escapeStep < 0 && d2 > this.R2) this.escapeStep = this.t;
    const h = this.history;
    if (h && h.wants(this.t)) {
      if (this.lazyLoss) {
        h.pushIterate(this.t, this.x, Math.sqrt(d2));
        return;
      }
      const loss = this.problem.loss(this.x);
      if (!Number.isFinite(loss)) {
        this.divergedStep = this.t;
        return;
      }
      h.push(this.t, loss, Math.sqrt(d2), this.x);
    }
  }

  /** Take up to k steps (fewer if the run diverges). Returns the steps taken. */
  advance(k: number): number {
    if (this.divergedStep >= 0) return 0;
    const p = this.problem;
    if (this.path === '1d' || this.path === '1d-kernel') {
      return this.advance1D(k, p as Problem & Required<Pick<Problem, 'batchGradient1D'>>);
    }
    if (this.circleKernel) return this.advanceCircle(k);
    return this.advanceSteps(k);
  }

  /**
   * advance() on a quadratic-circle problem: stretches of steps go to the WebAssembly
   * kernel, which takes the same draws and steps, so the kernel and advanceSteps may
   * take turns; short stretches stay in TypeScript. With a lazy history the kernel
   * writes the recorded iterates as it steps (History.pushIterate keeps only the
   * iterate), so a stretch runs up to the point where the history would halve;
   * otherwise it ends at each recorded point, where observe() evaluates the loss.
   */
  private advanceCircle(k: number): number {
    const hist = this.history;
    const stretch = { x: this.x, t: this.t, escapeStep: this.escapeStep };
    const recording = hist !== null && this.lazyLoss ? { first: 0, stride: 0, points: NO_POINTS } : null;
    let taken = 0;
    while (taken < k && this.divergedStep < 0) {
      const t = this.t;
      const nextObserve = hist === null ? -1 : t - (t % hist.stride) + hist.stride;
      // Recorded in the kernel: every point the history takes at this stride, and the one
      // after them, at which it halves (pushRecorded replays that one as observe() would).
      const points = recording === null ? 0 : hist!.room() + 1;
      const last = points > 0 ? nextObserve + (points - 1) * hist!.stride : nextObserve;
      const limit = nextObserve < 0 ? k - taken : Math.min(k - taken, last - t);
      if (limit < CIRCLE_KERNEL_MIN_STEPS || !this.circleKernel) {
        taken += this.advanceSteps(this.circleKernel ? limit : k - taken);
        continue;
      }
      stretch.t = t;
      stretch.escapeStep = this.escapeStep;
      if (recording !== null) {
        recording.first = nextObserve - t;
        recording.stride = hist!.stride;
      }
      const r = kernelAdvanceCircle(this.problem as CircleProblem, this.mode, this.m, this.perm, this.rng, this.spec.eta, this.spec.center, this.R2, limit, stretch, recording, points);
      if (r === null) {
        this.circleKernel = false; // unavailable here: TypeScript from now on
        continue;
      }
      this.t = stretch.t;
      this.escapeStep = stretch.escapeStep;
      taken += r.taken;
      if (recording !== null) this.pushRecorded(recording, t, t + r.taken);
      if (r.diverged) this.divergedStep = stretch.t;
      else if (recording === null && this.t === nextObserve) this.observe();
    }
    return taken;
  }

  /**
   * The points a kernel stretch recorded, from step `from` (excluded) to `to`: what
   * observe() would have pushed at each. Those that fit go in at once; one more is the
   * point at which the history halves, pushed as observe() pushes it.
   */
  private pushRecorded(rec: CircleRecording, from: number, to: number): void {
    const h = this.history!;
    const first = from + rec.first;
    if (first > to) return;
    const count = Math.floor((to - first) / rec.stride) + 1;
    const fit = Math.min(count, h.room());
    h.pushIterates(first, rec.stride, fit, rec.points);
    if (count > fit) {
      const d = this.x.length;
      const at = fit * (d + 1);
      h.pushIterate(first + fit * rec.stride, rec.points.subarray(at, at + d), rec.points[at + d]);
    }
  }

  /** advance() in TypeScript, for every problem and batch mode. */
  private advanceSteps(k: number): number {
    if (this.divergedStep >= 0) return 0;
    const p = this.problem;
    const x = this.x;
    const g = this.g;
    const idx = this.idx;
    const perm = this.perm;
    const n = p.n;
    const m = this.m;
    const eta = this.spec.eta;
    const d = x.length;
    const box = p.project ? p.domain : null;
    const lo = box ? box.lo : null;
    const hi = box ? box.hi : null;
    const mode = this.mode;
    const kind = mode.kind;
    const rng = this.rng;
    const c = this.spec.center;
    const c0 = c[0];
    const R2 = this.R2;
    const hist = this.history;
    const noise = this.spec.noise === 'isotropic' || this.spec.noise === 'aligned' ? this.spec.noise : null;
    const square: SquareLossProblem | null = noise && isSquareLoss(p) ? p : null;
    // The noise's covariance is S/per: per = 1/c (B with replacement, so those links' bits are unchanged).
    const noisePer = this.spec.noiseScaling === 'inverse-B' ? this.spec.B : inverseBatchFactor(n, this.spec.B, this.spec.sampling);
    // The step counter and the escape step live in locals inside the loop, and the
    // next recorded step is counted down to instead of testing t % stride each step
    // (an integer division per step was a large part of a 1D step's cost).
    let t = this.t;
    let escapeStep = this.escapeStep;
    let nextObserve = hist === null ? -1 : t - (t % hist.stride) + hist.stride;
    let taken = 0;
    while (taken < k) {
      // Draw the batch.
      if (square !== null) {
        square.noisyGradient(x, noise as 'isotropic' | 'aligned', noisePer, () => rng.normal(), g);
      } else if (kind === 'full') {
        p.fullGradient(x, g);
      } else {
        if (kind === 'uniform-one') {
          idx[0] = (rng.next() * n) | 0;
        } else if (kind === 'without') {
          for (let j = 0; j < m; j++) {
            const r = j + ((rng.next() * (n - j)) | 0);
            const tmp = perm[j];
            perm[j] = perm[r];
            perm[r] = tmp;
            idx[j] = perm[j];
          }
        } else if (kind === 'with-uniform') {
          for (let j = 0; j < m; j++) idx[j] = (rng.next() * n) | 0;
        } else {
          const { prob, alias } = (mode as Extract<BatchMode, { kind: 'with-weighted' }>).table;
          for (let j = 0; j < m; j++) {
            const u = rng.next() * n;
            const col = u | 0;
            idx[j] = u - col < prob[col] ? col : alias[col];
          }
        }
        p.batchGradient(x, idx, m, g);
      }
      // Step, project, and check.
      let bad = false;
      let d2 = 0;
      if (d === 1 && lo === null) {
        const v = x[0] - eta * g[0];
        if (!(v < DIVERGENCE_BOUND && v > -DIVERGENCE_BOUND)) bad = true;
        else x[0] = v;
        const e = v - c0;
        d2 = e * e;
      } else {
        for (let j = 0; j < d; j++) {
          let v = x[j] - eta * g[j];
          if (lo !== null && hi !== null) v = v < lo[j] ? lo[j] : v > hi[j] ? hi[j] : v;
          if (!(v < DIVERGENCE_BOUND && v > -DIVERGENCE_BOUND)) bad = true;
          else x[j] = v;
          const e = v - c[j];
          d2 += e * e;
        }
      }
      t++;
      if (bad) {
        // The diverging step is recorded but not counted in the return value: x keeps the last
        // finite iterate and `taken` counts finite steps, as in advance1D, so both paths agree.
        this.divergedStep = t;
        break;
      }
      if (escapeStep < 0 && d2 > R2) escapeStep = t;
      taken++;
      if (t === nextObserve) {
        this.t = t;
        this.escapeStep = escapeStep;
        this.observe();
        if (this.divergedStep >= 0) break;
        escapeStep = this.escapeStep;
        nextObserve = t - (t % hist!.stride) + hist!.stride;
      }
    }
    this.t = t;
    this.escapeStep = escapeStep;
    return taken;
  }

  /**
   * advance() for a 1D problem with one uniform index a step and no projection: the
   * same steps, with x kept in a local (no trip through x and g in memory on every
   * step) and the gradient taken by batchGradient1D, which returns batchGradient's
   * value bit for bit.
   */
  private advance1D(k: number, p: Problem & Required<Pick<Problem, 'batchGradient1D'>>): number {
    const x = this.x;
    const n = p.n;
    const eta = this.spec.eta;
    const rng = this.rng;
    const c0 = this.spec.center[0];
    const R2 = this.R2;
    const hist = this.history;
    let v = x[0];
    let t = this.t;
    let escapeStep = this.escapeStep;
    let nextObserve = hist === null ? -1 : t - (t % hist.stride) + hist.stride;
    let taken = 0;
    // Stretches of steps between recorded points go to the WebAssembly kernel where it covers the
    // problem (src/core/kernels): the same draws and iterates, so the two can take turns.
    const stretch = this.kernel ? { v, t, escapeStep } : null;
    while (taken < k) {
      const limit = nextObserve < 0 ? k - taken : Math.min(k - taken, nextObserve - t);
      if (stretch !== null && limit >= KERNEL_MIN_STEPS) {
        stretch.v = v;
        stretch.t = t;
        stretch.escapeStep = escapeStep;
        const r = kernelAdvance1D(p, rng, eta, c0, R2, limit, stretch);
        if (r !== null) {
          v = stretch.v;
          t = stretch.t;
          escapeStep = stretch.escapeStep;
          taken += r.taken;
          if (r.diverged) {
            this.divergedStep = t;
            break;
          }
          if (t === nextObserve) {
            x[0] = v;
            this.t = t;
            this.escapeStep = escapeStep;
            this.observe();
            if (this.divergedStep >= 0) break;
            escapeStep = this.escapeStep;
            nextObserve = t - (t % hist!.stride) + hist!.stride;
          }
          continue;
        }
        this.kernel = false; // unavailable here: TypeScript from now on
      }
      const next = v - eta * p.batchGradient1D((rng.next() * n) | 0, v);
      t++;
      if (!(next < DIVERGENCE_BOUND && next > -DIVERGENCE_BOUND)) {
        this.divergedStep = t;
        break;
      }
      v = next;
      const e = v - c0;
      if (escapeStep < 0 && e * e > R2) escapeStep = t;
      taken++;
      if (t === nextObserve) {
        x[0] = v;
        this.t = t;
        this.escapeStep = escapeStep;
        this.observe();
        if (this.divergedStep >= 0) break;
        escapeStep = this.escapeStep;
        nextObserve = t - (t % hist!.stride) + hist!.stride;
      }
    }
    x[0] = v;
    this.t = t;
    this.escapeStep = escapeStep;
    return taken;
  }
}
