import type { Problem } from './problems/problem';

export type LandscapeSample =
  | { kind: '1d'; x: Float64Array; f: Float64Array }
  | { kind: '2d'; nx: number; ny: number; x0: number; x1: number; y0: number; y1: number; f: Float64Array }
  | { kind: 'none' };

/** The window to draw: the box when there is one, else the minima's span with a margin. */
export function landscapeWindow(problem: Problem): { lo: number[]; hi: number[] } {
  const d = problem.dim;
  if (problem.domain) return { lo: Array.from(problem.domain.lo), hi: Array.from(problem.domain.hi) };
  const lo = new Array<number>(d).fill(Infinity);
  const hi = new Array<number>(d).fill(-Infinity);
  for (const m of problem.minima) {
    for (let j = 0; j < d; j++) {
      lo[j] = Math.min(lo[j], m.x[j]);
      hi[j] = Math.max(hi[j], m.x[j]);
    }
  }
  for (let j = 0; j < d; j++) {
    const span = Math.max(hi[j] - lo[j], 1);
    lo[j] -= 0.5 * span;
    hi[j] += 0.5 * span;
  }
  return { lo, hi };
}

/** f sampled on a line (1D, `n1` points) or a grid (2D, `n2`×`n2`); nothing beyond 2D. */
export function sampleLandscape(problem: Problem, n1 = 401, n2 = 120): LandscapeSample {
  const { lo, hi } = landscapeWindow(problem);
  if (problem.dim === 1) {
    const x = new Float64Array(n1);
    const f = new Float64Array(n1);
    const p = new Float64Array(1);
    for (let i = 0; i < n1; i++) {
      x[i] = lo[0] + ((hi[0] - lo[0]) * i) / (n1 - 1);
      p[0] = x[i];
      f[i] = problem.loss(p);
    }
    return { kind: '1d', x, f };
  }
  if (problem.dim === 2) {
    const f = new Float64Array(n2 * n2);
    const p = new Float64Array(2);
    for (let r = 0; r < n2; r++) {
      p[1] = lo[1] + ((hi[1] - lo[1]) * r) / (n2 - 1);
      for (let c = 0; c < n2; c++) {
        p[0] = lo[0] + ((hi[0] - lo[0]) * c) / (n2 - 1);
        f[r * n2 + c] = problem.loss(p);
      }
    }
    return { kind: '2d', nx: n2, ny: n2, x0: lo[0], x1: hi[0], y0: lo[1], y1: hi[1], f };
  }
  return { kind: 'none' };
}
