import { batchFactor, type Sampling } from './batch-factor';
import * as pm from './portable-math';

export interface Rectangle {
  /** 2/η: GD's and SGD's bound on the sharpness a (Wu eq. 9). */
  sharpnessMax: number;
  /** 1/(η√c): SGD's bound on the non-uniformity s (Wu eq. 9); Infinity when c = 0 (GD). */
  nonUniformityMax: number;
  /** The batch factor c used. */
  c: number;
}

/**
 * Wu–Ma–E's stability rectangle (eq. 9): 0 ≤ a ≤ 2/η, 0 ≤ s ≤ 1/(η√c).
 * Without replacement 1/(η√c) = (1/η)√(B(n−1)/(n−B)), about √B/η for B ≪ n.
 */
export function stabilityRectangle(eta: number, n: number, B: number, sampling: Sampling): Rectangle {
  const c = batchFactor(n, B, sampling);
  return {
    sharpnessMax: 2 / eta,
    nonUniformityMax: c > 0 ? 1 / (eta * Math.sqrt(c)) : Infinity,
    c,
  };
}

/**
 * The exact 1D second-moment factor (1 − ηa)² + η²c s² (Wu eqs. 1–3; Theorem 1 in 1D).
 * The mean square of linearised SGD grows by this factor each step.
 */
export function secondMomentFactor1D(a: number, s: number, eta: number, c: number): number {
  const m = 1 - eta * a;
  return m * m + eta * eta * c * s * s;
}

/** Inside the exact 1D region (1 − ηa)² + η²c s² ≤ 1: the half ellipse in the rectangle. */
export function insideExactRegion1D(a: number, s: number, eta: number, c: number): boolean {
  return secondMomentFactor1D(a, s, eta, c) <= 1;
}

/** Inside the rectangle 0 ≤ a ≤ 2/η, 0 ≤ s ≤ 1/(η√c). */
export function insideRectangle(a: number, s: number, rect: Rectangle): boolean {
  return a >= 0 && a <= rect.sharpnessMax && s >= 0 && s <= rect.nonUniformityMax;
}

/**
 * The boundary of the exact 1D region, (1 − ηa)² + η²c s² = 1, as points (a, s)
 * with s ≥ 0: a half ellipse centred at (1/η, 0) with semi-axes 1/η and 1/(η√c).
 * It touches the rectangle's top at a = 1/η. Empty when c = 0 (GD: the strip only).
 */
export function exactRegionBoundary(eta: number, c: number, points = 181): Array<[number, number]> {
  if (!(c > 0)) return [];
  const out: Array<[number, number]> = [];
  for (let k = 0; k < points; k++) {
    const th = (Math.PI * k) / (points - 1);
    out.push([(1 - pm.cos(th)) / eta, pm.sin(th) / (eta * Math.sqrt(c))]);
  }
  return out;
}

/**
 * The inverse of the rectangle's height: the batch size B (real, not rounded)
 * whose rectangle at step size η has top s_max, without replacement:
 * s_max = (1/η)√(B(n−1)/(n−B))  ⇔  B = n·h² / (n − 1 + h²) with h = η s_max.
 * With replacement s_max = √B/η ⇔ B = h².
 */
export function batchForHeight(height: number, eta: number, n: number, sampling: Sampling): number {
  const h2 = (eta * height) ** 2;
  if (sampling === 'with') return h2;
  return (n * h2) / (n - 1 + h2);
}
