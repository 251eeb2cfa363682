import type { Preset } from './preset';

/** Presets of the phase diagram and the selection experiment (issue 9). */
export const EXPLORE_PRESETS: Preset[] = [];
