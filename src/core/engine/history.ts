/**
 * A decimated history of (step, loss, distance) with a fixed budget: it records
 * every `stride`-th step; when full it keeps every other point and doubles the
 * stride, so a run of any length keeps between budget/2 and budget points and
 * the same steps are kept whatever the slicing of the run.
 *
 * The loss can be recorded later than its step: pushIterate keeps a copy of the
 * iterate instead, and lossAt evaluates it when the point is first read. A point
 * dropped by a halving is then never evaluated: a run of T steps records about
 * budget·(1 + ½ log₂(T/budget)) points but keeps fewer than budget, and the loss
 * (one pass over the n components) is most of a recorded point's cost.
 */
export class History {
  readonly step: Float64Array;
  readonly dist: Float64Array;
  private readonly lossBuf: Float64Array;
  count = 0;
  stride = 1;
  /** Iterates of the points whose loss is not evaluated yet (dim per point), and which ones. */
  private readonly xs: Float64Array | null;
  private readonly pending: Uint8Array | null;
  private scratch: Float64Array | null = null;
  /**
   * The iterate at every kept point (dim per point), when asked for: the time
   * scrubber places every run on the landscape at a recorded step. Drawing only:
   * no number the explorer reports is computed from it.
   */
  readonly positions: Float64Array | null;
  private readonly posDim: number;
  /** The one backing store of the columns (handed back by recycleHistories). */
  private buffer: ArrayBuffer | null;

  /**
   * @param lazy with dim and loss: record iterates (pushIterate) and evaluate the loss on reading.
   * @param positionsDim keep the iterate of every kept point (0: do not).
   */
  constructor(
    readonly budget: number,
    private readonly lazy: { dim: number; loss: (x: Float64Array) => number } | null = null,
    positionsDim = 0,
  ) {
    const b = Math.max(2, budget + (budget % 2));
    // One backing store for every column (step, loss, distance, the lazy iterates, the
    // positions, then the pending flags as bytes): an ensemble builds a history per run,
    // and each buffer of its own is an allocation outside the heap (most of building a
    // 1000-run circle ensemble's histories when each had three). One buffer shared by
    // several runs' histories was slower still (64 kB buffers: 0.036 s against 0.022 s).
    const xd = lazy ? lazy.dim : 0;
    const doubles = b * (3 + xd + positionsDim);
    const buffer = takeBuffer(8 * doubles + (lazy ? b : 0));
    this.buffer = buffer;
    const all = new Float64Array(buffer, 0, doubles);
    this.step = all.subarray(0, b);
    this.lossBuf = all.subarray(b, 2 * b);
    this.dist = all.subarray(2 * b, 3 * b);
    this.xs = lazy ? all.subarray(3 * b, (3 + xd) * b) : null;
    this.positions = positionsDim > 0 ? all.subarray((3 + xd) * b, doubles) : null;
    this.pending = lazy ? new Uint8Array(buffer, 8 * doubles, b) : null;
    this.posDim = positionsDim;
  }

  /** True when step t is one this history would record. */
  wants(t: number): boolean {
    return t % this.stride === 0;
  }

  /** Record step t (x is kept when positions are). */
  push(t: number, loss: number, dist: number, x?: Float64Array): void {
    if (this.buffer === null) return; // handed back (recycleHistories)
    if (this.count === this.step.length) this.compact();
    if (t % this.stride !== 0) return;
    if (this.positions !== null && x !== undefined) this.positions.set(x, this.count * this.posDim);
    this.step[this.count] = t;
    this.lossBuf[this.count] = loss;
    this.dist[this.count] = dist;
    if (this.pending) this.pending[this.count] = 0;
    this.count++;
  }

  /** push with the loss of x left for lossAt (a lazy history only). */
  pushIterate(t: number, x: Float64Array, dist: number): void {
    if (this.buffer === null) return; // handed back (recycleHistories)
    if (this.count === this.step.length) this.compact();
    if (t % this.stride !== 0) return;
    const d = this.lazy!.dim;
    if (this.positions !== null) this.positions.set(x, this.count * this.posDim);
    this.step[this.count] = t;
    this.dist[this.count] = dist;
    this.xs!.set(x, this.count * d);
    this.pending![this.count] = 1;
    this.count++;
  }

  /**
   * pushIterate of `count` points at steps first, first + stride, … (multiples of
   * the stride, which fit before the history halves: count ≤ room()), each given in
   * `points` as its iterate followed by its distance (a kernel's stretch).
   */
  pushIterates(first: number, stride: number, count: number, points: Float64Array): void {
    if (this.buffer === null) return; // handed back (recycleHistories)
    const d = this.lazy!.dim;
    const xs = this.xs!;
    const pos = this.positions;
    const pd = this.posDim;
    let c = this.count;
    let at = 0;
    for (let i = 0; i < count; i++, c++, at += d + 1) {
      for (let j = 0; j < d; j++) xs[c * d + j] = points[at + j];
      if (pos !== null) for (let j = 0; j < pd; j++) pos[c * pd + j] = points[at + j];
      this.step[c] = first + i * stride;
      this.dist[c] = points[at + d];
      this.pending![c] = 1;
    }
    this.count = c;
  }

  /**
   * Give up the backing store (recycleHistories): the history is empty from now on, and
   * its pushes return at once, so a stray write lands nowhere instead of in the next
   * owner's points. Null when already given up.
   */
  release(): ArrayBuffer | null {
    const b = this.buffer;
    this.buffer = null;
    this.count = 0;
    return b;
  }

  /** Points this history takes at its stride before it is full (the next push after that halves it). */
  room(): number {
    return this.step.length - this.count;
  }

  /** The loss of point i (0 ≤ i < count), evaluated now if it was left for later. */
  lossAt(i: number): number {
    if (this.pending !== null && this.pending[i] === 1) {
      const d = this.lazy!.dim;
      const x = (this.scratch ??= new Float64Array(d));
      for (let j = 0; j < d; j++) x[j] = this.xs![i * d + j];
      this.lossBuf[i] = this.lazy!.loss(x);
      this.pending[i] = 0;
    }
    return this.lossBuf[i];
  }

  private compact(): void {
    let k = 0;
    const xs = this.xs;
    const pending = this.pending;
    const d = this.lazy ? this.lazy.dim : 0;
    const pos = this.positions;
    const pd = this.posDim;
    const step = this.step;
    const loss = this.lossBuf;
    const dist = this.dist;
    // Element by element: copyWithin is a call into the runtime, slow for a point's few coordinates.
    for (let i = 0; i < this.count; i += 2) {
      if (pos !== null) for (let j = 0; j < pd; j++) pos[k * pd + j] = pos[i * pd + j];
      step[k] = step[i];
      loss[k] = loss[i];
      dist[k] = dist[i];
      if (pending !== null && xs !== null) {
        pending[k] = pending[i];
        if (pending[i] === 1) for (let j = 0; j < d; j++) xs[k * d + j] = xs[i * d + j];
      }
      k++;
    }
    this.count = k;
    this.stride *= 2;
  }

  /** Copies of the recorded part (for messages and summaries). */
  snapshot(): { step: Float64Array; loss: Float64Array; dist: Float64Array } {
    const loss = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) loss[i] = this.lossAt(i);
    return {
      step: this.step.slice(0, this.count),
      loss,
      dist: this.dist.slice(0, this.count),
    };
  }
}

/**
 * Buffers of histories that have ended, kept by size for the next ones. A worker's
 * restart (a retune of η or B: the same runs, budget and dimension) builds as many
 * histories as it drops, and Chromium takes 10–80 µs to allocate each buffer (200 runs:
 * 2–17 ms in a worker, against 0.2 ms in Node), in the path from a slider's input to
 * the new run's first point.
 */
const spare = new Map<number, ArrayBuffer[]>();
let spareBytes = 0;
/** At most this much is kept (a 1000-run ensemble with 128-point histories is about 5 MB). */
const SPARE_BYTES_MAX = 32 << 20;

/** Buffers made and buffers reused in this worker or process (the tests count them). */
export const historyBuffers = { made: 0, reused: 0 };

function takeBuffer(bytes: number): ArrayBuffer {
  const b = spare.get(bytes)?.pop();
  if (b === undefined) {
    historyBuffers.made++;
    return new ArrayBuffer(bytes);
  }
  spareBytes -= bytes;
  historyBuffers.reused++;
  new Uint8Array(b).fill(0); // as new: no point of the last run can show through
  return b;
}

/**
 * Hand back the buffers of histories that will not be read again (the runs of a
 * replaced or finished simulation); each history is emptied, so a later read finds
 * nothing rather than another run's points. A history is handed back once.
 */
export function recycleHistories(histories: Iterable<History | null>): void {
  const buffers: ArrayBuffer[] = [];
  for (const h of histories) {
    const b = h?.release();
    if (b) buffers.push(b);
  }
  // The newest are the likeliest to be asked for again (the same runs retuned): older sizes make room.
  const bytes = buffers.reduce((a, b) => a + b.byteLength, 0);
  if (spareBytes + bytes > SPARE_BYTES_MAX) {
    spare.clear();
    spareBytes = 0;
  }
  for (const b of buffers) {
    if (spareBytes + b.byteLength > SPARE_BYTES_MAX) break;
    let list = spare.get(b.byteLength);
    if (list === undefined) spare.set(b.byteLength, (list = []));
    list.push(b);
    spareBytes += b.byteLength;
  }
}
