import { checksumFloat64 } from '../engine/checksum';
import type { Ensemble } from '../engine/ensemble';
import { networkAlignment, type AlignmentSkipped, type NetworkAlignment } from './alignment';
import { nonUniformity, sharpness, type CurvatureOptions, type TopEigenvalue } from './curvature';
import type { MlpProblem } from './mlp-problem';

/** "Trained" as Wu–Ma–E §5 mean it: training loss below 1e-4. A run above it is not converged and is never placed as a minimum. */
export const TRAINED_LOSS = 1e-4;

/** At most this many SGD runs are measured and printed (each measurement costs seconds on a large network). */
export const MEASURED_SGD_RUNS = 8;

/**
 * What an end point's measurement includes besides a and s: Wu–Wang–Su's ‖G‖_F, μ and μ₀ (alignment.ts)
 * cost as much as a and s together on the default network, so a sweep, which does not show them, leaves
 * them out unless asked (README "npm run sim", `--alignment`).
 */
export interface EndOptions extends CurvatureOptions {
  /** Compute the alignment (default true; false leaves NOT_ASKED in its place). */
  alignment?: boolean;
}

/** The alignment of a trained end point that was not asked for. */
export const NOT_ASKED: AlignmentSkipped = { skipped: 'not computed: a sweep computes ‖G‖_F, μ and μ₀ only on demand (npm run sim -- --paper-sweep=… --alignment)' };

/** One run's end point. */
export interface RunEnd {
  optimiser: 'gd' | 'sgd';
  run: number;
  loss: number;
  /** loss < 1e-4 and not diverged. */
  trained: boolean;
  /** The engine stopped the run as diverged, or its loss overflowed. */
  diverged: boolean;
  /** a = λ_max(H) and s = √λ_max(Σ) where trained (an estimate with its interval, curvature.ts); null otherwise. */
  sharpness: TopEigenvalue | null;
  nonUniformity: TopEigenvalue | null;
  /** Wu–Wang–Su's ‖G‖_F (for ‖H‖_F) and μ where trained, computed in closed form (alignment.ts), or why not; null when not trained. */
  alignment: NetworkAlignment | AlignmentSkipped | null;
  /** The end point's checksum (engine/checksum.ts), the same in Node and Chromium for the same link. */
  thetaChecksum: string;
  /** θ itself, in the layout of README "Problems" (W₁ row-major, b₁, W₂, b₂, …). */
  theta: number[];
}

/** What `npm run sim` prints for a network: the model written out, and where each run ended. */
export interface NetworkReport {
  label: string;
  layers: number[];
  activation: string;
  parameters: number;
  data: string;
  /** Which rows of the data were trained on. */
  rows: string;
  init: number;
  pseed: number;
  trainedBelow: number;
  ends: RunEnd[];
}

export function runEnd(problem: MlpProblem, optimiser: 'gd' | 'sgd', run: number, theta: Float64Array, diverged: boolean, { alignment = true, ...options }: EndOptions = {}): RunEnd {
  const loss = diverged ? Infinity : problem.loss(theta);
  // A loss that overflowed before any weight passed the engine's divergence bound is a divergence too.
  diverged ||= !Number.isFinite(loss);
  const trained = !diverged && loss < TRAINED_LOSS;
  return {
    optimiser,
    run,
    loss,
    trained,
    diverged,
    sharpness: trained ? sharpness(problem, theta, options) : null,
    nonUniformity: trained ? nonUniformity(problem, theta, options) : null,
    alignment: trained ? (alignment ? networkAlignment(problem, theta) : NOT_ASKED) : null,
    thetaChecksum: checksumFloat64([theta]),
    theta: Array.from(theta),
  };
}

export function networkReport(problem: MlpProblem, sgd: Ensemble | null, gd: Ensemble | null, options: EndOptions = {}): NetworkReport {
  const ends: RunEnd[] = [];
  if (gd) ends.push(runEnd(problem, 'gd', 0, gd.runs[0].x, gd.runs[0].divergedStep >= 0, options));
  if (sgd) sgd.runs.slice(0, MEASURED_SGD_RUNS).forEach((r, k) => ends.push(runEnd(problem, 'sgd', k, r.x, r.divergedStep >= 0, options)));
  const { spec, net } = problem;
  return {
    label: problem.label,
    layers: [...net.sizes],
    activation: spec.activation,
    parameters: problem.dim,
    data: spec.data.name,
    rows: spec.data.name === 'digits' ? `rows 0..${problem.n - 1} of src/core/data/digits.csv.gz, each pixel standardised over all 1,797 rows` : `${problem.n} rows drawn from pseed = ${spec.pseed} (src/core/data/generated-sets.ts)`,
    init: spec.init,
    pseed: spec.pseed,
    trainedBelow: TRAINED_LOSS,
    ends,
  };
}
