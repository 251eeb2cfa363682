import type { StreamPart } from '../../worker/protocol';
import { lastIndexAtOrBefore } from './step-search';

/** The trail keeps at most this many numbers (points × d): 20,000 points up to d = 100, fewer for a network. */
const TRAIL_NUMBERS = 2_000_000;

/** Trail points kept for an iterate of d numbers: 20,000, or fewer where d × 20,000 would pass TRAIL_NUMBERS (at least 256). */
export function trailCapFor(d: number): number {
  return Math.max(256, Math.min(20_000, Math.floor(TRAIL_NUMBERS / Math.max(1, d))));
}

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
  /** Run 0's path, d numbers a point, capped at `trailCap` points (trailCapFor) (the whole path, halved in detail when full). */
  trail: Float64Array = new Float64Array(0);
  /** The trail's storage: `trail` is its first trailStep.length × d numbers. */
  private trailStore = new Float64Array(0);
  /** The step of each trail point. */
  trailStep: number[] = [];
  /** Every run's iterate at each recorded step, [(run · budget + j) · d + c], when the worker sends them (drawing only). */
  pos: Float32Array | null = null;
  private readonly trailCap: number;

  constructor(K: number, d: number, budget: number, trailCap = trailCapFor(d)) {
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
    this.appendTrail(part.trail, part.trailSteps);
  }

  /**
   * Run 0's new trail points onto its path, in a typed store that grows by doubling
   * and is thinned in place (every other point) past trailCap. A number[] pushed a
   * number at a time, and rebuilt on every thinning, cost about 0.3 µs a number
   * (2.9 s for a network's 600 frames of 7 points of 2,410 weights, in Node; 0.15 s now).
   */
  private appendTrail(points: ArrayLike<number>, steps: ArrayLike<number>): void {
    const add = steps.length;
    if (add === 0) return;
    const d = this.d;
    let n = this.trailStep.length;
    if ((n + add) * d > this.trailStore.length) {
      const grown = new Float64Array(Math.max((n + add) * d, 2 * this.trailStore.length));
      grown.set(this.trailStore.subarray(0, n * d));
      this.trailStore = grown;
    }
    const store = this.trailStore;
    store.set(points instanceof Float64Array ? points : Float64Array.from(points), n * d);
    for (let i = 0; i < add; i++) this.trailStep.push(steps[i]);
    n += add;
    if (n > this.trailCap) {
      // keep every other point: the path stays whole, only coarser
      let k = 0;
      for (let p = 0; p < n; p += 2, k++) {
        if (k !== p) store.copyWithin(k * d, p * d, (p + 1) * d);
        this.trailStep[k] = this.trailStep[p];
      }
      this.trailStep.length = k;
      n = k;
    }
    this.trail = store.subarray(0, n * d);
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
