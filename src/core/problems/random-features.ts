import { Mulberry32, Salt } from '../rng';
import { cholesky, choleskySolve } from '../linalg/cholesky';
import { SQUARE_LOSS_KEYS, SquareLossProblem, gram, type SquareLossModel } from './square-loss';
import * as pm from '../portable-math';
import { defineProblem } from './problem-def';

/** Input dimension of the synthetic data. */
const INPUT_DIM = 10;

/**
 * A random-features model f(x; θ) = Σⱼ θⱼ φⱼ(x), φⱼ(x) = √(2/p) ReLU(wⱼᵀx + bⱼ)
 * (Wu–Wang–Su §2: an over-parameterised model, p > n). From the problem
 * seed: xᵢ ~ N(0, I₁₀), wⱼ ~ N(0, I₁₀/10), bⱼ ~ N(0, 0.01), targets
 * yᵢ = sin(2uᵀxᵢ) for a random unit u. Linear in θ, so every global minimum has
 * the same Hessian H = JᵀJ/n; we list the minimum-norm interpolant, where GD
 * from θ = 0 converges.
 */
export class RandomFeaturesModel implements SquareLossModel {
  readonly y: Float64Array;
  /** Φ: n×p features, the model gradients (independent of θ). */
  readonly phi: Float64Array;

  constructor(
    readonly n: number,
    readonly p: number,
    pseed: number,
  ) {
    const rng = new Mulberry32(pseed, 0, Salt.problem + 7);
    const X = Float64Array.from({ length: n * INPUT_DIM }, () => rng.normal());
    const W = Float64Array.from({ length: p * INPUT_DIM }, () => rng.normal() / Math.sqrt(INPUT_DIM));
    const b = Float64Array.from({ length: p }, () => 0.1 * rng.normal());
    const u = Float64Array.from({ length: INPUT_DIM }, () => rng.normal());
    const un = Math.hypot(...u);
    this.y = new Float64Array(n);
    this.phi = new Float64Array(n * p);
    const scale = Math.sqrt(2 / p);
    for (let i = 0; i < n; i++) {
      let ux = 0;
      for (let k = 0; k < INPUT_DIM; k++) ux += (u[k] / un) * X[i * INPUT_DIM + k];
      this.y[i] = pm.sin(2 * ux);
      for (let j = 0; j < p; j++) {
        let z = b[j];
        for (let k = 0; k < INPUT_DIM; k++) z += W[j * INPUT_DIM + k] * X[i * INPUT_DIM + k];
        this.phi[i * p + j] = scale * Math.max(0, z);
      }
    }
  }

  predict(i: number, theta: Float64Array): number {
    const p = this.p;
    let s = 0;
    for (let j = 0; j < p; j++) s += this.phi[i * p + j] * theta[j];
    return s;
  }

  modelGradient(i: number, _theta: Float64Array, out: Float64Array): void {
    out.set(this.phi.subarray(i * this.p, (i + 1) * this.p));
  }

  modelHessian(_i: number, _theta: Float64Array, out: Float64Array): void {
    out.fill(0);
  }
}

export function randomFeatures(n: number, p: number, pseed: number): SquareLossProblem {
  const model = new RandomFeaturesModel(n, p, pseed);
  const problem = new SquareLossProblem('features', model, [
    `random features: n = ${n} samples, p = ${p} ReLU features of ${INPUT_DIM}-dimensional Gaussian inputs, targets sin(2uᵀx), drawn from pseed = ${pseed}`,
  ]);
  // θ* = Φᵀ(ΦΦᵀ)⁻¹y: the minimum-norm interpolant (GD's limit from θ = 0).
  const K = gram(model.phi, n, p);
  const L = cholesky(K, n, 1e-12);
  const theta = new Float64Array(p);
  if (L) {
    const alpha = choleskySolve(L, n, model.y);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) theta[j] += model.phi[i * p + j] * alpha[i];
  }
  problem.minima = [{ label: 'min-norm interpolant', x: theta, fixedPoint: L !== null, caveat: L ? undefined : 'the features are rank-deficient: no exact interpolant' }];
  return problem;
}

export const randomFeaturesProblem = defineProblem({
  kind: 'features',
  can: { wws: true },
  label: 'random-features model (Wu–Wang–Su)',
  about: "Wu–Wang–Su's random-features model f(x;θ) = Σⱼθⱼφⱼ(x), ReLU features, square loss, n samples, p = `width` features",
  minima: "the minimum-norm interpolant (GD's limit from 0)",
  keys: {
    n: { default: 40, max: 200, doc: 'number of samples (≤ 200)', field: { label: 'samples n' } },
    width: { default: 200, max: 1000, doc: 'number of random features p (≤ 1000)', field: { label: 'features p' } },
    ...SQUARE_LOSS_KEYS,
  },
  build: (o) => randomFeatures(o.n, o.width, o.pseed),
  count: (o) => o.n,
});
