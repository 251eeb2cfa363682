import { Mulberry32, Salt } from '../rng';
import type { Box, Minimum, Problem } from './problem';
import * as pm from '../portable-math';
import { defineProblem } from './problem-def';

/**
 * Patel's quadratic-circle sums (Problem 24, eqs. 12–15):
 *   gᵢ(x) = q₁ᵢ (x₂ − q₂ᵢ x₁² − q₃)²                         (12)
 *   hᵢ(x) = c₄ + c₁ᵢ S(u), u = (‖x‖ − c₂)/(c₃ᵢ − c₂) clipped to [0, 1],
 *           S(u) = u³(6u² − 15u + 10)                          (13)
 *   fᵢ = min{hᵢ, gᵢ} (quadratic branch at a tie, Remark 23)     (14)
 * on the box (−10, 10) × (−20, 15), iterates projected back onto it.
 *
 * The paper does not print its parameters. Ours are chosen to reproduce his
 * transitions, documented and seeded (docs/theory.md#quadratic-circle-sums): N = 50, q₃ = −15, c₂ = c₄ = 0 shared; per component,
 * with uᵢ uniform on (−1, 1) from the fixed stream of the model,
 *   q₁ᵢ = Q (1 + 0.1u), q₂ᵢ = 0.1 (1 + 0.5u), c₁ᵢ = C (1 + 0.2u), c₃ᵢ = R (1 + 0.05u),
 * with Q = 0.2 (sharp quad, Models 1, 3) or 0.0014 (flat quad, Models 2, 4) and
 * (C, R) = (1, 4) (sharp circle, Models 1, 2) or (0.05, 12) (flat circle, 3, 4).
 * At the quad minimum (0, −15) Hᵢ = diag(0, 2q₁ᵢ), so a = 2·mean q₁ ≈ 0.4 (2/a ≈ 5,
 * Patel's Table 1: 4.98) or ≈ 0.0028 (2/a ≈ 714; Patel: 995): SGD-1 then leaves it
 * between α = 4 and 16 (Model 1) and between 256 and 1024 (Model 2).
 */
export const CIRCLE_MODELS = {
  1: { quad: 0.2, circleHeight: 1, circleRadius: 4, label: 'sharp circle, sharp quad' },
  2: { quad: 0.0014, circleHeight: 1, circleRadius: 4, label: 'sharp circle, flat quad' },
  3: { quad: 0.2, circleHeight: 0.05, circleRadius: 12, label: 'flat circle, sharp quad' },
  4: { quad: 0.0014, circleHeight: 0.05, circleRadius: 12, label: 'flat circle, flat quad' },
} as const;
export type CircleModel = keyof typeof CIRCLE_MODELS;

const N = 50;
/** Patel's N: the number of components of every quadratic-circle model. */
export const CIRCLE_COMPONENTS = N;
const Q3 = -15;

export class CircleProblem implements Problem {
  readonly kind = 'circle' as const;
  readonly dim = 2;
  readonly n = N;
  readonly weights = null;
  readonly domain: Box = { lo: Float64Array.of(-10, -20), hi: Float64Array.of(10, 15) };
  readonly project = true;
  /** Every term is a finite polynomial on the bounded box, or the plateau c₁ᵢ. */
  readonly lossFiniteOnDomain = true;
  readonly minima: Minimum[];
  readonly notes: string[];
  readonly q1 = new Float64Array(N);
  readonly q2 = new Float64Array(N);
  readonly c1 = new Float64Array(N);
  readonly c3 = new Float64Array(N);
  /** max c₃ᵢ: beyond it every circle term is on its plateau (see loss). */
  private readonly c3max: number;

  /**
   * @param estimateRadius the radius of the disc over which the circular basin's
   *   curvature is averaged (its exact Hessian at 0 is 0: h grows like ‖x‖³).
   */
  constructor(readonly model: CircleModel, estimateRadius: number) {
    const m = CIRCLE_MODELS[model];
    const rng = new Mulberry32(model, 0, Salt.problem);
    for (let i = 0; i < N; i++) {
      this.q1[i] = m.quad * (1 + 0.1 * rng.uniform(-1, 1));
      this.q2[i] = 0.1 * (1 + 0.5 * rng.uniform(-1, 1));
      this.c1[i] = m.circleHeight * (1 + 0.2 * rng.uniform(-1, 1));
      this.c3[i] = m.circleRadius * (1 + 0.05 * rng.uniform(-1, 1));
    }
    this.c3max = Math.max(...this.c3);
    const r = estimateRadius > 0 ? estimateRadius : 1e-8;
    const disc = this.discAveragedHessians(r);
    this.minima = [
      {
        label: 'circle (0, 0)',
        x: Float64Array.of(0, 0),
        fixedPoint: true,
        hessianEstimate: {
          note: `exact Hessian at (0,0) is 0 (h grows like ‖x‖³); shown: each Hᵢ averaged over the disc of radius ${r} (Patel averages quadratic fits over a small neighbourhood), ${
            disc.exact ? 'the average computed exactly, (H′(ε)/ε)·I by the divergence theorem' : 'by a polar midpoint rule (8 radii × 16 angles) since a quadratic branch enters the disc: its error is not bounded'
          }; every number computed from these Hᵢ is an estimate`,
          hessians: disc.hessians,
        },
      },
      { label: 'quad (0, −15)', x: Float64Array.of(0, Q3), fixedPoint: true },
    ];
    this.notes = [`Model ${model}: ${m.label}; N = ${N}; parameters drawn from the model's fixed stream`];
  }

  private isQuadActive(i: number, x0: number, x1: number): boolean {
    const r = x1 - this.q2[i] * x0 * x0 - Q3;
    return this.q1[i] * r * r <= this.circleValue(i, Math.hypot(x0, x1));
  }

  private circleValue(i: number, rho: number): number {
    const w = this.c3[i];
    if (rho >= w) return this.c1[i];
    const u = rho / w;
    return this.c1[i] * u * u * u * (u * (6 * u - 15) + 10);
  }

  component(i: number, x: Float64Array): number {
    const r = x[1] - this.q2[i] * x[0] * x[0] - Q3;
    const g = this.q1[i] * r * r;
    const h = this.circleValue(i, Math.hypot(x[0], x[1]));
    return g <= h ? g : h;
  }

  /** g += scale·∇fᵢ(x₀, x₁). */
  private addGrad(i: number, x0: number, x1: number, scale: number, g: Float64Array): void {
    const q1 = this.q1[i];
    const q2 = this.q2[i];
    const r = x1 - q2 * x0 * x0 - Q3;
    const gv = q1 * r * r;
    const rho = Math.sqrt(x0 * x0 + x1 * x1);
    const w = this.c3[i];
    let hv: number;
    let dh = 0; // H'(ρ)
    if (rho >= w) hv = this.c1[i];
    else {
      const u = rho / w;
      hv = this.c1[i] * u * u * u * (u * (6 * u - 15) + 10);
      const um = u - 1;
      dh = (this.c1[i] * 30 * u * u * um * um) / w;
    }
    if (gv <= hv) {
      const t = 2 * q1 * r;
      g[0] += scale * (-2 * q2 * x0 * t);
      g[1] += scale * t;
    } else if (rho > 0 && dh !== 0) {
      const k = (scale * dh) / rho;
      g[0] += k * x0;
      g[1] += k * x1;
    }
  }

  componentGradient(i: number, x: Float64Array, g: Float64Array): void {
    g[0] = 0;
    g[1] = 0;
    this.addGrad(i, x[0], x[1], 1, g);
  }

  batchGradient(x: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    this.sumGradients(x, idx, m, 1 / m, g);
  }

  fullGradient(x: Float64Array, g: Float64Array): void {
    this.sumAllGradients(x, g);
  }

  /**
   * g ← Σⱼ scale·∇f_{idx[j]}(x), j = 0..m−1:
   * addGrad's arithmetic, in the same order, written out in one loop with ‖x‖ taken
   * once. Then the speed does not hang on V8 inlining addGrad into the loop, which it
   * stopped doing once the engine's call site had seen other problems (GD ran at
   * half speed in such a process).
   */
  private sumGradients(x: Float64Array, idx: Int32Array, m: number, scale: number, g: Float64Array): void {
    const x0 = x[0];
    const x1 = x[1];
    const { q1: Q1, q2: Q2, c1: C1, c3: C3 } = this;
    const rho = Math.sqrt(x0 * x0 + x1 * x1);
    let g0 = 0;
    let g1 = 0;
    for (let j = 0; j < m; j++) {
      const i = idx[j];
      const q1 = Q1[i];
      const q2 = Q2[i];
      const r = x1 - q2 * x0 * x0 - Q3;
      const gv = q1 * r * r;
      const w = C3[i];
      let hv: number;
      let dh = 0; // H'(ρ)
      if (rho >= w) hv = C1[i];
      else {
        const u = rho / w;
        hv = C1[i] * u * u * u * (u * (6 * u - 15) + 10);
        const um = u - 1;
        dh = (C1[i] * 30 * u * u * um * um) / w;
      }
      if (gv <= hv) {
        const t = 2 * q1 * r;
        g0 += scale * (-2 * q2 * x0 * t);
        g1 += scale * t;
      } else if (rho > 0 && dh !== 0) {
        const k = (scale * dh) / rho;
        g0 += k * x0;
        g1 += k * x1;
      }
    }
    g[0] = g0;
    g[1] = g1;
  }

  /**
   * fullGradient's sum: sumGradients' arithmetic over every term i = 0 … N − 1 with
   * scale 1/N, in the same order, in a loop of its own. V8 compiles a loop for the
   * callers it has seen: one loop for SGD's batches and GD's full sum ran GD about
   * 17 % slower in a fresh process that had stepped SGD first (as the bench's engine
   * processes do) than in one that ran GD alone; an index array 0 … N − 1 instead of
   * null was slower still. Apart, each loop sees one caller.
   */
  private sumAllGradients(x: Float64Array, g: Float64Array): void {
    const scale = 1 / N;
    const x0 = x[0];
    const x1 = x[1];
    const { q1: Q1, q2: Q2, c1: C1, c3: C3 } = this;
    const rho = Math.sqrt(x0 * x0 + x1 * x1);
    let g0 = 0;
    let g1 = 0;
    for (let i = 0; i < N; i++) {
      const q1 = Q1[i];
      const q2 = Q2[i];
      const r = x1 - q2 * x0 * x0 - Q3;
      const gv = q1 * r * r;
      const w = C3[i];
      let hv: number;
      let dh = 0; // H'(ρ)
      if (rho >= w) hv = C1[i];
      else {
        const u = rho / w;
        hv = C1[i] * u * u * u * (u * (6 * u - 15) + 10);
        const um = u - 1;
        dh = (C1[i] * 30 * u * u * um * um) / w;
      }
      if (gv <= hv) {
        const t = 2 * q1 * r;
        g0 += scale * (-2 * q2 * x0 * t);
        g1 += scale * t;
      } else if (rho > 0 && dh !== 0) {
        const k = (scale * dh) / rho;
        g0 += k * x0;
        g1 += k * x1;
      }
    }
    g[0] = g0;
    g[1] = g1;
  }

  componentHessian(i: number, x: Float64Array, out: Float64Array): void {
    const x0 = x[0];
    const x1 = x[1];
    if (this.isQuadActive(i, x0, x1)) {
      const q1 = this.q1[i];
      const q2 = this.q2[i];
      const r = x1 - q2 * x0 * x0 - Q3;
      out[0] = -4 * q1 * q2 * r + 8 * q1 * q2 * q2 * x0 * x0;
      out[1] = out[2] = -4 * q1 * q2 * x0;
      out[3] = 2 * q1;
      return;
    }
    const rho = Math.hypot(x0, x1);
    const w = this.c3[i];
    out.fill(0);
    if (rho === 0 || rho >= w) return;
    const u = rho / w;
    const c1 = this.c1[i];
    const d1 = (c1 * 30 * u * u * (u - 1) * (u - 1)) / w; // H'(ρ)
    const d2 = (c1 * 60 * u * (2 * u - 1) * (u - 1)) / (w * w); // H''(ρ)
    // ∇²h = H'' x̂x̂ᵀ + (H'/ρ)(I − x̂x̂ᵀ)
    const e0 = x0 / rho;
    const e1 = x1 / rho;
    const t = d1 / rho;
    out[0] = d2 * e0 * e0 + t * (1 - e0 * e0);
    out[1] = out[2] = d2 * e0 * e1 - t * e0 * e1;
    out[3] = d2 * e1 * e1 + t * (1 - e1 * e1);
  }

  /**
   * Each Hᵢ averaged over the disc of radius r at 0 (docs/theory.md#the-averaged-hessian-of-the-circular-minimum).
   * Where the circle branch h(x) = H(‖x‖) is active on the whole disc, the average is exact:
   * by the divergence theorem the mean of ∇²h over the disc is (1/πr²)∮ ∇h nᵀ ds = (H′(r)/r)·I,
   * since ∇h = H′(r) x̂ on the circle and the mean of x̂x̂ᵀ over it is I/2 (H′ is continuous, H″
   * bounded: S is C²). The branch is active on the disc when the quadratic term's least value
   * there, q₁(15 − r − q₂r²)², exceeds h's greatest, H(r). Otherwise a polar midpoint rule.
   */
  private discAveragedHessians(r: number): { hessians: Float64Array[]; exact: boolean } {
    const closed: Float64Array[] = [];
    for (let i = 0; i < N; i++) {
      const least = 15 - r - this.q2[i] * r * r;
      if (!(least > 0 && this.q1[i] * least * least > this.circleValue(i, r))) break;
      const w = this.c3[i];
      const u = Math.min(1, r / w);
      const dH = (this.c1[i] * 30 * u * u * (u - 1) * (u - 1)) / w; // H′(r)
      closed.push(Float64Array.of(dH / r, 0, 0, dH / r));
    }
    if (closed.length === N) return { hessians: closed, exact: true };
    return { hessians: this.midpointHessians(r), exact: false };
  }

  /** Each Hᵢ averaged, area-weighted, over a polar grid of the disc of radius r at 0 (midpoint rule). */
  private midpointHessians(r: number): Float64Array[] {
    const radii = 8;
    const angles = 16;
    const out: Float64Array[] = [];
    const x = new Float64Array(2);
    const h = new Float64Array(4);
    for (let i = 0; i < N; i++) {
      const acc = new Float64Array(4);
      let wsum = 0;
      for (let a = 0; a < radii; a++) {
        const rr = (r * (a + 0.5)) / radii; // midpoint rule in ρ, weight ρ
        for (let b = 0; b < angles; b++) {
          const th = (2 * Math.PI * (b + 0.5)) / angles;
          x[0] = rr * pm.cos(th);
          x[1] = rr * pm.sin(th);
          this.componentHessian(i, x, h);
          for (let k = 0; k < 4; k++) acc[k] += rr * h[k];
          wsum += rr;
        }
      }
      for (let k = 0; k < 4; k++) acc[k] /= wsum;
      out.push(acc);
    }
    return out;
  }

  /**
   * The mean of component(i, x), written out: ‖x‖ (Math.hypot, a slow builtin) is
   * taken once instead of once per component, and the arrays are read from locals.
   * The same operations in the same order as component(), so the same bits.
   */
  loss(x: Float64Array): number {
    const x0 = x[0];
    const x1 = x[1];
    // ‖x‖ ≥ max|xⱼ| (Math.hypot rounds faithfully), so beyond every c₃ᵢ each circle
    // term is on its plateau c₁ᵢ whatever ‖x‖ is: skip the builtin there.
    const rho = Math.max(Math.abs(x0), Math.abs(x1)) >= this.c3max ? Infinity : Math.hypot(x0, x1);
    const { q1, q2, c1, c3 } = this;
    let s = 0;
    for (let i = 0; i < N; i++) {
      const r = x1 - q2[i] * x0 * x0 - Q3;
      const g = q1[i] * r * r;
      const w = c3[i];
      let h: number;
      if (rho >= w) h = c1[i];
      else {
        const u = rho / w;
        h = c1[i] * u * u * u * (u * (6 * u - 15) + 10);
      }
      s += g <= h ? g : h;
    }
    return s / N;
  }
}

export const circleProblem = defineProblem({
  kind: 'circle',
  label: 'Patel’s quadratic-circle sum',
  about: "Patel's quadratic-circle sums (Problem 24), Models 1–4, N = 50, on (−10,10)×(−20,15) with projection",
  minima: 'circle (0,0), quad (0,−15)',
  start: 1,
  keys: {
    model: { default: 1, doc: 'Patel model 1–4 (sharp/flat circle × sharp/flat quad)', field: { label: 'Patel model (1–4)', hint: 'components' } },
  },
  // The table limits model to 1..4, the keys of CIRCLE_MODELS.
  build: (o, context) => new CircleProblem(o.model as CircleModel, context.radius),
  count: () => N,
});
