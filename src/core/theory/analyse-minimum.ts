import { batchFactor, type Sampling } from '../batch-factor';
import type { Generator } from '../rng';
import { symEigenvalues, symMaxEigenvalue } from '../linalg/sym-eigen';
import type { Minimum, Problem } from '../problems/problem';
import { insideRectangle, stabilityRectangle } from '../stability-region';
import { isSquareLoss } from '../problems/square-loss';
import { wwsTheory, reducedHessianSet, type WwsTheory } from './alignment';
import { hessianSet, moments, type HessianSet } from './hessian-set';
import { lyapunov, type Lyapunov } from './lyapunov';
import { noiseFloor, type NoiseFloor } from './noise-floor';
import { indefiniteComponent, patelBounds, type PatelBounds } from './patel-bounds';
import { SecondMomentOperator, theorem1Eigenvalue } from './second-moment';
import { sgdVerdict, spectralRadius } from './spectral-radius';
import { gdFactor, marginalFactor, stableFactor } from './verdict';
import * as pm from '../portable-math';

export interface TheorySettings {
  eta: number;
  B: number;
  sampling: Sampling;
  /** Start radius ε and escape radius R, for the predicted escape times. */
  radius: number;
  escape: number;
  seed: number;
  /** The link's generator for Monte Carlo estimates; the newest when absent. */
  rng?: Generator;
  /** The link's version `v`, for a note that names it (samplingNote); the newest when absent. */
  v?: number;
}

/** What the theory says about one minimum at the current η, B and sampling. */
export interface MinimumTheory {
  label: string;
  x: number[];
  fixedPoint: boolean;
  /** 'exact' Hᵢ(x*), or the problem's documented estimate. */
  hessian: 'exact' | 'estimate';
  hessianNote?: string;
  /** a = λ_max(H). */
  sharpness: number;
  /** λ_min(H), the smallest curvature of the mean Hessian. */
  minCurvature: number;
  /**
   * λ_min(H) < 0: a saddle (or a maximum), not a minimum. GD leaves it for every
   * η > 0 (|1 − ηλ| > 1 there), so neither GD nor SGD is stable and it is never
   * inside the rectangle, a region of minima.
   */
  saddle: boolean;
  /** s = √λ_max(Σ). */
  nonUniformity: number;
  c: number;
  /** Wu Theorem 1: λ_max((I−ηH)² + η²cΣ). */
  theorem1: number;
  /** ρ(𝒯): exact mean-square growth factor per step. */
  spectralRadius: number;
  spectralRadiusMethod: string;
  /** Λ: top Lyapunov exponent (almost-sure growth rate per step); `exact` is false where the Hᵢ are an estimate. */
  lyapunov: Lyapunov;
  /** Inside Wu's rectangle (Wu eq. 9; false at a saddle). */
  inRectangle: boolean;
  /** Proven bounds on ρ(𝒯) (equal to it where it is exact) and Lanczos's residual (0 otherwise). */
  spectralRadiusBounds: { lower: number; upper: number; residual: number };
  /**
   * ρ(𝒯) ≤ 1 (for an inhomogeneous minimum: the spread stays bounded); null when the
   * bounds straddle 1: undecided within the bound. Where the model has flat directions
   * (factor exactly 1), decided by the range part alone (`rangeSpectralRadius`). At
   * B = n without replacement (GD) it is `stableGD`. Within verdict.ts's tolerance.
   */
  stableSGD: boolean | null;
  /** Every eigenvalue λ of H has |1 − ηλ| ≤ 1: not a saddle, and (1 − ηa)² ≤ 1 within the same tolerance as stableSGD. */
  stableGD: boolean;
  /**
   * The deciding growth factor is 1 within the tolerance (verdict.ts): the theory is at its
   * boundary, "marginal". For SGD the factor is ρ(𝒯) (its range part where there are flat
   * directions), for GD (1 − ηa)² (a zero curvature is neutral at every η, not a boundary).
   */
  marginal: { sgd: boolean; gd: boolean };
  /**
   * Square-loss models with p > n: ρ(𝒯) on the range of the Jacobian, the flat directions'
   * factor 1 split off before bracketing; the SGD verdict rests on it.
   */
  rangeSpectralRadius?: { value: number; lower: number; upper: number; method: string };
  /** Predicted steps from ε to R: ln(R²/ε²)/ln ρ and ln(R/ε)/Λ; null where not growing. */
  escapeStepsFromRho: number | null;
  escapeStepsFromLyapunov: number | null;
  /**
   * Patel's bounds at k = B (SGD-k) and at k = ∞ (GD). His Theorems 16–17 assume
   * k indices drawn with replacement, so with sampling=without and B < n `patel`
   * is null and `patelNote` says why. His Problem 1 assumes positive semidefinite Qᵢ:
   * where one is not, `patel` and `patelGD` are null and `patelNote` names the assumption.
   */
  patel: PatelBounds | null;
  patelNote?: string;
  /** Some Qᵢ are indefinite (outside Patel's Problem 1): the bounds shown are a heuristic, as in his §4. */
  patelHeuristic?: boolean;
  patelGD: PatelBounds | null;
  /** For an inhomogeneous minimum, the noise floor instead of convergence. */
  noise: NoiseFloor | null;
  /** Wu–Wang–Su's alignment and Frobenius bound, for square-loss models. */
  wws: WwsTheory | null;
  /** Why the linear theory may not describe this point (not stationary, degenerate …). */
  caveat?: string;
  /**
   * A link before v=3 with weights p, sampling=without and B < n: it runs as recorded, SGD's
   * batches uniform (ignoring p) and GD on Σ pᵢfᵢ, while this theory is the weighted sum's, which
   * its SGD runs do not follow (README "Link versions"). Says so, naming the keys and the version.
   */
  samplingNote?: string;
}

/** Reduced Hessian sets of square-loss minima do not depend on η or B: keep them. */
const reducedCache = new WeakMap<Minimum, HessianSet>();

export function analyseMinimum(problem: Problem, minimum: Minimum, t: TheorySettings): MinimumTheory {
  // The weights pᵢ always define H, Σ and 𝒯: with replacement the draws follow them, and without
  // replacement a weighted problem is only run at B = n, GD on Σ pᵢfᵢ (docs/theory.md#weights-and-sampling).
  const square = isSquareLoss(problem) ? problem : null;
  let set: HessianSet;
  if (square) {
    set = reducedCache.get(minimum) ?? reducedHessianSet(square, minimum);
    reducedCache.set(minimum, set);
  } else set = hessianSet(problem, minimum, true);
  // Square-loss models have p − r exactly flat directions outside the r-dimensional span of the
  // sample gradients (r = n unless the gradients are dependent): growth factor 1.
  const flat = square !== null && problem.dim > set.d ? 1 : 0;
  const m = moments(set);
  const d = set.d;
  const c = batchFactor(problem.n, t.B, t.sampling);
  const curvatures = symEigenvalues(m.H, d);
  const a = curvatures[0];
  const lmin = curvatures[d - 1];
  // Rounding leaves a PSD H's zero eigenvalues at about ±ε·a; only a clearly negative one is a saddle.
  const saddle = lmin < -1e-10 * Math.max(1, Math.abs(a));
  const s = Math.sqrt(Math.max(0, symMaxEigenvalue(m.Sigma, d)));
  const theorem1 = Math.max(flat, theorem1Eigenvalue(m, d, t.eta, c));
  const rho0 = spectralRadius(set, m, t.eta, c);
  const rho = { ...rho0, value: Math.max(flat, rho0.value), lower: Math.max(flat, rho0.lower), upper: Math.max(flat, rho0.upper) };
  const lyap0 = lyapunov(set, t.eta, t.B, t.sampling, t.seed, t.rng);
  const lyap1 = flat && lyap0.value < 0 ? { ...lyap0, value: 0, method: `${lyap0.method}; 0 from the flat directions` } : lyap0;
  // Every number computed from estimated Hᵢ (the circle's disc average) is an estimate, and says so.
  const estimated = minimum.hessianEstimate !== undefined;
  const ofEstimate = '; of the estimated Hᵢ, so an estimate';
  const lyap = estimated ? { ...lyap1, exact: false, method: `${lyap1.method}${ofEstimate}` } : lyap1;
  const rect = stabilityRectangle(t.eta, problem.n, t.B, t.sampling);
  const growthR = pm.log((t.escape * t.escape) / (t.radius * t.radius));
  const op = !set.diagonal && !minimum.fixedPoint ? new SecondMomentOperator(set, m, t.eta, c) : null;
  const gdK = t.sampling === 'without' && t.B >= problem.n ? Infinity : t.B;
  // Patel's Problem 1 assumes positive semidefinite Qᵢ (docs/theory.md#patel-bounds-for-sgd-k). At a
  // saddle his bounds are not shown; where only some Qᵢ are indefinite they are shown as his §4
  // applies them to nonconvex sums, flagged as a heuristic, with the assumption named.
  const indefinite = indefiniteComponent(set);
  const patelNotes: string[] = [];
  if (indefinite !== null)
    patelNotes.push(
      `Patel's Theorems 16–17 assume positive semidefinite Qᵢ (his Problem 1); Q${indefinite.index + 1} has the negative eigenvalue ${Number(indefinite.lambdaMin.toPrecision(4))}, so ` +
        (saddle ? 'at this saddle l(k) and u(k) are not shown' : 'l(k) and u(k) are shown as his §4 applies them to nonconvex sums: a heuristic, not a guarantee'),
    );
  else if (saddle) patelNotes.push("Patel's Theorems 16–17 are for minima (positive semidefinite Q̄); not shown at a saddle");
  if (t.sampling === 'without' && gdK !== Infinity) patelNotes.push("Patel's l(k) and u(k) (Theorems 16–17) are for batches drawn with replacement (SGD-k); not shown for sampling without replacement");

  // One inequality for both verdicts (verdict.ts, docs/theory.md#one-inequality-for-both-verdicts);
  // at B = n without replacement SGD is GD, and so are its verdicts.
  // λ_min's side, |1 − ηλ_min| ≤ 1 ⇔ λ_min ≥ 0, is the saddle test (with its rounding allowance);
  // a's side is the factor (1 − ηa)², which crosses 1 at η = 2/a.
  const gdG = gdFactor(t.eta, a);
  const stableGD = !saddle && stableFactor(gdG);
  const marginalGD = !saddle && marginalFactor(gdG);
  const stableSGD = gdK === Infinity ? stableGD : saddle ? false : sgdVerdict(rho0);
  const marginalSGD = gdK === Infinity ? marginalGD : stableSGD !== null && !saddle && marginalFactor(rho0.value);
  return {
    label: minimum.label,
    x: Array.from(minimum.x),
    fixedPoint: minimum.fixedPoint,
    hessian: minimum.hessianEstimate ? 'estimate' : 'exact',
    hessianNote: minimum.hessianEstimate?.note,
    sharpness: a,
    minCurvature: lmin,
    saddle,
    nonUniformity: s,
    c,
    theorem1,
    spectralRadius: rho.value,
    spectralRadiusMethod: estimated ? `${rho.method}${ofEstimate}` : rho.method,
    lyapunov: lyap,
    inRectangle: !saddle && insideRectangle(a, s, rect),
    spectralRadiusBounds: { lower: rho.lower, upper: rho.upper, residual: rho.residual },
    stableSGD,
    stableGD,
    marginal: { sgd: marginalSGD, gd: marginalGD },
    ...(flat ? { rangeSpectralRadius: { value: rho0.value, lower: rho0.lower, upper: rho0.upper, method: rho0.method } } : {}),
    escapeStepsFromRho: rho.value > 1 && growthR > 0 ? growthR / pm.log(rho.value) : null,
    escapeStepsFromLyapunov: lyap.value > 0 && growthR > 0 ? growthR / 2 / lyap.value : null,
    patel: !saddle && (t.sampling === 'with' || gdK === Infinity) ? patelBounds(set, m, gdK) : null,
    ...(patelNotes.length ? { patelNote: patelNotes.join('; ') } : {}),
    ...(indefinite !== null && !saddle ? { patelHeuristic: true } : {}),
    patelGD: saddle ? null : patelBounds(set, m, Infinity),
    noise: minimum.fixedPoint || square ? null : noiseFloor(problem, minimum, set, op, rho.value, t.eta, c),
    wws: square ? wwsTheory(square, minimum, t.eta, t.B, t.sampling) : null,
    caveat: minimum.caveat ?? (saddle ? `a saddle, not a minimum: H has the negative eigenvalue λ_min = ${Number(lmin.toPrecision(4))}, so GD and SGD leave it at every η` : undefined),
    ...(problem.weights !== null && t.sampling === 'without' && t.B < problem.n ? { samplingNote: weightedWithoutNote(t, problem.n) } : {}),
  };
}

/**
 * From v=3 weights p with sampling=without at B < n are refused (docs/theory.md#weights-and-sampling),
 * so only an older link reaches the theory with them; it keeps its recorded runs (README "Link versions").
 */
function weightedWithoutNote(t: TheorySettings, n: number): string {
  const link = t.v !== undefined && t.v < 3 ? `this v=${t.v} link, run as recorded` : 'as links before v=3 run';
  return `weights p with sampling=without at B = ${t.B} < n = ${n} (${link}): SGD draws its batches uniformly, ignoring p, while GD and this theory (H, Σ, ρ(𝒯), Λ, the rectangle's point) are those of the weighted sum Σ pᵢfᵢ, so the SGD runs do not follow this theory; from v=3 this combination is refused and run with sampling=with`;
}
