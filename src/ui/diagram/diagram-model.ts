import { batchFactor, type Sampling } from '../../core/batch-factor';
import { secondMomentFactor1D, stabilityRectangle } from '../../core/stability-region';

/** A minimum of the current problem as a mark: its theory status, never the runs'. */
export interface DiagramMinimum {
  label: string;
  a: number;
  s: number;
  /** ρ(𝒯) ≤ 1 (exact mean-square stability of SGD). */
  stableSGD: boolean;
  /** Every eigenvalue λ of H has |1 − ηλ| ≤ 1 (0 ≤ λ_min, a ≤ 2/η). */
  stableGD: boolean;
  /** λ_min(H) < 0: a saddle, unstable for GD and SGD at every η; drawn with its own mark. */
  saddle?: boolean;
  isStart: boolean;
}

export type MinimumStatus = 'sgd-stable' | 'gd-only' | 'unstable' | 'saddle';

/** The status a mark shows: a saddle first (its a and s alone would not say it is unstable). */
export function minimumStatus(d: Pick<DiagramMinimum, 'stableSGD' | 'stableGD' | 'saddle'>): MinimumStatus {
  if (d.saddle) return 'saddle';
  return d.stableSGD ? 'sgd-stable' : d.stableGD ? 'gd-only' : 'unstable';
}

/** A published figure drawn as a labelled reference mark or box (data, not the explorer's results). */
export interface ReferenceMark {
  label: string;
  a: [number, number];
  s: [number, number];
}

export interface DiagramModel {
  eta: number;
  B: number;
  n: number;
  sampling: Sampling;
  family: 'none' | 'batch' | 'eta';
  axes: 'linear' | 'log';
  lecture: boolean;
  /** The hand-placed minimum (problem=point). */
  point: { a: number; s: number } | null;
  minima: DiagramMinimum[];
  references: ReferenceMark[];
  /** The comparisons of `compare` (B, C, D): each one's rectangle and corner in its colour; the main one is then labelled A. */
  comparisons?: DiagramComparison[];
}

export interface DiagramComparison {
  label: string;
  eta: number;
  B: number;
  sampling: Sampling;
  color: string;
  dash: readonly number[];
}

export interface PointStatus {
  factor: number;
  insideEllipse: boolean;
  insideRectangle: boolean;
}

/** The exact 1D status of a point (Wu eqs. 1–3) and whether it is in the rectangle (eq. 9), computed. */
export function pointStatus(a: number, s: number, eta: number, n: number, B: number, sampling: Sampling): PointStatus {
  const c = batchFactor(n, B, sampling);
  const rect = stabilityRectangle(eta, n, B, sampling);
  const factor = secondMomentFactor1D(a, s, eta, c);
  return { factor, insideEllipse: factor <= 1, insideRectangle: a >= 0 && a <= rect.sharpnessMax && s >= 0 && s <= rect.nonUniformityMax };
}

/** Batch sizes of Wu Fig. 3 (left): powers of two up to n, at most six, and n itself. */
export function familyBatches(n: number, B: number): number[] {
  const out = new Set<number>();
  for (let b = 1; b < n && out.size < 6; b *= 4) out.add(b);
  out.add(B);
  if (n > 1) out.add(n);
  return [...out].sort((x, y) => x - y);
}

/** Step sizes of Wu Fig. 3 (right): η scaled by ½ … 2. */
export function familyEtas(eta: number): number[] {
  return [0.5, 0.75, 1, 1.5, 2].map((k) => k * eta);
}

/** A compact number for labels: 3 significant digits, no exponent between 1e-3 and 1e5. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return String(Number(v.toPrecision(3)));
}
