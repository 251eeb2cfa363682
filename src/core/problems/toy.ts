import type { Minimum, Problem } from './problem';
import { defineProblem } from './problem-def';

/**
 * Wu–Ma–E's two-minima toy (Fig. 2), generalised: fᵢ(x) = min{x², bᵢ(x−1)²},
 * f = mean of the fᵢ. Minima at 0 (fᵢ'' = 2 for all i: a = 2, s = 0) and at 1
 * (fᵢ'' = 2bᵢ: with b = (0.1, 1.9), a = 2 and s = 1.8; docs/theory.md#the-two-minima-toy:
 * the paper's text drops the 2 of d²/dx² (c x²) and says f'' = 1).
 * At an exact tie the branch named first (x²) is active.
 */
export class ToyProblem implements Problem {
  readonly kind = 'toy' as const;
  readonly dim = 1;
  readonly n: number;
  readonly weights = null;
  readonly domain = null;
  readonly project = false;
  readonly minima: Minimum[];
  readonly notes: string[];
  readonly b: Float64Array;

  constructor(b: ArrayLike<number>) {
    this.b = Float64Array.from(b);
    this.n = this.b.length;
    this.minima = [
      { label: 'x* = 0', x: Float64Array.of(0), fixedPoint: true },
      { label: 'x* = 1', x: Float64Array.of(1), fixedPoint: true },
    ];
    this.notes = [`b = (${Array.from(this.b).join(', ')}); f'' at x* = 1 is 2bᵢ (the paper's text says bᵢ)`];
  }

  component(i: number, x: Float64Array): number {
    const v = x[0];
    const q = v * v;
    const r = this.b[i] * (v - 1) * (v - 1);
    return q <= r ? q : r;
  }

  componentGradient(i: number, x: Float64Array, g: Float64Array): void {
    const v = x[0];
    const bi = this.b[i];
    const u = v - 1;
    g[0] = v * v <= bi * u * u ? 2 * v : 2 * bi * u;
  }

  batchGradient(x: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    const v = x[0];
    const u = v - 1;
    const q = v * v;
    const uu = u * u;
    const b = this.b;
    let s = 0;
    for (let j = 0; j < m; j++) {
      const bi = b[idx[j]];
      s += q <= bi * uu ? 2 * v : 2 * bi * u;
    }
    // s / 1 is s exactly: skipping the division keeps it off B = 1's critical path.
    g[0] = m === 1 ? s : s / m;
  }

  /** batchGradient with one index at x = (v): the same 0 + term (0 + −0 is +0). */
  batchGradient1D(i: number, v: number): number {
    const u = v - 1;
    const bi = this.b[i];
    return 0 + (v * v <= bi * (u * u) ? 2 * v : 2 * bi * u);
  }

  /** batchGradient's summand for index i at x = (v) (Problem.batchTerm1D). */
  batchTerm1D(i: number, v: number): number {
    const u = v - 1;
    const bi = this.b[i];
    return v * v <= bi * (u * u) ? 2 * v : 2 * bi * u;
  }

  batchFinish1D(s: number, m: number): number {
    return m === 1 ? s : s / m;
  }

  fullGradient(x: Float64Array, g: Float64Array): void {
    const v = x[0];
    const u = v - 1;
    const q = v * v;
    const uu = u * u;
    const b = this.b;
    let s = 0;
    for (let i = 0; i < b.length; i++) {
      const bi = b[i];
      s += q <= bi * uu ? 2 * v : 2 * bi * u;
    }
    g[0] = s / b.length;
  }

  componentHessian(i: number, x: Float64Array, out: Float64Array): void {
    const v = x[0];
    const bi = this.b[i];
    out[0] = v * v <= bi * (v - 1) * (v - 1) ? 2 : 2 * bi;
  }

  loss(x: Float64Array): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.component(i, x);
    return s / this.n;
  }
}

export const toyProblem = defineProblem({
  kind: 'toy',
  label: 'Wu’s two-minima toy (1D)',
  about: "Wu's two-minima toy, generalised: fᵢ(x) = min{x², bᵢ(x−1)²}, f = mean; b = (0.1, 1.9) by default",
  minima: '0 (a = 2, s = 0) and 1 (a = 2, s = 1.8)',
  start: 1,
  escape: 0.5,
  keys: {
    b: { default: [0.1, 1.9], doc: 'the bᵢ of fᵢ = min{x², bᵢ(x−1)²}, comma-separated', field: { label: 'bᵢ of fᵢ = min{x², bᵢ(x−1)²}', hint: 'components' } },
  },
  build: (o) => new ToyProblem(o.b),
  count: (o) => o.b.length,
});
