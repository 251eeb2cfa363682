import type { Minimum, Problem } from './problem';
import { defineProblem } from './problem-def';

/**
 * Homogeneous quadratic sums fᵢ(x) = ½ xᵀHᵢx (Wu §2 in 1D; Patel's Problem 1 with
 * β* = 0). The minimum x* = 0 is a fixed point of SGD: every ∇fᵢ(0) = 0.
 * `H` holds the n component matrices, each d×d row-major and symmetric.
 */
export class QuadraticProblem implements Problem {
  readonly kind: string;
  readonly dim: number;
  readonly n: number;
  readonly weights = null;
  readonly domain = null;
  readonly project = false;
  readonly minima: Minimum[];
  readonly notes: string[];
  /** All Hᵢ packed: component i at offset i·d². */
  readonly H: Float64Array;

  constructor(hessians: Float64Array[], d: number, kind = 'quadratic', notes: string[] = []) {
    this.kind = kind;
    this.dim = d;
    this.n = hessians.length;
    this.H = new Float64Array(this.n * d * d);
    hessians.forEach((h, i) => this.H.set(h, i * d * d));
    this.minima = [{ label: 'x* = 0', x: new Float64Array(d), fixedPoint: true }];
    this.notes = notes;
  }

  component(i: number, x: Float64Array): number {
    const d = this.dim;
    const H = this.H;
    const o = i * d * d;
    let s = 0;
    for (let r = 0; r < d; r++) {
      let hx = 0;
      for (let c = 0; c < d; c++) hx += H[o + r * d + c] * x[c];
      s += x[r] * hx;
    }
    return 0.5 * s;
  }

  componentGradient(i: number, x: Float64Array, g: Float64Array): void {
    const d = this.dim;
    const H = this.H;
    const o = i * d * d;
    for (let r = 0; r < d; r++) {
      let hx = 0;
      for (let c = 0; c < d; c++) hx += H[o + r * d + c] * x[c];
      g[r] = hx;
    }
  }

  batchGradient(x: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    const d = this.dim;
    const H = this.H;
    if (d === 1) {
      let s = 0;
      for (let j = 0; j < m; j++) s += H[idx[j]];
      // s / 1 is s exactly: no division on B = 1's critical path.
      g[0] = (m === 1 ? s : s / m) * x[0];
      return;
    }
    const dd = d * d;
    g.fill(0);
    for (let j = 0; j < m; j++) {
      const o = idx[j] * dd;
      for (let r = 0; r < d; r++) {
        let hx = 0;
        for (let c = 0; c < d; c++) hx += H[o + r * d + c] * x[c];
        g[r] += hx;
      }
    }
    for (let r = 0; r < d; r++) g[r] /= m;
  }

  /** batchGradient with one index at x = (v), for d = 1: the same (0 + hᵢ)·v. */
  batchGradient1D(i: number, v: number): number {
    return (0 + this.H[i]) * v;
  }

  /** batchGradient's summand for index i in d = 1 (Problem.batchTerm1D): hᵢ, the sum scaled by v after. */
  batchTerm1D(i: number): number {
    return this.H[i];
  }

  batchFinish1D(s: number, m: number, v: number): number {
    return (m === 1 ? s : s / m) * v;
  }

  fullGradient(x: Float64Array, g: Float64Array): void {
    const d = this.dim;
    const H = this.H;
    const n = this.n;
    if (d === 1) {
      // The general loop below, unrolled for d = 1; the same sums in the same order
      // (its 0 + Hᵢx never changes the running sum, which cannot be −0).
      const v = x[0];
      let s = 0;
      for (let i = 0; i < n; i++) s += H[i] * v;
      g[0] = s / n;
      return;
    }
    const dd = d * d;
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * dd;
      for (let r = 0; r < d; r++) {
        let hx = 0;
        for (let c = 0; c < d; c++) hx += H[o + r * d + c] * x[c];
        g[r] += hx;
      }
    }
    for (let r = 0; r < d; r++) g[r] /= n;
  }

  componentHessian(i: number, _x: Float64Array, out: Float64Array): void {
    const dd = this.dim * this.dim;
    out.set(this.H.subarray(i * dd, (i + 1) * dd));
  }

  loss(x: Float64Array): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.component(i, x);
    return s / this.n;
  }
}

/**
 * Unpack the `H` permalink form: each component's upper triangle row by row,
 * comma-separated; components separated by ';'. "0.2;3.8" is two 1D components,
 * "8,-2,6;1,2,4" two 2×2 ones. Returns null with a message when malformed.
 */
export function parseHessianList(text: string): { d: number; hessians: Float64Array[] } | { error: string } {
  const parts = text.split(';').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) return { error: 'needs at least one component' };
  if (parts.length > 5000) return { error: `has ${parts.length} components; at most 5000` };
  let d = -1;
  const hessians: Float64Array[] = [];
  for (let i = 0; i < parts.length; i++) {
    const nums = parts[i].split(',').map((s) => Number(s.trim()));
    if (nums.some((v) => !Number.isFinite(v)) || parts[i].split(',').some((s) => s.trim() === '')) {
      return { error: `component ${i + 1} ("${parts[i].slice(0, 40)}") is not a list of numbers` };
    }
    const m = nums.length;
    const di = Math.round((Math.sqrt(8 * m + 1) - 1) / 2);
    if ((di * (di + 1)) / 2 !== m) return { error: `component ${i + 1} has ${m} numbers, not an upper triangle (1, 3, 6, … numbers)` };
    if (d === -1) d = di;
    else if (di !== d) return { error: `component ${i + 1} is ${di}×${di} but component 1 is ${d}×${d}` };
    if (d > 30) return { error: `dimension ${d} is above the limit of 30` };
    const h = new Float64Array(d * d);
    let k = 0;
    for (let r = 0; r < d; r++) {
      for (let c = r; c < d; c++) {
        h[r * d + c] = nums[k];
        h[c * d + r] = nums[k];
        k++;
      }
    }
    hessians.push(h);
  }
  return { d, hessians };
}

/** The inverse of parseHessianList (shortest round-trip number strings). */
export function formatHessianList(hessians: Float64Array[], d: number): string {
  return hessians
    .map((h) => {
      const out: string[] = [];
      for (let r = 0; r < d; r++) for (let c = r; c < d; c++) out.push(String(h[r * d + c]));
      return out.join(',');
    })
    .join(';');
}

export const quadraticProblem = defineProblem({
  kind: 'quadratic',
  label: 'quadratic sum',
  about: 'fᵢ(x) = ½ xᵀHᵢx in any dimension (Wu §2, Patel Problem 1)',
  minima: '0',
  keys: {
    H: {
      default: '0.2;3.8',
      doc: "each component's upper triangle row by row, comma-separated; components separated by ';' (H=0.2;3.8 is 1D, H=8,-2,6;1,2,4 two 2×2)",
      field: { label: 'Hᵢ (upper triangles; ‘;’ between components)', multiline: true, hint: 'components' },
    },
  },
  build(o) {
    const r = parseHessianList(o.H);
    // The table has validated H already; a failure here would be a table bug.
    if ('error' in r) throw new Error(`H: ${r.error}`);
    return new QuadraticProblem(r.hessians, r.d);
  },
  count(o) {
    const r = parseHessianList(o.H);
    return 'error' in r ? 1 : r.hessians.length;
  },
});
