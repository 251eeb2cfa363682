/*
 * d3's continuous scales as plain closures, for the loops that project tens of
 * thousands of points a frame (the series charts' faint runs). A d3 scale call
 * checks for null and NaN, clamps, transforms and interpolates through several
 * closures: about five times the cost of the same arithmetic written out, which
 * a new run's first frame pays for every point of 200 runs in two charts. These
 * do the same operations in the same order (d3-scale's `continuous` with
 * `normalize` and d3-interpolate's `number`), so they give d3's pixels exactly;
 * the axes keep d3's scales for their ticks.
 */

export type Project = (v: number) => number;

function plain(d0: number, d1: number, r0: number, r1: number, clamp: boolean, transform: (v: number) => number): Project {
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  // d3's bimap: a descending domain is normalised ascending, with the range swapped.
  const down = transform(d1) < transform(d0);
  const a = transform(down ? d1 : d0);
  const b = transform(down ? d0 : d1) - a;
  const from = down ? r1 : r0;
  const to = down ? r0 : r1;
  return (v) => {
    const c = clamp ? Math.max(lo, Math.min(hi, v)) : v;
    const t = b ? (transform(c) - a) / b : 0.5;
    return from * (1 - t) + to * t;
  };
}

const identity = (v: number) => v;

/** scaleLinear().domain([d0, d1]).range([r0, r1]), clamped or not. */
export const linearProject = (d0: number, d1: number, r0: number, r1: number, clamp = false): Project => plain(d0, d1, r0, r1, clamp, identity);

/** scaleLog().domain([d0, d1]).range([r0, r1]) over a positive domain, clamped or not. */
export const logProject = (d0: number, d1: number, r0: number, r1: number, clamp = false): Project => plain(d0, d1, r0, r1, clamp, Math.log);
