import type { CompiledFormulas } from '../formula/compile-formulas';
import { gradientOf, hessianOf, valueOf } from '../formula/evaluate-tape';
import { describeLineError } from '../formula/formula-error';
import { DEFAULT_FORMULAS, parsePins } from '../formula/formula-params';
import { loadedFormulaCompiler } from '../formula/load-formula-compiler';
import type { Config } from '../params/param-table';
import type { ParamIssue } from '../params/query';
import type { Tape } from '../formula/tape';
import { findMinima, pointLabel } from './custom-minima';
import type { Box, Minimum, Problem } from './problem';

/** Where minima are searched when the user gives no box (then iterates are not projected). */
export const DEFAULT_SEARCH_HALF_WIDTH = 10;

export interface CustomSpec {
  compiled: CompiledFormulas;
  /** pᵢ > 0, one per formula, normalised to sum 1; null for uniform 1/n. */
  weights: readonly number[] | null;
  /** The domain: iterates are projected onto it, and minima are searched in it. */
  box: { lo: readonly number[]; hi: readonly number[] } | null;
  /** Points the user pinned as minima, analysed as given. */
  pins: readonly (readonly number[])[];
}

/**
 * A problem typed as formulas: components fᵢ in x, or in x and y,
 * compiled to tapes with forward-mode AD (src/core/formula). The engine calls
 * the same methods as for a built-in problem; nothing here allocates per call.
 */
export class CustomProblem implements Problem {
  readonly kind = 'custom' as const;
  readonly dim: 1 | 2;
  readonly n: number;
  readonly weights: Float64Array | null;
  readonly domain: Box | null;
  readonly project: boolean;
  readonly minima: Minimum[];
  readonly notes: string[];
  readonly formulas: string[];
  private readonly tapes: Tape[];
  private readonly last: Int32Array;

  constructor(spec: CustomSpec) {
    const { compiled } = spec;
    this.dim = compiled.dim;
    this.n = compiled.tapes.length;
    this.tapes = compiled.tapes;
    this.formulas = compiled.formulas;
    this.last = Int32Array.from(this.tapes, (t) => t.length - 1);
    if (spec.weights) {
      const sum = spec.weights.reduce((s, w) => s + w, 0);
      this.weights = Float64Array.from(spec.weights, (w) => w / sum);
    } else this.weights = null;
    this.domain = spec.box ? { lo: Float64Array.from(spec.box.lo), hi: Float64Array.from(spec.box.hi) } : null;
    this.project = this.domain !== null;
    const search = this.domain ?? { lo: new Float64Array(this.dim).fill(-DEFAULT_SEARCH_HALF_WIDTH), hi: new Float64Array(this.dim).fill(DEFAULT_SEARCH_HALF_WIDTH) };
    const found = findMinima(this, search, spec.pins.map((p) => Float64Array.from(p)));
    this.minima = found.minima;
    this.notes = [
      `${this.n} component${this.n === 1 ? '' : 's'} in ${this.dim === 1 ? 'x' : 'x, y'}: ${this.formulas.join('; ')}`,
      ...(this.weights ? [`weights pᵢ normalised to sum 1: ${Array.from(this.weights, (w) => Number(w.toPrecision(4))).join(', ')}`] : []),
      this.domain
        ? `box ${boxText(search)}: iterates are projected onto it; minima searched in it by multi-start Newton`
        : `no box: iterates are not projected; minima searched in ${boxText(search)} by multi-start Newton`,
      ...(this.minima.length === 0 ? ['no strict minimum found: pin one with pin= to analyse a point'] : []),
      ...found.notes,
    ];
  }

  component(i: number, x: Float64Array): number {
    return valueOf(this.tapes[i], x[0], this.dim === 2 ? x[1] : 0);
  }

  componentGradient(i: number, x: Float64Array, g: Float64Array): void {
    const t = this.tapes[i];
    const k = this.last[i];
    gradientOf(t, x[0], this.dim === 2 ? x[1] : 0);
    g[0] = t.g0[k];
    if (this.dim === 2) g[1] = t.g1[k];
  }

  batchGradient(x: Float64Array, idx: Int32Array, m: number, g: Float64Array): void {
    const x0 = x[0];
    const x1 = this.dim === 2 ? x[1] : 0;
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < m; j++) {
      const i = idx[j];
      const t = this.tapes[i];
      const k = this.last[i];
      gradientOf(t, x0, x1);
      s0 += t.g0[k];
      s1 += t.g1[k];
    }
    g[0] = s0 / m;
    if (this.dim === 2) g[1] = s1 / m;
  }

  fullGradient(x: Float64Array, g: Float64Array): void {
    const x0 = x[0];
    const x1 = this.dim === 2 ? x[1] : 0;
    const w = this.weights;
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < this.n; i++) {
      const t = this.tapes[i];
      const k = this.last[i];
      gradientOf(t, x0, x1);
      s0 += w ? w[i] * t.g0[k] : t.g0[k];
      s1 += w ? w[i] * t.g1[k] : t.g1[k];
    }
    g[0] = w ? s0 : s0 / this.n;
    if (this.dim === 2) g[1] = w ? s1 : s1 / this.n;
  }

  componentHessian(i: number, x: Float64Array, out: Float64Array): void {
    const t = this.tapes[i];
    const k = this.last[i];
    hessianOf(t, x[0], this.dim === 2 ? x[1] : 0);
    if (this.dim === 1) out[0] = t.h00[k];
    else {
      out[0] = t.h00[k];
      out[1] = t.h01[k];
      out[2] = t.h01[k];
      out[3] = t.h11[k];
    }
  }

  loss(x: Float64Array): number {
    const w = this.weights;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += w ? w[i] * this.component(i, x) : this.component(i, x);
    return w ? s : s / this.n;
  }
}

const boxText = (b: Box) => Array.from(b.lo, (lo, j) => `[${pointLabel(Float64Array.of(lo))}, ${pointLabel(Float64Array.of(b.hi[j]))}]`).join(' × ');

/**
 * The custom problem a configuration names, with the checks that need the
 * compiled formulas (weights per formula, box and pins of the right
 * dimension). Formulas that fail to compile are named issues, and the default
 * formulas are used, as the table does for any refused value. Needs the
 * compiler loaded (loadFormulaCompiler()); see build-problem.ts.
 */
export function customFromConfig(config: Config, issues: ParamIssue[]): CustomProblem {
  const compiler = loadedFormulaCompiler();
  if (!compiler) throw new Error('problem=custom needs the formula compiler: await loadFormulaCompiler() (or use buildProblemAsync) first');
  let r = compiler.compileFormulaList(config.f);
  if (!r.ok) {
    for (const e of r.errors) issues.push({ key: 'f', message: `${describeLineError(e)}; used the default formulas` });
    config.f = DEFAULT_FORMULAS;
    r = compiler.compileFormulaList(config.f);
    if (!r.ok) throw new Error('the default formulas do not compile'); // a bug, not an input
  }
  const { compiled } = r;
  const d = compiled.dim;
  const n = compiled.tapes.length;
  if (config.p.length > 0 && config.p.length !== n) {
    issues.push({ key: 'p', message: `p must give one weight per formula (${n}), got ${config.p.length}; ignored` });
    config.p = [];
  }
  if (config.box.length > 0 && config.box.length !== 2 * d) {
    issues.push({ key: 'box', message: `box must have ${2 * d} numbers for a ${d}D problem, got ${config.box.length}; ignored` });
    config.box = [];
  }
  let pins = parsePins(config.pin);
  if (pins.some((p) => p.length !== d)) {
    issues.push({ key: 'pin', message: `pin must give points with ${d} coordinate${d === 1 ? '' : 's'}; ignored` });
    config.pin = '';
    pins = [];
  }
  const box = config.box.length > 0 ? { lo: config.box.filter((_, j) => j % 2 === 0), hi: config.box.filter((_, j) => j % 2 === 1) } : null;
  return new CustomProblem({ compiled, weights: config.p.length > 0 ? config.p : null, box, pins });
}
