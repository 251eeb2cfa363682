import type { MinimumTheory } from '../theory/analyse-minimum';

export interface AtlasCount {
  total: number;
  stableSGD: number;
  stableGD: number;
}

/** "k of N minima are stable for SGD, m for GD": counted from the theory per minimum. */
export function atlasCount(minima: MinimumTheory[]): AtlasCount {
  return {
    total: minima.length,
    stableSGD: minima.filter((m) => m.stableSGD).length,
    stableGD: minima.filter((m) => m.stableGD).length,
  };
}
