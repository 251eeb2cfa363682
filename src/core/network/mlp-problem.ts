import type { Dataset } from '../data/dataset';
import { Mulberry32, Salt } from '../rng';
import type { Box, Minimum, Problem } from '../problems/problem';
import { Mlp, type Activation } from './mlp';

/** What a network problem is built from (README "Problems", `problem=mlp`). */
export interface MlpSpec {
  data: Dataset;
  /** Hidden layers' width and number. */
  width: number;
  depth: number;
  activation: Activation;
  /** Initialisation scale v: every weight and bias of a layer with n_in inputs from U[−v/√n_in, v/√n_in] (Wu–Ma–E §5). */
  init: number;
  /** Seed of the initialisation (and of a drawn data set). */
  pseed: number;
}

/**
 * Training a network by the square loss on one-hot labels (Wu–Ma–E §5: "the mean
 * squared error rather than the cross entropy"): fᵢ(θ) = ½‖f(xᵢ; θ) − e_{yᵢ}‖², the
 * problem's components, f = (1/n) Σ fᵢ. It lists no minimum (where training ends
 * is the result); every run starts at the initialisation `initial`, GD and the K SGD
 * runs alike. Curvature comes from exact Hessian-vector products
 * (src/core/network/curvature.ts); componentHessian builds a dense Hᵢ from p of
 * them and is meant for small networks only.
 */
export class MlpProblem implements Problem {
  readonly kind = 'mlp';
  readonly dim: number;
  readonly n: number;
  readonly weights = null;
  readonly domain: Box | null = null;
  readonly project = false;
  readonly minima: Minimum[] = [];
  readonly notes: string[];
  readonly net: Mlp;
  /** θ₀: where every run starts. */
  readonly initial: Float64Array;
  private readonly unit: Float64Array;
  private readonly column: Float64Array;

  constructor(
    readonly spec: MlpSpec,
  ) {
    const { data } = spec;
    this.net = new Mlp([data.dim, ...new Array<number>(spec.depth).fill(spec.width), data.classes], spec.activation);
    this.dim = this.net.p;
    this.n = data.n;
    this.initial = initialise(this.net, spec.init, spec.pseed);
    this.unit = new Float64Array(this.dim);
    this.column = new Float64Array(this.dim);
    this.notes = [
      `network ${this.label}: ${this.net.label} (${spec.depth} hidden layer${spec.depth === 1 ? '' : 's'} of ${spec.width}, ${spec.activation}, linear output), p = ${this.dim} parameters; square loss ½‖f(x) − one-hot‖²; init U[−v/√n_in, v/√n_in] with v = ${spec.init}, pseed = ${spec.pseed}`,
    ];
  }

  /** What every view says it measured, e.g. "digits, 200 samples, 64–32–10". */
  get label(): string {
    return `${this.spec.data.name}, ${this.n} samples, ${this.net.label}`;
  }

  component(i: number, theta: Float64Array): number {
    return this.net.loss(theta, this.spec.data.inputs, i, this.spec.data.labels[i]);
  }

  componentGradient(i: number, theta: Float64Array, g: Float64Array): void {
    g.fill(0);
    this.net.addGradient(theta, this.spec.data.inputs, i, this.spec.data.labels[i], 1, g);
  }

  batchGradient(theta: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    g.fill(0);
    const { inputs, labels } = this.spec.data;
    for (let k = 0; k < m; k++) this.net.addGradient(theta, inputs, idx[k], labels[idx[k]], 1, g);
    for (let j = 0; j < g.length; j++) g[j] /= m;
  }

  fullGradient(theta: Float64Array, g: Float64Array): void {
    g.fill(0);
    const { inputs, labels } = this.spec.data;
    for (let i = 0; i < this.n; i++) this.net.addGradient(theta, inputs, i, labels[i], 1, g);
    for (let j = 0; j < g.length; j++) g[j] /= this.n;
  }

  loss(theta: Float64Array): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.component(i, theta);
    return s / this.n;
  }

  /** out += c·Hᵢv. */
  addComponentHessianVector(i: number, theta: Float64Array, v: Float64Array, c: number, out: Float64Array): void {
    this.net.addHessianVector(theta, this.spec.data.inputs, i, this.spec.data.labels[i], v, c, out);
  }

  /** out ← Hv, H = (1/n) Σ Hᵢ. */
  hessianVector(theta: Float64Array, v: Float64Array, out: Float64Array): void {
    out.fill(0);
    for (let i = 0; i < this.n; i++) this.addComponentHessianVector(i, theta, v, 1 / this.n, out);
  }

  /** Dense Hᵢ from p Hessian-vector products (column j = Hᵢe_j): small networks only. */
  componentHessian(i: number, theta: Float64Array, out: Float64Array): void {
    const p = this.dim;
    const e = this.unit;
    const col = this.column;
    for (let j = 0; j < p; j++) {
      e.fill(0);
      e[j] = 1;
      col.fill(0);
      this.addComponentHessianVector(i, theta, e, 1, col);
      for (let k = 0; k < p; k++) out[k * p + j] = col[k];
    }
  }
}

/** θ₀: layer by layer, W_l then b_l, each entry U[−v/√n_in, v/√n_in] (n_in = the layer's inputs), from the stream (pseed, Salt.problem + 17). */
export function initialise(net: Mlp, v: number, pseed: number): Float64Array {
  const rng = new Mulberry32(pseed, 0, Salt.problem + 17);
  const theta = new Float64Array(net.p);
  for (let l = 1; l <= net.layers; l++) {
    const bound = v / Math.sqrt(net.sizes[l - 1]);
    const end = l < net.layers ? net.wAt[l] : net.p;
    for (let k = net.wAt[l - 1]; k < end; k++) theta[k] = bound * (2 * rng.next() - 1);
  }
  return theta;
}

export function isMlp(p: Problem): p is MlpProblem {
  return p instanceof MlpProblem;
}
