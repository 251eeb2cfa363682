import { Mulberry32, Salt } from '../rng';
import { lanczosExtreme, type LanczosResult } from '../theory/lanczos';
import type { MlpProblem } from './mlp-problem';

/**
 * An estimate of the largest eigenvalue of a symmetric operator by Lanczos
 * (docs/theory.md#a-networks-minima). `value` is the largest Ritz value, a lower
 * bound on λ_max (interlacing); some eigenvalue lies within `residual` of it, so
 * λ_max ∈ [value, value + residual] unless Lanczos has missed a larger eigenvalue
 * altogether: an estimate, labelled so, not a proof.
 */
export interface TopEigenvalue {
  value: number;
  residual: number;
  lower: number;
  upper: number;
  converged: boolean;
  /** Operator applications (each costs n or 3n per-sample Hessian-vector products). */
  steps: number;
}

export interface CurvatureOptions {
  /** Stop when the residual is at most tol·value. */
  tol?: number;
  maxSteps?: number;
}

const DEFAULTS = { tol: 1e-4, maxSteps: 60 };

/** The fixed start vector: N(0, I) from the stream (1, Salt.problem + 19), the same for every measurement. */
function startVector(p: number): Float64Array {
  const rng = new Mulberry32(1, 0, Salt.problem + 19);
  return Float64Array.from({ length: p }, () => rng.normal());
}

function top(r: LanczosResult): TopEigenvalue {
  return { value: r.value, residual: r.residual, lower: r.value, upper: r.value + r.residual, converged: r.converged, steps: r.steps };
}

/** Sharpness a = λ_max(H), H = (1/n) Σ Hᵢ(θ), by Lanczos on exact Hessian-vector products (n per step). */
export function sharpness(problem: MlpProblem, theta: Float64Array, options: CurvatureOptions = {}): TopEigenvalue {
  const { tol, maxSteps } = { ...DEFAULTS, ...options };
  const op = { apply: (v: Float64Array, out: Float64Array) => (problem.hessianVector(theta, v, out), out) };
  return top(lanczosExtreme(op, startVector(problem.dim), maxSteps, tol));
}

/**
 * Σv for Σ = (1/n) Σᵢ Hᵢ² − H² = (1/n) Σᵢ (Hᵢ − H)² (Wu–Ma–E eq. 8's non-uniformity):
 * computed as (1/n) Σᵢ Hᵢ(Hᵢv − Hv), equal since Σᵢ (Hᵢv − Hv) = 0, so no two large
 * terms are subtracted at the end. 3n per-sample products: Hv, then Hᵢv and Hᵢ(Hᵢv − Hv).
 */
export function nonUniformityOperator(problem: MlpProblem, theta: Float64Array): { apply(v: Float64Array, out: Float64Array): Float64Array } {
  const p = problem.dim;
  const hv = new Float64Array(p);
  const d = new Float64Array(p);
  return {
    apply(v, out) {
      problem.hessianVector(theta, v, hv);
      out.fill(0);
      for (let i = 0; i < problem.n; i++) {
        d.fill(0);
        problem.addComponentHessianVector(i, theta, v, 1, d);
        for (let j = 0; j < p; j++) d[j] -= hv[j];
        problem.addComponentHessianVector(i, theta, d, 1 / problem.n, out);
      }
      return out;
    },
  };
}

/** √x for x ≥ 0, and 0 for a Ritz value rounding left below 0. */
const root = (x: number) => Math.sqrt(Math.max(0, x));

/** Non-uniformity s = √λ_max(Σ), with its interval [√lower, √upper] (Σ is positive semidefinite). */
export function nonUniformity(problem: MlpProblem, theta: Float64Array, options: CurvatureOptions = {}): TopEigenvalue {
  const { tol, maxSteps } = { ...DEFAULTS, ...options };
  const r = top(lanczosExtreme(nonUniformityOperator(problem, theta), startVector(problem.dim), maxSteps, tol));
  return { value: root(r.value), residual: root(r.upper) - root(r.value), lower: root(r.lower), upper: root(r.upper), converged: r.converged, steps: r.steps };
}
