/**
 * The protocol of the phase-diagram workers (a pool of them): each is handed
 * cells of one grid and answers with the escaped count of each. Cells carry
 * their own seeds (seed, cell), so the grid does not depend on the pool size.
 */
import type { PhaseGridSpec } from '../core/explore/phase-grid';

export type ToPhaseWorker =
  | { type: 'cells'; job: number; query: string; grid: PhaseGridSpec; cells: Int32Array }
  | { type: 'cancel'; job: number };

export type FromPhaseWorker =
  /** Escaped counts for the listed cells, in their order. */
  | { type: 'counts'; job: number; cells: Int32Array; escaped: Int32Array }
  | { type: 'error'; job: number; message: string };
