import type { Box, Minimum, Problem } from './problem';
import type { KeyUse } from './problem-def';
import type { ProblemKeyValue } from './problem-keys';

/**
 * A model f(x; θ) with p parameters on n samples, fitted by the square loss
 * Lᵢ(θ) = ½ (f(xᵢ; θ) − yᵢ)² (Wu–Wang–Su §2). The problem's components are
 * the Lᵢ; ∇Lᵢ = rᵢ gᵢ with rᵢ the residual and gᵢ = ∇_θ f(xᵢ; θ) the model gradient.
 */
export interface SquareLossModel {
  readonly p: number;
  readonly n: number;
  readonly y: Float64Array;
  /** f(xᵢ; θ). */
  predict(i: number, theta: Float64Array): number;
  /** out ← gᵢ = ∇_θ f(xᵢ; θ). */
  modelGradient(i: number, theta: Float64Array, out: Float64Array): void;
  /** out (p×p) ← ∇²_θ f(xᵢ; θ). */
  modelHessian(i: number, theta: Float64Array, out: Float64Array): void;
}

export class SquareLossProblem implements Problem {
  readonly dim: number;
  readonly n: number;
  readonly weights = null;
  readonly domain: Box | null = null;
  readonly project = false;
  minima: Minimum[] = [];
  readonly notes: string[];
  private readonly gi: Float64Array;
  private readonly noiseBuf: Float64Array;

  constructor(
    readonly kind: string,
    readonly model: SquareLossModel,
    notes: string[],
  ) {
    this.dim = model.p;
    this.n = model.n;
    this.notes = notes;
    this.gi = new Float64Array(model.p);
    this.noiseBuf = new Float64Array(model.p);
  }

  residual(i: number, theta: Float64Array): number {
    return this.model.predict(i, theta) - this.model.y[i];
  }

  component(i: number, theta: Float64Array): number {
    const r = this.residual(i, theta);
    return 0.5 * r * r;
  }

  componentGradient(i: number, theta: Float64Array, g: Float64Array): void {
    const r = this.residual(i, theta);
    this.model.modelGradient(i, theta, g);
    for (let j = 0; j < g.length; j++) g[j] *= r;
  }

  batchGradient(theta: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    g.fill(0);
    const gi = this.gi;
    for (let k = 0; k < m; k++) {
      const i = idx[k];
      const r = this.residual(i, theta);
      this.model.modelGradient(i, theta, gi);
      for (let j = 0; j < gi.length; j++) g[j] += r * gi[j];
    }
    for (let j = 0; j < g.length; j++) g[j] /= m;
  }

  fullGradient(theta: Float64Array, g: Float64Array): void {
    g.fill(0);
    const gi = this.gi;
    for (let i = 0; i < this.n; i++) {
      const r = this.residual(i, theta);
      this.model.modelGradient(i, theta, gi);
      for (let j = 0; j < gi.length; j++) g[j] += r * gi[j];
    }
    for (let j = 0; j < g.length; j++) g[j] /= this.n;
  }

  /** ∇²Lᵢ = gᵢgᵢᵀ + rᵢ ∇²f(xᵢ; θ) (dense p×p: only for small p). */
  componentHessian(i: number, theta: Float64Array, out: Float64Array): void {
    const p = this.dim;
    const r = this.residual(i, theta);
    this.model.modelHessian(i, theta, out);
    const gi = this.gi;
    this.model.modelGradient(i, theta, gi);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b] = gi[a] * gi[b] + r * out[a * p + b];
  }

  loss(theta: Float64Array): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.component(i, theta);
    return s / this.n;
  }

  /**
   * g ← ∇L(θ) + ξ with ξ ~ N(0, S/per), the two artificial noises of Wu–Wang–Su §3.3,
   * of equal total variance 2L·Tr(G):
   *   'isotropic': S = 2σ²L·I with σ² = Tr(G)/p;
   *   'aligned':   S = 2L·G, sampled as √(2L/per)·Σᵢ gᵢzᵢ/√n (Cov Jᵀz/√n = G).
   * G = JᵀJ/n at the current θ (≈ H(θ*) near a global minimum). per = 1/c, the inverse batch
   * factor, as SGD's own noise has it (docs/theory.md#artificial-noise-and-the-batch-factor;
   * Infinity at B = n without replacement: no noise), or B for links before v=3.
   */
  noisyGradient(theta: Float64Array, kind: 'isotropic' | 'aligned', per: number, normal: () => number, g: Float64Array): void {
    const p = this.dim;
    const n = this.n;
    const gi = this.gi;
    g.fill(0);
    let twoL = 0;
    let trG = 0;
    const noise = this.noiseBuf;
    noise.fill(0);
    for (let i = 0; i < n; i++) {
      const r = this.residual(i, theta);
      this.model.modelGradient(i, theta, gi);
      twoL += (r * r) / n;
      let nrm = 0;
      for (let j = 0; j < p; j++) {
        g[j] += (r * gi[j]) / n;
        nrm += gi[j] * gi[j];
      }
      trG += nrm / n;
      if (kind === 'aligned') {
        const z = normal();
        for (let j = 0; j < p; j++) noise[j] += gi[j] * z;
      }
    }
    if (kind === 'aligned') {
      const c = Math.sqrt(twoL / per / n);
      for (let j = 0; j < p; j++) g[j] += c * noise[j];
    } else {
      const c = Math.sqrt((twoL * trG) / p / per);
      for (let j = 0; j < p; j++) g[j] += c * normal();
    }
  }

  /** The n×p matrix J of model gradients gᵢ (rows) at θ. */
  jacobian(theta: Float64Array): Float64Array {
    const p = this.dim;
    const J = new Float64Array(this.n * p);
    for (let i = 0; i < this.n; i++) this.model.modelGradient(i, theta, J.subarray(i * p, (i + 1) * p));
    return J;
  }

  residuals(theta: Float64Array): Float64Array {
    const r = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) r[i] = this.residual(i, theta);
    return r;
  }
}

/** K = JJᵀ (n×n Gram matrix of the model gradients). */
export function gram(J: Float64Array, n: number, p: number): Float64Array {
  const K = new Float64Array(n * n);
  gramRows(J, n, p, K, 0, n);
  return K;
}

/** Rows from..to−1 of K = JJᵀ (and their mirror entries): gram's arithmetic, in pieces a worker can yield between. */
export function gramRows(J: Float64Array, n: number, p: number, K: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += J[i * p + k] * J[j * p + k];
      K[i * n + j] = s;
      K[j * n + i] = s;
    }
  }
}

export function isSquareLoss(p: Problem): p is SquareLossProblem {
  return p instanceof SquareLossProblem;
}

/** The keys both square-loss models read besides n and width: the noise switch, the seed and the Fig. 4 protocol. */
export const SQUARE_LOSS_KEYS: { noise: KeyUse<ProblemKeyValue<'noise'>>; pseed: KeyUse<number>; switchloss: KeyUse<number> } = {
  noise: {
    default: 'sgd',
    doc: "sgd (SGD's own noise), or GD plus Gaussian noise of the same total variance, isotropic or aligned with H (Wu–Wang–Su §3.3), times the batch factor c (1/B before v=3)",
    field: {
      label: 'SGD noise',
      choices: [
        { value: 'sgd', label: 'SGD’s own noise' },
        { value: 'isotropic', label: 'isotropic Gaussian (same variance)' },
        { value: 'aligned', label: 'aligned Gaussian S = 2L·H' },
      ],
    },
  },
  pseed: { default: 1, doc: 'seed of the drawn problem', field: { label: 'problem seed' } },
  switchloss: { default: 0, doc: "Wu–Wang–Su Fig. 4 protocol — GD with η until the loss is below this, then SGD with the same η from GD's point (0: off)" },
};
