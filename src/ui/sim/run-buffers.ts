import type { StreamPart } from '../../worker/protocol';

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
  x: Float64Array;
  escapeStep: Int32Array;
  divergedStep: Int32Array;
  /** Run 0's path, d numbers a point, capped at `trailCap` points (oldest halved away). */
  trail: number[] = [];
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
    for (let j = 0; j < m; j++) this.push(part.histSteps[j], part.histLoss, part.histDist, j, m);
    for (let i = 0; i < part.trail.length; i++) this.trail.push(part.trail[i]);
    if (this.trail.length > this.trailCap * this.d) {
      // keep every other point: the path stays whole, only coarser
      const d = this.d;
      const kept: number[] = [];
      for (let p = 0; p < this.trail.length / d; p += 2) for (let j = 0; j < d; j++) kept.push(this.trail[p * d + j]);
      this.trail = kept;
    }
  }

  private push(step: number, loss: Float64Array, dist: Float64Array, j: number, m: number): void {
    const B = this.budget;
    if (this.count === B) {
      let k = 0;
      for (let i = 0; i < B; i += 2) {
        this.step[k] = this.step[i];
        for (let r = 0; r < this.K; r++) {
          this.loss[r * B + k] = this.loss[r * B + i];
          this.dist[r * B + k] = this.dist[r * B + i];
        }
        k++;
      }
      this.count = k;
    }
    const at = this.count++;
    this.step[at] = step;
    for (let r = 0; r < this.K; r++) {
      this.loss[r * B + at] = loss[r * m + j];
      this.dist[r * B + at] = dist[r * m + j];
    }
  }

  /** Whether run r has a value at history index j (it had not diverged by then). */
  alive(r: number, j: number): boolean {
    const dv = this.divergedStep[r];
    return dv < 0 || this.step[j] < dv;
  }

  /** Mean and median over the live runs at each recorded step. */
  summaryCurves(): { step: Float64Array; meanLoss: Float64Array; medianLoss: Float64Array; meanDist: Float64Array; medianDist: Float64Array } {
    const n = this.count;
    const B = this.budget;
    const out = {
      step: this.step.slice(0, n),
      meanLoss: new Float64Array(n),
      medianLoss: new Float64Array(n),
      meanDist: new Float64Array(n),
      medianDist: new Float64Array(n),
    };
    const L = new Float64Array(this.K);
    const D = new Float64Array(this.K);
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let r = 0; r < this.K; r++) {
        if (!this.alive(r, j)) continue;
        L[c] = this.loss[r * B + j];
        D[c] = this.dist[r * B + j];
        c++;
      }
      if (c === 0) continue;
      const l = L.subarray(0, c).sort();
      const dd = D.subarray(0, c).sort();
      let sl = 0;
      let sd = 0;
      for (let i = 0; i < c; i++) {
        sl += l[i];
        sd += dd[i];
      }
      out.meanLoss[j] = sl / c;
      out.meanDist[j] = sd / c;
      out.medianLoss[j] = c % 2 ? l[(c - 1) / 2] : 0.5 * (l[c / 2 - 1] + l[c / 2]);
      out.medianDist[j] = c % 2 ? dd[(c - 1) / 2] : 0.5 * (dd[c / 2 - 1] + dd[c / 2]);
    }
    return out;
  }
}
