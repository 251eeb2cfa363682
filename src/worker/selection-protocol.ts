/**
 * The protocol of the selection worker, which serves the theory and the runs of
 * the explore tabs: the selection experiment (SGD beside GD from the same
 * starts), the minima atlas at the current η, B, and the phase diagram's theory
 * boundaries. Written once, imported by both sides. Results are plain data;
 * large arrays cross as typed arrays.
 */
import type { Sampling } from '../core/batch-factor';
import type { PhaseGridSpec } from '../core/explore/phase-grid';
import type { SelectionResult, SelectionSpec } from '../core/explore/selection';

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

export type ToSelectionWorker =
  | { type: 'select'; job: number; query: string; spec: SelectionSpec }
  | { type: 'atlas'; job: number; query: string; eta: number; B: number; sampling: Sampling }
  | { type: 'boundaries'; job: number; query: string; grid: PhaseGridSpec };

export type FromSelectionWorker =
  | { type: 'selected'; job: number; sgd: SelectionResult; gd: SelectionResult; minima: AtlasPoint[]; ms: number }
  | { type: 'atlas'; job: number; atlas: AtlasResult }
  | { type: 'boundaries'; job: number; boundaries: PhaseBoundaries }
  | { type: 'error'; job: number; message: string };
