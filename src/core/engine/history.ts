/**
 * A decimated history of (step, loss, distance) with a fixed budget: it records
 * every `stride`-th step; when full it keeps every other point and doubles the
 * stride, so a run of any length keeps between budget/2 and budget points and
 * the same steps are kept whatever the slicing of the run.
 */
export class History {
  readonly step: Float64Array;
  readonly loss: Float64Array;
  readonly dist: Float64Array;
  count = 0;
  stride = 1;

  constructor(readonly budget: number) {
    const b = Math.max(2, budget + (budget % 2));
    // One backing store for the three columns: an ensemble builds a history per run,
    // and each separate buffer is an allocation of its own.
    const all = new Float64Array(3 * b);
    this.step = all.subarray(0, b);
    this.loss = all.subarray(b, 2 * b);
    this.dist = all.subarray(2 * b, 3 * b);
  }

  /** True when step t is one this history would record. */
  wants(t: number): boolean {
    return t % this.stride === 0;
  }

  push(t: number, loss: number, dist: number): void {
    if (this.count === this.step.length) this.compact();
    if (t % this.stride !== 0) return;
    this.step[this.count] = t;
    this.loss[this.count] = loss;
    this.dist[this.count] = dist;
    this.count++;
  }

  private compact(): void {
    let k = 0;
    for (let i = 0; i < this.count; i += 2) {
      this.step[k] = this.step[i];
      this.loss[k] = this.loss[i];
      this.dist[k] = this.dist[i];
      k++;
    }
    this.count = k;
    this.stride *= 2;
  }

  /** Copies of the recorded part (for messages and summaries). */
  snapshot(): { step: Float64Array; loss: Float64Array; dist: Float64Array } {
    return {
      step: this.step.slice(0, this.count),
      loss: this.loss.slice(0, this.count),
      dist: this.dist.slice(0, this.count),
    };
  }
}
