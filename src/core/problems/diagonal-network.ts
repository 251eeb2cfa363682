import { Mulberry32, Salt } from '../rng';
import type { Minimum } from './problem';
import { SQUARE_LOSS_KEYS, SquareLossProblem, type SquareLossModel } from './square-loss';
import { defineProblem } from './problem-def';

/**
 * A diagonal linear network f(x; θ) = Σⱼ (uⱼ² − vⱼ²) xⱼ, θ = (u, v) ∈ ℝ²ᵏ
 * (Wu–Wang–Su §2). Non-convex: its global minima form a manifold of
 * different sharpness, so selection is visible. From the problem seed:
 * xᵢ ~ N(0, I_k), a 3-sparse teacher β* with entries ±1, yᵢ = xᵢᵀβ*.
 * gᵢ = (2u∘xᵢ, −2v∘xᵢ); ∇²f(xᵢ) = diag(2xᵢ, −2xᵢ).
 */
export class DiagonalNetworkModel implements SquareLossModel {
  readonly p: number;
  readonly y: Float64Array;
  readonly X: Float64Array;

  constructor(
    readonly n: number,
    readonly k: number,
    pseed: number,
  ) {
    this.p = 2 * k;
    const rng = new Mulberry32(pseed, 0, Salt.problem + 9);
    this.X = Float64Array.from({ length: n * k }, () => rng.normal());
    const beta = new Float64Array(k);
    for (let s = 0; s < Math.min(3, k); s++) beta[(s * 7) % k] = rng.next() < 0.5 ? -1 : 1;
    this.y = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) this.y[i] += this.X[i * k + j] * beta[j];
  }

  predict(i: number, theta: Float64Array): number {
    const k = this.k;
    let s = 0;
    for (let j = 0; j < k; j++) {
      const u = theta[j];
      const v = theta[k + j];
      s += (u * u - v * v) * this.X[i * k + j];
    }
    return s;
  }

  modelGradient(i: number, theta: Float64Array, out: Float64Array): void {
    const k = this.k;
    for (let j = 0; j < k; j++) {
      const x = this.X[i * k + j];
      out[j] = 2 * theta[j] * x;
      out[k + j] = -2 * theta[k + j] * x;
    }
  }

  modelHessian(i: number, _theta: Float64Array, out: Float64Array): void {
    const k = this.k;
    const p = this.p;
    out.fill(0);
    for (let j = 0; j < k; j++) {
      out[j * p + j] = 2 * this.X[i * k + j];
      out[(k + j) * p + k + j] = -2 * this.X[i * k + j];
    }
  }
}

/** Initial scales of the GD runs whose limits are listed as minima (small: rich regime; large: kernel regime). */
export const DLN_INIT_SCALES = [0.1, 0.5, 1, 2];

/** L(θ) = Σᵢ ½rᵢ² / n of the diagonal network, with rᵢ = f(xᵢ; θ) − yᵢ written to `out` (w: k numbers of scratch). */
function dlnLoss(X: Float64Array, y: Float64Array, n: number, k: number, w: Float64Array, theta: Float64Array, out: Float64Array): number {
  for (let j = 0; j < k; j++) {
    const u = theta[j];
    const v = theta[k + j];
    w[j] = u * u - v * v;
  }
  // Four samples' sums at a time: four independent chains, each in its own order j = 0 … k − 1.
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const r0 = i * k;
    const r1 = r0 + k;
    const r2 = r1 + k;
    const r3 = r2 + k;
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let f3 = 0;
    for (let j = 0; j < k; j++) {
      const wj = w[j];
      f0 += wj * X[r0 + j];
      f1 += wj * X[r1 + j];
      f2 += wj * X[r2 + j];
      f3 += wj * X[r3 + j];
    }
    out[i] = f0 - y[i];
    out[i + 1] = f1 - y[i + 1];
    out[i + 2] = f2 - y[i + 2];
    out[i + 3] = f3 - y[i + 3];
  }
  for (; i < n; i++) {
    let f = 0;
    const row = i * k;
    for (let j = 0; j < k; j++) f += w[j] * X[row + j];
    out[i] = f - y[i];
  }
  let s = 0;
  for (let q = 0; q < n; q++) s += 0.5 * out[q] * out[q];
  return s / n;
}

/**
 * ∇L = Σᵢ rᵢ gᵢ / n with gᵢ = (2u∘xᵢ, −2v∘xᵢ), as SquareLossProblem.fullGradient sums it,
 * from the residuals r at θ and XT = Xᵀ (k × n).
 */
function dlnGradient(XT: Float64Array, r: Float64Array, n: number, k: number, theta: Float64Array, g: Float64Array): void {
  // Two inputs at a time: four independent chains, each over i = 0 … n − 1 in order.
  let j = 0;
  for (; j + 2 <= k; j += 2) {
    const a0 = 2 * theta[j];
    const b0 = -2 * theta[k + j];
    const a1 = 2 * theta[j + 1];
    const b1 = -2 * theta[k + j + 1];
    const c0 = j * n;
    const c1 = c0 + n;
    let su0 = 0;
    let sv0 = 0;
    let su1 = 0;
    let sv1 = 0;
    for (let i = 0; i < n; i++) {
      const ri = r[i];
      const x0 = XT[c0 + i];
      const x1 = XT[c1 + i];
      su0 += ri * (a0 * x0);
      sv0 += ri * (b0 * x0);
      su1 += ri * (a1 * x1);
      sv1 += ri * (b1 * x1);
    }
    g[j] = su0 / n;
    g[k + j] = sv0 / n;
    g[j + 1] = su1 / n;
    g[k + j + 1] = sv1 / n;
  }
  for (; j < k; j++) {
    const a = 2 * theta[j];
    const b = -2 * theta[k + j];
    const col = j * n;
    let su = 0;
    let sv = 0;
    for (let i = 0; i < n; i++) {
      const x = XT[col + i];
      su += r[i] * (a * x);
      sv += r[i] * (b * x);
    }
    g[j] = su / n;
    g[k + j] = sv / n;
  }
}

/**
 * GD with backtracking from u = v = α·1 until the loss is below 1e-20 (or a work
 * budget runs out): its limit is the listed minimum for scale α.
 *
 * The arithmetic is `SquareLossProblem`'s loss and full gradient for this model,
 * operation for operation (the same bits: tests/core/problems/diagonal-network.test.ts
 * runs the generic loop beside it), arranged so that a build at n = 200, k = 500 does
 * not wait seconds for its minima (README "Performance", large models):
 * - uⱼ² − vⱼ² is formed once per θ, not once per sample;
 * - the residuals of an accepted trial are those of the next gradient, so they are kept;
 * - the gradient sums each coordinate over the samples in a register, in the same order
 *   (i = 0 … n − 1), from a transposed copy of X.
 */
function gdLimit(model: DiagonalNetworkModel, XT: Float64Array, alpha: number): { theta: Float64Array; loss: number } {
  const { n, k, p, y, X } = model;
  const w = new Float64Array(k);
  let r = new Float64Array(n);
  let rTrial = new Float64Array(n);
  const theta = new Float64Array(p).fill(alpha);
  const g = new Float64Array(p);
  const trial = new Float64Array(p);
  let step = 0.1;
  let loss = dlnLoss(X, y, n, k, w, theta, r);
  const iters = Math.max(500, Math.min(20000, Math.floor(2e8 / (n * p))));
  for (let it = 0; it < iters && loss > 1e-20; it++) {
    dlnGradient(XT, r, n, k, theta, g);
    let g2 = 0;
    for (let j = 0; j < p; j++) g2 += g[j] * g[j];
    for (;;) {
      for (let j = 0; j < p; j++) trial[j] = theta[j] - step * g[j];
      const l = dlnLoss(X, y, n, k, w, trial, rTrial);
      if (l <= loss - 0.5 * step * g2 || step < 1e-12) {
        theta.set(trial);
        [r, rTrial] = [rTrial, r];
        loss = l;
        step *= 1.5;
        break;
      }
      step *= 0.5;
    }
  }
  return { theta, loss };
}

export function diagonalNetwork(n: number, k: number, pseed: number): SquareLossProblem {
  const model = new DiagonalNetworkModel(n, k, pseed);
  const problem = new SquareLossProblem('dln', model, [
    `diagonal linear network: n = ${n} samples, k = ${k} inputs (p = ${2 * k} parameters), 3-sparse ±1 teacher, drawn from pseed = ${pseed}`,
    `minima: the limits of GD from u = v = α·1 for α = ${DLN_INIT_SCALES.join(', ')}`,
  ]);
  const XT = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) XT[j * n + i] = model.X[i * k + j];
  const minima: Minimum[] = [];
  for (const alpha of DLN_INIT_SCALES) {
    const { theta, loss } = gdLimit(model, XT, alpha);
    const dup = minima.some((m) => Math.hypot(...m.x.map((v, j) => v - theta[j])) < 1e-6 * (1 + Math.hypot(...theta)));
    if (dup) continue;
    const ok = loss < 1e-16;
    minima.push({
      label: `GD limit from α = ${alpha}`,
      x: theta,
      fixedPoint: ok,
      caveat: ok ? undefined : `GD stopped at loss ${loss.toExponential(2)}: not an exact global minimum`,
    });
  }
  problem.minima = minima;
  return problem;
}

export const diagonalNetworkProblem = defineProblem({
  kind: 'dln',
  can: { wws: true },
  label: 'diagonal linear network (Wu–Wang–Su)',
  about: "Wu–Wang–Su's diagonal linear network f(x;θ) = Σⱼ(uⱼ² − vⱼ²)xⱼ, square loss, n samples, k = `width` inputs",
  minima: "GD's limits from u = v = α·1, α = 0.1, 0.5, 1, 2 (different sharpness)",
  keys: {
    n: { default: 20, max: 200, doc: 'number of samples (≤ 200)', field: { label: 'samples n' } },
    width: { default: 40, max: 500, doc: 'input dimension k, 2k parameters (≤ 500)', field: { label: 'input dimension k' } },
    ...SQUARE_LOSS_KEYS,
  },
  build: (o) => diagonalNetwork(o.n, o.width, o.pseed),
  count: (o) => o.n,
});
