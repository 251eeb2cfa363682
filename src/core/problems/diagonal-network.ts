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

/**
 * GD with backtracking from u = v = α·1 until the loss is below 1e-20 (or a work
 * budget runs out): its limit is the listed minimum for scale α.
 */
function gdLimit(problem: SquareLossProblem, alpha: number): { theta: Float64Array; loss: number } {
  const p = problem.dim;
  const theta = new Float64Array(p).fill(alpha);
  const g = new Float64Array(p);
  const trial = new Float64Array(p);
  let step = 0.1;
  let loss = problem.loss(theta);
  const iters = Math.max(500, Math.min(20000, Math.floor(2e8 / (problem.n * p))));
  for (let it = 0; it < iters && loss > 1e-20; it++) {
    problem.fullGradient(theta, g);
    let g2 = 0;
    for (let j = 0; j < p; j++) g2 += g[j] * g[j];
    for (;;) {
      for (let j = 0; j < p; j++) trial[j] = theta[j] - step * g[j];
      const l = problem.loss(trial);
      if (l <= loss - 0.5 * step * g2 || step < 1e-12) {
        theta.set(trial);
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
  const minima: Minimum[] = [];
  for (const alpha of DLN_INIT_SCALES) {
    const { theta, loss } = gdLimit(problem, alpha);
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
