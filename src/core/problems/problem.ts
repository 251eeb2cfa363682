/**
 * A finite-sum problem f(x) = Σᵢ pᵢ fᵢ(x) (pᵢ = 1/n unless weights are given),
 * with everything the engine and the theory need. docs/theory.md#setting-and-notation.
 */
export interface Box {
  lo: Float64Array;
  hi: Float64Array;
}

export interface Minimum {
  /** A short human label, e.g. "x* = 1" or "quad (0, −15)". */
  label: string;
  x: Float64Array;
  /**
   * Every ∇fᵢ(x*) = 0: x* is a fixed point of SGD and the linear stability
   * theory of a homogeneous minimum applies (docs/theory.md#setting-and-notation).
   */
  fixedPoint: boolean;
  /**
   * Component Hessians to use for the theory when the exact ones at x* are
   * degenerate and the paper uses an estimate instead (the circular basin of
   * Patel's quadratic-circle sums). Absent: the exact Hᵢ(x*).
   */
  hessianEstimate?: { note: string; hessians: Float64Array[] };
  /**
   * Why the linear theory may not describe this point: a point the user pinned
   * that is not stationary, not a minimum, or has a degenerate Hessian. Absent: a strict minimum. Show it instead of a plain point.
   */
  caveat?: string;
}

export interface Problem {
  /** Its kind in the registry (src/core/problems/registry.ts), e.g. 'toy'. */
  readonly kind: string;
  /** Dimension d of x. */
  readonly dim: number;
  /** Number of components n. */
  readonly n: number;
  /** Sampling probabilities pᵢ (sum 1), or null for uniform 1/n. */
  readonly weights: Float64Array | null;
  /** The domain; iterates are projected onto it when `project` is true. */
  readonly domain: Box | null;
  readonly project: boolean;
  /**
   * The loss is finite at every point of the domain (bounded, with finite parameters),
   * where iterates are projected: a recorded step then needs no loss to test for an
   * overflow, and its loss is evaluated only if the history keeps it (engine/history.ts).
   */
  readonly lossFiniteOnDomain?: boolean;
  readonly minima: Minimum[];
  /**
   * Where every run starts when the problem lists no minimum to start beside (a
   * network's initialisation, src/core/network/mlp-problem.ts); distances are then
   * measured from it. Absent: runs start near the start minimum, or at x0.
   */
  readonly initial?: Float64Array;
  /** Facts worth printing (realised parameters, how random data were drawn …). */
  readonly notes: string[];
  /** fᵢ(x). */
  component(i: number, x: Float64Array): number;
  /** g ← (1/m) Σⱼ ∇f_{idx[j]}(x) over the m indices: the batch gradient. */
  batchGradient(x: Float64Array, idx: Int32Array, m: number, g: Float64Array): void;
  /** g ← Σᵢ pᵢ ∇fᵢ(x): the full gradient (GD). */
  fullGradient(x: Float64Array, g: Float64Array): void;
  /** g ← ∇fᵢ(x). */
  componentGradient(i: number, x: Float64Array, g: Float64Array): void;
  /** out (d×d, row-major) ← ∇²fᵢ(x). */
  componentHessian(i: number, x: Float64Array, out: Float64Array): void;
  /** f(x) = Σᵢ pᵢ fᵢ(x). */
  loss(x: Float64Array): number;
  /**
   * Optional, for 1D problems: what batchGradient with the single index i leaves in
   * g[0] at x = (v), bit for bit. The engine's loop for B = 1 in 1D uses it to keep
   * x in a register (src/core/engine/sgd-run.ts).
   */
  batchGradient1D?(i: number, v: number): number;
  /**
   * Optional, for 1D problems, both or neither: batchGradient with m indices leaves
   * batchFinish1D(s, m, v) in g[0], where s sums batchTerm1D(idx[j], v) for j = 0 … m−1 in
   * order from +0, bit for bit. The phase grid's loop draws and sums in one pass with them
   * (src/core/explore/phase-grid.ts).
   */
  batchTerm1D?(i: number, v: number): number;
  batchFinish1D?(s: number, m: number, v: number): number;
}

/** Σᵢ pᵢ fᵢ(x) through `component`, for problems without a faster form. */
export function weightedLoss(p: Problem, x: Float64Array): number {
  let s = 0;
  const w = p.weights;
  for (let i = 0; i < p.n; i++) s += (w ? w[i] : 1 / p.n) * p.component(i, x);
  return s;
}

/** Project x onto a box in place. */
export function projectOntoBox(x: Float64Array, box: Box): void {
  for (let j = 0; j < x.length; j++) {
    if (x[j] < box.lo[j]) x[j] = box.lo[j];
    else if (x[j] > box.hi[j]) x[j] = box.hi[j];
  }
}
