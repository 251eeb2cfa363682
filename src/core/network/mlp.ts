import * as pm from '../portable-math';

/** The hidden layers' non-linearity; every transcendental goes through the portable maths (Node and Chromium agree bit for bit). */
export const ACTIVATIONS = ['tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * A fully connected network x ↦ f(x; θ) with layer sizes n₀ (inputs), n₁ … n_{L−1}
 * (hidden, activation σ) and n_L (outputs, linear): z_l = W_l a_{l−1} + b_l,
 * a_l = σ(z_l), f = z_L. θ holds W₁ (row-major n₁ × n₀), b₁, W₂, b₂, … in that order.
 *
 * Per sample it gives the square loss ℓ = ½‖f(x; θ) − y‖² on a one-hot target y,
 * its exact gradient (back-propagation) and exact Hessian-vector products Hv
 * (forward-over-reverse: the directional derivative of back-propagation along v,
 * Pearlmutter's R-operator), never a p × p matrix (docs/theory.md#a-networks-minima).
 * Workspaces are kept between calls: one instance serves one thread.
 */
export class Mlp {
  readonly layers: number;
  /** Number of parameters p. */
  readonly p: number;
  /** Offset of W_l and of b_l in θ (index l − 1). */
  readonly wAt: number[] = [];
  readonly bAt: number[] = [];
  private readonly z: Float64Array[] = [];
  private readonly a: Float64Array[] = [];
  private readonly d1: Float64Array[] = [];
  private readonly d2: Float64Array[] = [];
  private readonly delta: Float64Array[] = [];
  private readonly rz: Float64Array[] = [];
  private readonly ra: Float64Array[] = [];
  private readonly rdelta: Float64Array[] = [];

  constructor(
    readonly sizes: readonly number[],
    readonly activation: Activation,
  ) {
    this.layers = sizes.length - 1;
    let at = 0;
    for (let l = 1; l <= this.layers; l++) {
      this.wAt.push(at);
      at += sizes[l] * sizes[l - 1];
      this.bAt.push(at);
      at += sizes[l];
    }
    this.p = at;
    for (let l = 0; l <= this.layers; l++) {
      for (const list of [this.z, this.a, this.d1, this.d2, this.delta, this.rz, this.ra, this.rdelta]) list.push(new Float64Array(sizes[l]));
    }
  }

  /** "64–64–10", the architecture as a label. */
  get label(): string {
    return this.sizes.join('–');
  }

  /** The network's outputs f(x; θ) for row `row` of X (row-major, n₀ numbers a row); valid until the next call. */
  forward(theta: Float64Array, X: Float64Array, row: number): Float64Array {
    const { sizes, layers, z, a, d1, d2 } = this;
    const n0 = sizes[0];
    const a0 = a[0];
    for (let j = 0; j < n0; j++) a0[j] = X[row * n0 + j];
    const relu = this.activation === 'relu';
    for (let l = 1; l <= layers; l++) {
      const rows = sizes[l];
      const cols = sizes[l - 1];
      const w = this.wAt[l - 1];
      const b = this.bAt[l - 1];
      const prev = a[l - 1];
      const zl = z[l];
      for (let u = 0; u < rows; u++) {
        let s = theta[b + u];
        const r = w + u * cols;
        for (let j = 0; j < cols; j++) s += theta[r + j] * prev[j];
        zl[u] = s;
      }
      const al = a[l];
      if (l === layers) {
        al.set(zl);
        continue;
      }
      const s1 = d1[l];
      const s2 = d2[l];
      for (let u = 0; u < rows; u++) {
        const v = zl[u];
        if (relu) {
          al[u] = v > 0 ? v : 0;
          s1[u] = v > 0 ? 1 : 0;
          s2[u] = 0;
        } else {
          const t = pm.tanh(v);
          al[u] = t;
          s1[u] = 1 - t * t;
          s2[u] = -2 * t * (1 - t * t);
        }
      }
    }
    return a[layers];
  }

  /** ℓ = ½‖f(x; θ) − e_label‖² for row `row`. */
  loss(theta: Float64Array, X: Float64Array, row: number, label: number): number {
    const f = this.forward(theta, X, row);
    let s = 0;
    for (let k = 0; k < f.length; k++) {
      const r = f[k] - (k === label ? 1 : 0);
      s += r * r;
    }
    return 0.5 * s;
  }

  /** g += c·∇ℓ for row `row`; returns ℓ. */
  addGradient(theta: Float64Array, X: Float64Array, row: number, label: number, c: number, g: Float64Array): number {
    const f = this.forward(theta, X, row);
    const { layers, delta } = this;
    let loss = 0;
    const top = delta[layers];
    for (let k = 0; k < f.length; k++) {
      top[k] = f[k] - (k === label ? 1 : 0);
      loss += top[k] * top[k];
    }
    for (let l = layers; l >= 1; l--) this.backLayer(theta, l, c, g, null);
    return 0.5 * loss;
  }

  /**
   * The Jacobian of the outputs for row `row`, ∂f_k/∂θ for k = 0 … n_L − 1, written as
   * n_L rows of p numbers into J from row `at` on: one forward pass, then
   * back-propagation from δ_L = e_k for each output (the gradient code with ℓ replaced by f_k).
   * Returns the outputs f(x; θ), valid until the next call.
   */
  outputJacobian(theta: Float64Array, X: Float64Array, row: number, J: Float64Array, at: number): Float64Array {
    const f = this.forward(theta, X, row);
    const { layers, delta, p } = this;
    for (let k = 0; k < f.length; k++) {
      const g = J.subarray((at + k) * p, (at + k + 1) * p);
      g.fill(0);
      delta[layers].fill(0);
      delta[layers][k] = 1;
      for (let l = layers; l >= 1; l--) this.backLayer(theta, l, 1, g, null);
    }
    return f;
  }

  /**
   * out += c·Hv with H = ∇²ℓ for row `row`: the forward pass and its derivative
   * along v (R z_l = V_l a_{l−1} + W_l R a_{l−1} + c_l, R a_l = σ'(z_l) R z_l), then
   * back-propagation and its derivative (R δ_L = R z_L;
   * R δ_{l−1} = σ''(z) R z ∘ W_lᵀδ_l + σ'(z) ∘ (V_lᵀδ_l + W_lᵀ R δ_l)).
   */
  addHessianVector(theta: Float64Array, X: Float64Array, row: number, label: number, v: Float64Array, c: number, out: Float64Array): void {
    const f = this.forward(theta, X, row);
    const { sizes, layers, a, d1, rz, ra, delta, rdelta } = this;
    ra[0].fill(0);
    for (let l = 1; l <= layers; l++) {
      const rows = sizes[l];
      const cols = sizes[l - 1];
      const w = this.wAt[l - 1];
      const b = this.bAt[l - 1];
      const prev = a[l - 1];
      const rprev = ra[l - 1];
      const rzl = rz[l];
      for (let u = 0; u < rows; u++) {
        let s = v[b + u];
        const r = w + u * cols;
        for (let j = 0; j < cols; j++) s += v[r + j] * prev[j] + theta[r + j] * rprev[j];
        rzl[u] = s;
      }
      const ral = ra[l];
      if (l === layers) ral.set(rzl);
      else for (let u = 0; u < rows; u++) ral[u] = d1[l][u] * rzl[u];
    }
    const top = delta[layers];
    for (let k = 0; k < f.length; k++) top[k] = f[k] - (k === label ? 1 : 0);
    rdelta[layers].set(rz[layers]);
    for (let l = layers; l >= 1; l--) this.backLayer(theta, l, c, out, v);
  }

  /**
   * One layer of back-propagation: the gradient of W_l and b_l into g (times c) and
   * δ_{l−1}. With v, the same for the R-pass: g gets c·R(∇), and R δ_{l−1} is formed.
   */
  private backLayer(theta: Float64Array, l: number, c: number, g: Float64Array, v: Float64Array | null): void {
    const { sizes, a, d1, d2, delta, rz, ra, rdelta } = this;
    const rows = sizes[l];
    const cols = sizes[l - 1];
    const w = this.wAt[l - 1];
    const b = this.bAt[l - 1];
    const dl = delta[l];
    const prev = a[l - 1];
    const rdl = rdelta[l];
    const rprev = ra[l - 1];
    for (let u = 0; u < rows; u++) {
      const r = w + u * cols;
      if (v) {
        const du = c * dl[u];
        const rdu = c * rdl[u];
        for (let j = 0; j < cols; j++) g[r + j] += rdu * prev[j] + du * rprev[j];
        g[b + u] += rdu;
      } else {
        const du = c * dl[u];
        for (let j = 0; j < cols; j++) g[r + j] += du * prev[j];
        g[b + u] += du;
      }
    }
    if (l === 1) return;
    const below = delta[l - 1];
    const rbelow = rdelta[l - 1];
    below.fill(0);
    if (v) rbelow.fill(0);
    // below ← W_lᵀδ_l (and rbelow ← V_lᵀδ_l + W_lᵀ Rδ_l), row by row of W_l.
    for (let u = 0; u < rows; u++) {
      const r = w + u * cols;
      const du = dl[u];
      if (v) {
        const rdu = rdl[u];
        for (let j = 0; j < cols; j++) {
          below[j] += theta[r + j] * du;
          rbelow[j] += v[r + j] * du + theta[r + j] * rdu;
        }
      } else for (let j = 0; j < cols; j++) below[j] += theta[r + j] * du;
    }
    const s1 = d1[l - 1];
    if (v) {
      const s2 = d2[l - 1];
      const rzb = rz[l - 1];
      for (let j = 0; j < cols; j++) rbelow[j] = s2[j] * rzb[j] * below[j] + s1[j] * rbelow[j];
    }
    for (let j = 0; j < cols; j++) below[j] *= s1[j];
  }
}
