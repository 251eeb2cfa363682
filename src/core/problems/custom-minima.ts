import type { Box, Minimum, Problem } from './problem';

/*
 * The minima of a custom problem's objective f = Σ pᵢ fᵢ in a box: Newton from a grid of starts, damped by a backtracking line
 * search (a gradient step where the Hessian is not positive definite),
 * projected onto the box; duplicates merged; each point classified by the
 * eigenvalues of ∇²f. Only strict minima are listed; saddles, maxima and flat
 * (degenerate) minima are explained in notes instead of drawn as points.
 */

const STARTS_1D = 41;
const STARTS_2D = 11;
const MAX_ITER = 100;
/** ‖∇f‖ below this (relative to 1 + |f|) is stationary. */
const GRAD_TOL = 1e-7;
/** λ_min(∇²f) within this of 0 (relative to max(1, the largest |λ|)) is degenerate. */
const EIG_TOL = 1e-6;
/**
 * A strict minimum is where Newton has converged quadratically: its step
 * ‖∇²f⁻¹∇f‖ is below this (relative to 1 + ‖x‖). Near a flat minimum (x⁴)
 * Newton only creeps (x ← 2x/3), so the step stays large relative to x.
 */
const STEP_TOL = 1e-9;
const MERGE_TOL = 1e-5;
const NOTES_PER_KIND = 3;

export interface MinimaSearch {
  minima: Minimum[];
  notes: string[];
}

type Kind = 'minimum' | 'degenerate' | 'saddle' | 'not stationary';

interface Point {
  x: Float64Array;
  f: number;
  gradNorm: number;
  eig: [number, number];
  /** ‖∇²f⁻¹∇f‖ where ∇²f is positive definite, else Infinity. */
  newtonStep: number;
}

const fmt = (v: number) => {
  const r = Number(v.toPrecision(6));
  return Object.is(r, -0) ? '0' : String(r);
};
export const pointLabel = (x: Float64Array) => (x.length === 1 ? fmt(x[0]) : `(${Array.from(x, fmt).join(', ')})`);

/** The tools the search needs from the problem: f, ∇f, ∇²f of the weighted mean. */
class Objective {
  readonly d: number;
  private readonly g: Float64Array;
  private readonly hi: Float64Array;
  readonly h: Float64Array;

  constructor(readonly p: Problem) {
    this.d = p.dim;
    this.g = new Float64Array(p.dim);
    this.hi = new Float64Array(p.dim * p.dim);
    this.h = new Float64Array(p.dim * p.dim);
  }

  gradient(x: Float64Array, out: Float64Array): number {
    this.p.fullGradient(x, out);
    let s = 0;
    for (let j = 0; j < this.d; j++) s += out[j] * out[j];
    return Math.sqrt(s);
  }

  /** h ← Σ pᵢ ∇²fᵢ(x); returns its eigenvalues (ascending). */
  hessian(x: Float64Array): [number, number] {
    const { p, h, hi } = this;
    h.fill(0);
    for (let i = 0; i < p.n; i++) {
      const w = p.weights ? p.weights[i] : 1 / p.n;
      p.componentHessian(i, x, hi);
      for (let k = 0; k < h.length; k++) h[k] += w * hi[k];
    }
    if (this.d === 1) return [h[0], h[0]];
    const m = 0.5 * (h[0] + h[3]);
    const r = Math.hypot(0.5 * (h[0] - h[3]), h[1]);
    return [m - r, m + r];
  }

  /** The largest ‖∇fᵢ(x)‖: 0 at a fixed point of every component (docs/theory.md#setting-and-notation). */
  maxComponentGradient(x: Float64Array): number {
    let worst = 0;
    for (let i = 0; i < this.p.n; i++) {
      this.p.componentGradient(i, x, this.g);
      let s = 0;
      for (let j = 0; j < this.d; j++) s += this.g[j] * this.g[j];
      worst = Math.max(worst, Math.sqrt(s));
    }
    return worst;
  }
}

const norm = (v: Float64Array) => Math.hypot(...v);

/** step ← −∇²f⁻¹∇f and its length, where ∇²f(x) is positive definite; else Infinity. */
function newtonStep(obj: Objective, x: Float64Array, g: Float64Array, step: Float64Array): number {
  const [lo] = obj.hessian(x);
  if (!(lo > 0)) return Infinity;
  const h = obj.h;
  if (obj.d === 1) step[0] = -g[0] / h[0];
  else {
    const det = h[0] * h[3] - h[1] * h[2];
    step[0] = -(h[3] * g[0] - h[1] * g[1]) / det;
    step[1] = -(h[0] * g[1] - h[2] * g[0]) / det;
  }
  return norm(step);
}

function clampInto(x: Float64Array, box: Box): void {
  for (let j = 0; j < x.length; j++) x[j] = Math.min(box.hi[j], Math.max(box.lo[j], x[j]));
}

/** Damped, projected Newton from x (modified in place). */
function newton(obj: Objective, x: Float64Array, box: Box): void {
  const d = obj.d;
  const g = new Float64Array(d);
  const step = new Float64Array(d);
  const trial = new Float64Array(d);
  for (let it = 0; it < MAX_ITER; it++) {
    const f = obj.p.loss(x);
    const gn = obj.gradient(x, g);
    if (!Number.isFinite(f) || !Number.isFinite(gn) || gn === 0) return;
    const sn = newtonStep(obj, x, g, step);
    if (sn <= 1e-3 * STEP_TOL * (1 + norm(x))) return;
    if (!Number.isFinite(sn)) for (let j = 0; j < d; j++) step[j] = -g[j];
    let slope = 0;
    for (let j = 0; j < d; j++) slope += g[j] * step[j];
    let t = 1;
    let moved = false;
    for (let k = 0; k < 40; k++, t *= 0.5) {
      for (let j = 0; j < d; j++) trial[j] = x[j] + t * step[j];
      clampInto(trial, box);
      const ft = obj.p.loss(trial);
      if (ft <= f + 1e-4 * t * slope) {
        moved = trial.some((v, j) => v !== x[j]);
        x.set(trial);
        break;
      }
    }
    if (!moved) return;
  }
}

function classify(pt: Point): Kind {
  if (pt.gradNorm > GRAD_TOL * (1 + Math.abs(pt.f))) return 'not stationary';
  const scale = Math.max(1, Math.abs(pt.eig[0]), Math.abs(pt.eig[1]));
  if (pt.eig[0] < -EIG_TOL * scale) return 'saddle';
  if (pt.eig[0] > EIG_TOL * scale && pt.newtonStep <= STEP_TOL * (1 + norm(pt.x))) return 'minimum';
  return 'degenerate';
}

function measure(obj: Objective, x: Float64Array): Point {
  const g = new Float64Array(obj.d);
  const gradNorm = obj.gradient(x, g);
  const step = newtonStep(obj, x, g, new Float64Array(obj.d));
  return { x, f: obj.p.loss(x), gradNorm, eig: obj.hessian(x), newtonStep: gradNorm === 0 ? 0 : step };
}

/** Round each coordinate to 10 digits (and dust to 0) when that is no worse a stationary point (x* = 1, not 0.9999999999999998). */
function tidy(obj: Objective, pt: Point, span: readonly number[]): Point {
  const r = Float64Array.from(pt.x, (v, j) => (Math.abs(v) < 1e-8 * Math.max(1, span[j]) ? 0 : Number(v.toPrecision(10))));
  const q = measure(obj, r);
  return q.gradNorm <= Math.max(pt.gradNorm, 1e-9 * (1 + Math.abs(pt.f))) && q.f <= pt.f + 1e-13 * (1 + Math.abs(pt.f)) ? q : pt;
}

function describe(kind: Kind, pt: Point, eigText: string): string {
  const at = `x ≈ ${pointLabel(pt.x)}`;
  switch (kind) {
    case 'degenerate':
      return `${at}: a flat minimum (∇²f singular, eigenvalues ${eigText}); the linear theory does not decide its stability, so it is not listed (pin it to analyse anyway)`;
    case 'saddle':
      return `${at}: a stationary point that is not a minimum (∇²f eigenvalues ${eigText}); not listed`;
    default:
      return `${at}: not a stationary point (‖∇f‖ = ${fmt(pt.gradNorm)}); not listed`;
  }
}

function caveatOf(kind: Kind, pt: Point, eigText: string): string | undefined {
  if (kind === 'minimum') return undefined;
  if (kind === 'degenerate') return `degenerate Hessian (eigenvalues ${eigText}): the linear stability theory does not decide this point`;
  if (kind === 'saddle') return `not a minimum (∇²f eigenvalues ${eigText}): iterates leave it along the negative direction, whatever η`;
  return `not a stationary point (‖∇f‖ = ${fmt(pt.gradNorm)}): neither GD nor SGD stays here`;
}

/**
 * Search `box` for the minima of the problem's objective; `pins` are points
 * the user typed, listed first and analysed as given (with a caveat when they
 * are not strict minima).
 */
export function findMinima(p: Problem, box: Box, pins: readonly Float64Array[]): MinimaSearch {
  const obj = new Objective(p);
  const d = p.dim;
  const per = d === 1 ? STARTS_1D : STARTS_2D;
  const found: Array<{ pt: Point; kind: Kind }> = [];
  const span = Array.from(box.lo, (lo, j) => box.hi[j] - lo);
  const same = (a: Float64Array, b: Float64Array) => {
    for (let j = 0; j < d; j++) if (Math.abs(a[j] - b[j]) > MERGE_TOL * Math.max(1, span[j] * 1e-3, Math.abs(a[j]))) return false;
    return true;
  };
  const total = d === 1 ? per : per * per;
  for (let s = 0; s < total; s++) {
    const x = new Float64Array(d);
    x[0] = box.lo[0] + ((s % per) + 0.5) * (span[0] / per);
    if (d === 2) x[1] = box.lo[1] + (Math.floor(s / per) + 0.5) * (span[1] / per);
    newton(obj, x, box);
    const pt = tidy(obj, measure(obj, x), span);
    if (!Number.isFinite(pt.f)) continue;
    const kind = classify(pt);
    if (kind === 'not stationary') continue; // a start that stalled on the box's edge or a kink
    if (!found.some((q) => same(q.pt.x, pt.x))) found.push({ pt, kind });
  }
  found.sort((u, v) => {
    for (let j = 0; j < d; j++) if (u.pt.x[j] !== v.pt.x[j]) return u.pt.x[j] - v.pt.x[j];
    return 0;
  });

  const eigText = (pt: Point) => (d === 1 ? fmt(pt.eig[0]) : `${fmt(pt.eig[0])}, ${fmt(pt.eig[1])}`);
  const fixedTol = (pt: Point) => GRAD_TOL * Math.max(1, Math.abs(pt.eig[0]), Math.abs(pt.eig[1]), Math.abs(pt.f));
  const minima: Minimum[] = [];
  for (const x of pins) {
    const pt = measure(obj, Float64Array.from(x));
    const kind = classify(pt);
    const caveat = caveatOf(kind, pt, eigText(pt));
    // A pinned saddle or maximum is analysed as asked, but its label says what it is.
    const what = kind !== 'saddle' ? 'x*' : pt.eig[d === 1 ? 0 : 1] < 0 ? 'maximum x' : 'saddle x';
    minima.push({ label: `pinned ${what} = ${pointLabel(pt.x)}`, x: pt.x, fixedPoint: obj.maxComponentGradient(pt.x) <= fixedTol(pt), ...(caveat ? { caveat } : {}) });
  }
  const notes: string[] = [];
  const counts = new Map<Kind, number>();
  for (const { pt, kind } of found) {
    if (kind === 'minimum') {
      if (pins.some((x) => same(x, pt.x))) continue;
      minima.push({ label: `x* = ${pointLabel(pt.x)}`, x: pt.x, fixedPoint: obj.maxComponentGradient(pt.x) <= fixedTol(pt) });
      continue;
    }
    const c = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, c);
    if (c <= NOTES_PER_KIND) notes.push(describe(kind, pt, eigText(pt)));
  }
  for (const [kind, c] of counts) if (c > NOTES_PER_KIND) notes.push(`and ${c - NOTES_PER_KIND} more ${kind === 'saddle' ? 'saddles or maxima' : 'flat points'}`);
  return { minima, notes };
}
