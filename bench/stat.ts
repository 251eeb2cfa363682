/**
 * Repeated timings summarised by their median (the machines are shared and
 * noisy: a median of several runs, never one run, is the figure).
 */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** Every sample, in the order taken. */
  samples: number[];
}

/** A figure that could not be measured, and why. */
export interface Skipped {
  skipped: string;
}

export function isSkipped(v: unknown): v is Skipped {
  return typeof v === 'object' && v !== null && typeof (v as Skipped).skipped === 'string';
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function stat(samples: readonly number[]): Stat {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples: [...samples] };
}

/** Seconds taken by fn (wall clock, high resolution). */
export function seconds(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** fn timed `repeats` times: the Stat of the seconds. */
export function timeRepeated(repeats: number, fn: () => void): Stat {
  const out: number[] = [];
  for (let r = 0; r < repeats; r++) out.push(seconds(fn));
  return stat(out);
}

/** A Stat of rates (work / seconds) from a Stat of seconds. */
export function rateOf(work: number, s: Stat): Stat {
  return stat(s.samples.map((t) => work / t));
}
