import type { LiveRun } from '../sim/sim-controller';

/** What the burst and distance charts are handed (series-chart.ts). */
export interface SeriesModel {
  run: LiveRun | null;
  field: 'loss' | 'dist';
  lecture: boolean;
  /** The time scrubber's step: a vertical marker there (absent or null: the scrubber follows the run). */
  scrub?: number | null;
  /** The comparisons of `compare`: each one's SGD mean (its runs when K = 1) in its colour and dash. */
  comparisons?: SeriesComparison[];
}

export interface SeriesComparison {
  label: string;
  color: string;
  dash: readonly number[];
  run: LiveRun | null;
}

export interface SeriesOptions {
  yLabel: string;
  yShort: string;
  testId: string;
}

/** At most this many faint runs are drawn; the mean and median use all. */
export const MAX_FAINT = 300;
