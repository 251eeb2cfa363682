import type { PhaseGridSpec } from '../../core/explore/phase-grid';
import type { PhaseBoundaries } from '../../worker/selection-protocol';
import { COLORS } from '../theme/colors';

export type BoundaryKey = 'rho' | 'lyapunov' | 'gd' | 'rectangle';

/**
 * How each theory boundary is drawn on the phase diagram: by colour and by dash,
 * so the four stay apart in grey print and for colour-blind viewers. The
 * measured cells are grey; every coloured line is theory.
 */
export const BOUNDARY_STYLES: Record<BoundaryKey, { color: string; dash: string; width: number; label: string; short: string }> = {
  rho: { color: COLORS.sgd, dash: '1 0', width: 3.5, label: 'ρ(𝒯) = 1: mean-square boundary', short: 'ρ(𝒯) = 1' },
  lyapunov: { color: COLORS.unstable, dash: '10 5', width: 3.5, label: 'Λ = 0: almost-sure boundary', short: 'Λ = 0' },
  gd: { color: COLORS.gd, dash: '3 4', width: 3.5, label: 'a = 2/η: GD’s edge', short: 'a = 2/η' },
  rectangle: { color: COLORS.exact, dash: '12 4 3 4', width: 3, label: 's = 1/(η√c): rectangle’s top (Wu eq. 9)', short: 's = 1/(η√c)' },
};

/** The boundaries that cross the grid somewhere (a null row is off the grid). */
export function drawnBoundaries(grid: PhaseGridSpec, b: PhaseBoundaries | null): BoundaryKey[] {
  if (!b) return [];
  const on = (v: number | null) => v !== null && v >= grid.etaMin && v <= grid.etaMax;
  const out: BoundaryKey[] = [];
  if (b.rho.some(on)) out.push('rho');
  if (b.lyapunov.some(on)) out.push('lyapunov');
  if (b.rectangle.some(on)) out.push('rectangle');
  if (on(b.gd)) out.push('gd');
  return out;
}
