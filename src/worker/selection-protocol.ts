/**
 * What the selection worker's API (src/worker/selection-api.ts) returns: plain
 * data, imported by both sides; large arrays are typed arrays, transferred.
 */
import type { SelectionResult } from '../core/explore/selection';

/** A minimum as a point on the sharpness–non-uniformity diagram. */
export interface AtlasPoint {
  label: string;
  a: number;
  s: number;
}

/** Every minimum with its exact status at one η, B (theory, never the runs). */
export interface AtlasResult {
  eta: number;
  B: number;
  points: AtlasPoint[];
  /** ρ(𝒯) ≤ 1, per minimum (1 or 0). */
  stableSGD: Uint8Array;
  /** a ≤ 2/η, per minimum. */
  stableGD: Uint8Array;
  /** How the list was made (all 2ᵈ, or a sample), from the problem's notes. */
  note: string | null;
}

/** Where each theory condition first fails along η in each B row of the phase grid (null: not in range). */
export interface PhaseBoundaries {
  batches: number[];
  /** ρ(𝒯) = 1 (mean-square). */
  rho: Array<number | null>;
  /** Λ = 0 (almost-sure). */
  lyapunov: Array<number | null>;
  /** s = 1/(η√c): the rectangle's top reaches the minimum. */
  rectangle: Array<number | null>;
  /** a = 2/η (GD): the same in every row. */
  gd: number;
  /** The start minimum's label, a and s. */
  minimum: AtlasPoint;
}

/** A selection run: SGD beside GD from the same starts, with the minima they may settle in. */
export interface Selected {
  sgd: SelectionResult;
  gd: SelectionResult;
  minima: AtlasPoint[];
  /** Wall time of the computation, ms. */
  ms: number;
}
