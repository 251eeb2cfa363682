/**
 * The theory the explore tabs draw, computed from the problem alone (never from
 * the runs): each minimum's exact status at η, B for the minima atlas, and the
 * phase diagram's boundaries over (η, B). Pure: the selection worker and the
 * unit tests import it.
 */
import { batchFactor, type Sampling } from '../core/batch-factor';
import { etaAt, type PhaseGridSpec } from '../core/explore/phase-grid';
import { symEigenvalues, symMaxEigenvalue } from '../core/linalg/sym-eigen';
import type { Minimum, Problem } from '../core/problems/problem';
import { isSquareLoss } from '../core/problems/square-loss';
import { reducedHessianSet } from '../core/theory/alignment';
import { hessianSet, moments, type HessianSet, type Moments } from '../core/theory/hessian-set';
import { lyapunov } from '../core/theory/lyapunov';
import { gdFactor, stableFactor } from '../core/theory/verdict';
import { sgdVerdict, spectralRadius } from '../core/theory/spectral-radius';
import type { AtlasPoint, AtlasResult, PhaseBoundaries } from './selection-protocol';
import * as pm from '../core/portable-math';

/** What does not depend on η or B: the Hᵢ, their moments, a and s. */
interface Prepared {
  point: AtlasPoint;
  set: HessianSet;
  m: Moments;
  saddle: boolean;
}

const cache = new WeakMap<Problem, Map<string, Prepared[]>>();

/** The same Hessian sets analyseMinimum uses (reduced for square-loss models, weighted by the problem's pᵢ: docs/theory.md#weights-and-sampling). */
function prepareOne(problem: Problem, minimum: Minimum, _sampling: Sampling): Prepared {
  const set = isSquareLoss(problem) ? reducedHessianSet(problem, minimum) : hessianSet(problem, minimum, true);
  const m = moments(set);
  const a = symMaxEigenvalue(m.H, set.d);
  const s = Math.sqrt(Math.max(0, symMaxEigenvalue(m.Sigma, set.d)));
  // A saddle (λ_min(H) < 0) is stable for neither optimiser at any η (docs/theory.md#the-condition-for-gd).
  // The same test as analyseMinimum's: rounding leaves a PSD H's zero eigenvalues at about ±ε·a.
  const saddle = symEigenvalues(m.H, set.d)[set.d - 1] < -1e-10 * Math.max(1, Math.abs(a));
  return { point: { label: minimum.label, a, s }, set, m, saddle };
}

function prepared(problem: Problem, sampling: Sampling): Prepared[] {
  let byS = cache.get(problem);
  if (!byS) cache.set(problem, (byS = new Map()));
  let list = byS.get(sampling);
  if (!list) byS.set(sampling, (list = problem.minima.map((m) => prepareOne(problem, m, sampling))));
  return list;
}

/** The minima's (a, s) on the sharpness–non-uniformity diagram (Wu eq. 9's axes). */
export function atlasPoints(problem: Problem, sampling: Sampling): AtlasPoint[] {
  return prepared(problem, sampling).map((p) => p.point);
}

/**
 * Every minimum's exact status at η, B: SGD-stable iff ρ(𝒯) ≤ 1
 * (docs/theory.md#the-second-moment-operator), GD-stable iff 0 ≤ λ_min(H) and a ≤ 2/η. The same verdicts as
 * analyseMinimum, without its Lyapunov and noise-floor work, so the colours can
 * follow a slider over 2ᵈ minima.
 */
export function atlasAt(problem: Problem, eta: number, B: number, sampling: Sampling): AtlasResult {
  const list = prepared(problem, sampling);
  const c = batchFactor(problem.n, B, sampling);
  const stableSGD = new Uint8Array(list.length);
  const stableGD = new Uint8Array(list.length);
  list.forEach((p, i) => {
    // Counted stable only where the bound proves it (undecided is not stable).
    // One inequality and tolerance for both, and at B = n without replacement SGD's verdict is GD's (verdict.ts).
    const gd = !p.saddle && stableFactor(gdFactor(eta, p.point.a));
    const isGD = sampling === 'without' && B >= problem.n;
    stableGD[i] = gd ? 1 : 0;
    stableSGD[i] = (isGD ? gd : !p.saddle && sgdVerdict(spectralRadius(p.set, p.m, eta, c)) === true) ? 1 : 0;
  });
  const note = problem.notes.find((t) => /minima/.test(t)) ?? null;
  return { eta, B, points: list.map((p) => p.point), stableSGD, stableGD, note };
}

/**
 * The first η of a row where f turns positive, between grid columns by linear
 * interpolation in ln η (f is ln ρ or Λ); null when f never turns positive in
 * range or is already positive at the smallest η.
 */
export function firstCrossing(etas: number[], f: number[]): number | null {
  if (!(f[0] <= 0)) return null;
  for (let i = 1; i < f.length; i++) {
    if (f[i] > 0) {
      const u = f[i - 1] / (f[i - 1] - f[i]);
      return pm.exp(pm.log(etas[i - 1]) + u * (pm.log(etas[i]) - pm.log(etas[i - 1])));
    }
  }
  return null;
}

/**
 * The phase diagram's theory boundaries at the start minimum, row by row:
 * ρ(𝒯) = 1, Λ = 0 (docs/theory.md#mean-square-and-almost-sure-stability), the rectangle's
 * top s = 1/(η√c) (Wu eq. 9) and GD's a = 2/η. Each row is evaluated at the
 * grid's η refined `refine` times.
 */
export function phaseBoundaries(problem: Problem, grid: PhaseGridSpec, refine = 4): PhaseBoundaries {
  const p = prepareOne(problem, problem.minima[grid.start], grid.sampling);
  const count = (grid.etaCount - 1) * refine + 1;
  const fine: PhaseGridSpec = { ...grid, etaCount: count };
  const etas = Array.from({ length: count }, (_, i) => etaAt(fine, i));
  const rho: Array<number | null> = [];
  const lyap: Array<number | null> = [];
  const rectangle: Array<number | null> = [];
  for (const B of grid.batches) {
    const c = batchFactor(problem.n, B, grid.sampling);
    rho.push(firstCrossing(etas, etas.map((eta) => pm.log(spectralRadius(p.set, p.m, eta, c).value))));
    // Λ by Monte Carlo costs ~10⁵ batches: then only at the grid's own columns.
    const exact = lyapunov(p.set, etas[0], B, grid.sampling, grid.seed, grid.rng).exact;
    const lEtas = exact ? etas : etas.filter((_, i) => i % refine === 0);
    lyap.push(firstCrossing(lEtas, lEtas.map((eta) => lyapunov(p.set, eta, B, grid.sampling, grid.seed, grid.rng).value)));
    const top = 1 / (p.point.s * Math.sqrt(c)); // s = 1/(η√c) solved for η
    rectangle.push(Number.isFinite(top) && top >= grid.etaMin && top <= grid.etaMax ? top : null);
  }
  return { batches: grid.batches.slice(), rho, lyapunov: lyap, rectangle, gd: 2 / p.point.a, minimum: p.point };
}
