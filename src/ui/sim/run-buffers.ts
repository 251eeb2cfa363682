import type { StreamPart } from '../../worker/protocol';
import { lastIndexAtOrBefore } from './step-search';

/**
 * The page's copy of one optimiser's runs, rebuilt from the worker's frames:
 * the decimated histories (the same points the worker's History keeps, by the
 * same keep-every-other rule), current iterates, escape and divergence steps,
 * and run 0's trail. Memory is bounded by K × budget whatever the run length.
 */
export class RunBuffers {
  readonly K: number;
  readonly d: number;
  readonly budget: number;
  readonly step: Float64Array;
  /** [run · budget + j] */
  readonly loss: Float32Array;
  readonly dist: Float32Array;
  count = 0;
  /** Bumped whenever the history is thinned (keep every other point): drawn points have moved. */
  epoch = 0;
  x: Float64Array;
  escapeStep: Int32Array;
  divergedStep: Int32Array;
  /** Run 0's path, d numbers a point, capped at `trailCap` points (the whole path, halved in detail when full). */
  trail: number[] = [];
  /** The step of each trail point. */
  trailStep: number[] = [];
  /** Every run's iterate at each recorded step, [(run · budget + j) · d + c], when the worker sends them (drawing only). */
  pos: Float32Array | null = null;
  private readonly trailCap: number;

  constructor(K: number, d: number, budget: number, trailCap = 20000) {
    this.K = K;
    this.d = d;
    this.budget = Math.max(2, budget + (budget % 2));
    this.step = new Float64Array(this.budget);
    this.loss = new Float32Array(K * this.budget);
    this.dist = new Float32Array(K * this.budget);
    this.x = new Float64Array(K * d);
    this.escapeStep = new Int32Array(K).fill(-1);
    this.divergedStep = new Int32Array(K).fill(-1);
    this.trailCap = trailCap;
  }

  apply(part: StreamPart): void {
    this.x = part.x;
    this.escapeStep = part.escapeStep;
    this.divergedStep = part.divergedStep;
    const m = part.histSteps.length;
    if (part.histX && !this.pos) this.pos = new Float32Array(this.K * this.budget * this.d);
    for (let j = 0; j < m; j++) this.push(part, j, m);
    const d = this.d;
    for (let i = 0; i < part.trail.length; i++) this.trail.push(part.trail[i]);
    for (let i = 0; i < part.trailSteps.length; i++) this.trailStep.push(part.trailSteps[i]);
    if (this.trailStep.length > this.trailCap) {
      // keep every other point: the path stays whole, only coarser
      const kept: number[] = [];
      const keptStep: number[] = [];
      for (let p = 0; p < this.trailStep.length; p += 2) {
        for (let j = 0; j < d; j++) kept.push(this.trail[p * d + j]);
        keptStep.push(this.trailStep[p]);
      }
      this.trail = kept;
      this.trailStep = keptStep;
    }
  }

  private push(part: StreamPart, j: number, m: number): void {
    const B = this.budget;
    const d = this.d;
    const pos = this.pos;
    if (this.count === B) {
      let k = 0;
      for (let i = 0; i < B; i += 2) {
        this.step[k] = this.step[i];
        for (let r = 0; r < this.K; r++) {
          this.loss[r * B + k] = this.loss[r * B + i];
          this.dist[r * B + k] = this.dist[r * B + i];
          if (pos) pos.copyWithin((r * B + k) * d, (r * B + i) * d, (r * B + i + 1) * d);
        }
        k++;
      }
      this.count = k;
      this.epoch++;
    }
    const at = this.count++;
    this.step[at] = part.histSteps[j];
    const hx = part.histX;
    for (let r = 0; r < this.K; r++) {
      this.loss[r * B + at] = part.histLoss[r * m + j];
      this.dist[r * B + at] = part.histDist[r * m + j];
      if (pos && hx) for (let c = 0; c < d; c++) pos[(r * B + at) * d + c] = hx[(r * m + j) * d + c];
    }
  }

  /** How many of run 0's trail points are at or before step t (its path up to t). */
  trailPointsUpTo(t: number): number {
    return lastIndexAtOrBefore(this.trailStep, t) + 1;
  }

  /** Whether run r has a value at history index j (it had not diverged by then). */
  alive(r: number, j: number): boolean {
    const dv = this.divergedStep[r];
    return dv < 0 || this.step[j] < dv;
  }

  /** The mean and median curves computed so far (steps 0..computed−1 of this epoch). */
  private cache: { epoch: number; computed: number; meanLoss: Float64Array; medianLoss: Float64Array; meanDist: Float64Array; medianDist: Float64Array } | null = null;

  /**
   * Mean and median over the live runs at each recorded step. Kept between
   * calls: a frame computes only the steps recorded since the last one (every
   * step again only after a thinning), so the cost does not grow with t.
   */
  summaryCurves(): SummaryCurves {
    const n = this.count;
    const B = this.budget;
    if (!this.cache || this.cache.epoch !== this.epoch || this.cache.computed > n) {
      const z = () => new Float64Array(B);
      this.cache = { epoch: this.epoch, computed: 0, meanLoss: z(), medianLoss: z(), meanDist: z(), medianDist: z() };
    }
    const c = this.cache;
    const L = new Float64Array(this.K);
    const D = new Float64Array(this.K);
    for (let j = c.computed; j < n; j++) {
      let k = 0;
      for (let r = 0; r < this.K; r++) {
        if (!this.alive(r, j)) continue;
        L[k] = this.loss[r * B + j];
        D[k] = this.dist[r * B + j];
        k++;
      }
      if (k === 0) continue;
      const l = L.subarray(0, k).sort();
      const dd = D.subarray(0, k).sort();
      let sl = 0;
      let sd = 0;
      for (let i = 0; i < k; i++) {
        sl += l[i];
        sd += dd[i];
      }
      c.meanLoss[j] = sl / k;
      c.meanDist[j] = sd / k;
      c.medianLoss[j] = k % 2 ? l[(k - 1) / 2] : 0.5 * (l[k / 2 - 1] + l[k / 2]);
      c.medianDist[j] = k % 2 ? dd[(k - 1) / 2] : 0.5 * (dd[k / 2 - 1] + dd[k / 2]);
    }
    c.computed = n;
    return {
      step: this.step.subarray(0, n),
      meanLoss: c.meanLoss.subarray(0, n),
      medianLoss: c.medianLoss.subarray(0, n),
      meanDist: c.meanDist.subarray(0, n),
      medianDist: c.medianDist.subarray(0, n),
    };
  }
}

export interface SummaryCurves {
  step: Float64Array;
  meanLoss: Float64Array;
  medianLoss: Float64Array;
  meanDist: Float64Array;
  medianDist: Float64Array;
}
