import type { CompiledFormulas } from '../formula/compile-formulas';
import { gradientOf, hessianOf, valueOf } from '../formula/evaluate-tape';
import { describeLineError } from '../formula/formula-error';
import { DEFAULT_FORMULAS, parsePins } from '../formula/formula-params';
import { checkFormulaList } from '../formula/formula-list';
import { loadedFormulaCompiler, loadFormulaCompiler } from '../formula/load-formula-compiler';
import type { ParamIssue } from '../params/query';
import type { Tape } from '../formula/tape';
import { findMinima, pointLabel } from './custom-minima';
import type { Box, Minimum, Problem } from './problem';
import { defineProblem, type ProblemOptions } from './problem-def';

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
      // Where the components do not share the minimum, SGD does not stop there (docs/theory.md#the-noise-floor-of-an-inhomogeneous-minimum).
      ...inhomogeneousNote(this.minima),
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
 * The custom problem its options name, with the checks that need the
 * compiled formulas (weights per formula, box and pins of the right
 * dimension). Formulas that fail to compile are named issues, and the default
 * formulas are used, as the table does for any refused value; each repair is
 * written back into the options. Needs the compiler loaded
 * (loadFormulaCompiler(), which customProblem.prepare does).
 */
export function customFromOptions(config: ProblemOptions<'f' | 'p' | 'box' | 'pin'>, issues: ParamIssue[]): CustomProblem {
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

export const customProblem = defineProblem({
  kind: 'custom',
  label: 'custom formulas',
  about: 'components typed as formulas in `x`, or `x` and `y` (`f=min(x^2,0.1*(x-1)^2);min(x^2,1.9*(x-1)^2)`), optional weights `p` and box `box`',
  minima: 'found by multi-start Newton in the box (or [−10, 10] per axis), duplicates merged; `pin` adds points by coordinates',
  keys: {
    f: {
      default: DEFAULT_FORMULAS,
      doc: "the components fᵢ in x (1D) or x and y (2D), separated by ';' — numbers, x, y, pi, e, + - * / ^, parentheses, min, max, abs, sqrt, exp, log, sin, cos, tan, tanh, atan, sinh, cosh",
      field: { label: 'fᵢ(x) or fᵢ(x, y), one per line or ‘;’ (Ctrl+Enter)', multiline: true, hint: 'components' },
    },
    p: { default: [], doc: 'weights pᵢ > 0, one per formula, comma-separated (normalised to sum 1; absent: uniform)' },
    box: {
      default: [],
      doc: 'the domain, lo,hi (1D) or xlo,xhi,ylo,yhi (2D); iterates are projected onto it and minima searched in it (absent: no projection, search in [−10, 10] per axis)',
      field: { label: 'domain box (lo,hi or xlo,xhi,ylo,yhi)' },
    },
    pin: { default: '', doc: "minima pinned by coordinates, x or x,y, several separated by ';' (analysed as given, listed first)", field: { label: 'pinned minima' } },
  },
  build: (o, context) => customFromOptions(o, context.issues),
  count(o) {
    const r = checkFormulaList(o.f);
    return r.ok ? r.formulas.length : 1;
  },
  async prepare() {
    await loadFormulaCompiler();
  },
});

/** As for Styblinski–Tang: a listed minimum where some ∇fᵢ ≠ 0 is a minimum of f, not a fixed point of SGD. */
function inhomogeneousNote(minima: readonly Minimum[]): string[] {
  const moving = minima.filter((m) => !m.fixedPoint).map((m) => m.label);
  if (moving.length === 0) return [];
  return [`inhomogeneous: ∇fᵢ(x*) ≠ 0 at ${moving.join(', ')}, so ${moving.length === 1 ? 'it is a minimum of f but not a fixed point' : 'they are minima of f but not fixed points'} of SGD; SGD keeps a spread around ${moving.length === 1 ? 'it' : 'them'} (the noise floor) instead of converging`];
}
