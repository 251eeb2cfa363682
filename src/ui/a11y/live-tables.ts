import { spoken } from './describe-diagram';
import { lastIndexAtOrBefore } from '../sim/step-search';

/*
 * The live views' numbers as small tables (docs/accessibility.md#wording-rules, rule 9): what
 * the escape burst, the distance chart and the landscape draw, at a few recorded steps or
 * at a few points, as text a screen reader reads cell by cell. Pure: the numbers come in
 * from the run's buffers and the worker's theory (live-table-of.ts); nothing is recomputed.
 */

/** A curve's table has at most this many rows: evenly spaced recorded steps, the first and the last always in. */
export const CURVE_ROWS = 11;

/** The landscape's table lists at most this many minima (the diagram's table lists them all). */
export const LANDSCAPE_MINIMA = 20;

/** A table as the component renders it: a caption, the column heads, and rows headed by their first cell. */
export interface LiveTable {
  caption: string;
  /** The head of the rows' own column ("step", "point"). */
  rowHead: string;
  columns: string[];
  rows: Array<{ head: string; cells: string[] }>;
}

/** Up to `rows` indices of n recorded points, evenly spaced, in order, the first and the last included. */
export function evenIndices(n: number, rows = CURVE_ROWS): number[] {
  if (n <= 0) return [];
  if (n <= rows) return Array.from({ length: n }, (_v, i) => i);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    const j = Math.round((i * (n - 1)) / (rows - 1));
    if (out[out.length - 1] !== j) out.push(j);
  }
  return out;
}

/** One optimiser's recorded curve: its steps and values, and where its runs escaped or diverged (−1: never). */
export interface TabledRuns {
  step: ArrayLike<number>;
  /** With one run, that run's values; with more, their mean over the runs still alive. */
  mean: ArrayLike<number>;
  /** The median over the runs still alive (absent with one run). */
  median?: ArrayLike<number>;
  escapeStep: ArrayLike<number>;
  divergedStep: ArrayLike<number>;
}

export interface SeriesTableInput {
  field: 'loss' | 'dist';
  eta: number;
  B: number;
  sgd: TabledRuns | null;
  gd: TabledRuns | null;
  /** The distance chart's dashed theory lines, y0 · e^(rate · t) from the start (series-theory.ts). */
  theory?: ReadonlyArray<{ short: string; y0: number; rate: number }>;
  /** The distance chart's escape radius R. */
  radius?: number;
  done: boolean;
}

/** How many of the runs had escaped (and diverged) by step t. */
function by(t: number, steps: ArrayLike<number>): number {
  let k = 0;
  for (let r = 0; r < steps.length; r++) if (steps[r] >= 0 && steps[r] <= t) k++;
  return k;
}


/**
 * The escape burst's table (`loss`): by recorded step, SGD's mean and median loss, GD's loss
 * and how many SGD runs had escaped; the distance chart's (`dist`): SGD's mean and median
 * distance, GD's, and the theory's lines at that step.
 */
export function seriesTable(d: SeriesTableInput): LiveTable {
  const quantity = d.field === 'loss' ? 'loss' : 'distance';
  const base = d.sgd ?? d.gd;
  const K = d.sgd?.escapeStep.length ?? 0;
  const many = K > 1;
  const columns: string[] = [];
  if (d.sgd) columns.push(many ? `SGD mean ${quantity}` : `SGD ${quantity}`);
  if (d.sgd && many) columns.push(`SGD median ${quantity}`);
  if (d.gd) columns.push(`GD ${quantity}`);
  if (d.sgd && d.field === 'loss') columns.push('SGD runs escaped');
  const theory = d.field === 'dist' ? (d.theory ?? []).filter((l) => l.y0 > 0) : [];
  for (const l of theory) columns.push(`theory ${l.short}`);
  const rows: LiveTable['rows'] = [];
  if (base) {
    for (const j of evenIndices(base.step.length)) {
      const t = base.step[j];
      const cells: string[] = [];
      if (d.sgd) {
        const s = d.sgd;
        const alive = K - by(t - 1, s.divergedStep);
        const dead = alive === 0 ? `all ${K} diverged` : null;
        cells.push(dead ?? spoken(s.mean[j]));
        if (many) cells.push(dead ?? (s.median ? spoken(s.median[j]) : ''));
      }
      if (d.gd) {
        const g = d.gd;
        const dv = g.divergedStep[0];
        const i = lastIndexAtOrBefore(g.step, t);
        cells.push(dv >= 0 && t >= dv ? `diverged at step ${dv}` : i < 0 ? 'not recorded' : spoken(g.mean[i]));
      }
      if (d.sgd && d.field === 'loss') cells.push(`${by(t, d.sgd.escapeStep)} of ${K}`);
      for (const l of theory) cells.push(spoken(l.y0 * Math.exp(l.rate * t)));
      rows.push({ head: `step ${t}`, cells });
    }
  }
  const what = d.field === 'loss' ? 'Escape burst: the loss' : 'Distance from the start minimum';
  const who = d.sgd ? `${K} SGD ${K === 1 ? 'run' : 'runs'}${d.gd ? ' and GD' : ''}` : 'GD';
  const R = d.field === 'dist' && d.radius !== undefined ? `, escape radius R = ${spoken(d.radius)}` : '';
  const caption = `${what} of ${who} at η ${spoken(d.eta)} and B ${d.B}, by recorded step${R}${d.done ? '' : ' (so far)'}`;
  return { caption, rowHead: 'step', columns, rows };
}

/** A minimum on the landscape: where it is and the worker's verdicts. */
export interface TabledMinimum {
  label: string;
  x: ArrayLike<number>;
  stableSGD: boolean | null;
  stableGD: boolean;
  saddle: boolean;
}

/** Where an optimiser's run 0 is: its iterate, and the step it escaped or diverged at (−1: never). */
export interface TabledEnd {
  x: ArrayLike<number>;
  escapeStep: number;
  divergedStep: number;
}

export interface LandscapeTableInput {
  eta: number;
  B: number;
  /** The drawn coordinates: their names and their indices into a point. */
  axes: string[];
  coords: number[];
  minima: readonly TabledMinimum[];
  run0: TabledEnd | null;
  gd: TabledEnd | null;
  step: number;
  done: boolean;
}

function verdicts(m: TabledMinimum): string {
  if (m.saddle) return 'a saddle, not a minimum';
  const sgd = m.stableSGD === null ? 'undecided for SGD' : m.stableSGD ? 'stable for SGD' : 'unstable for SGD';
  return `${sgd}, ${m.stableGD ? 'stable' : 'unstable'} for GD`;
}

function endStatus(e: TabledEnd): string {
  if (e.divergedStep >= 0) return `diverged at step ${e.divergedStep}`;
  return e.escapeStep >= 0 ? `escaped at step ${e.escapeStep}` : 'has not escaped';
}

/**
 * The landscape's table: the minima (the first LANDSCAPE_MINIMA), where the picture puts
 * them, with their verdicts; then where SGD's run 0 and GD are at the step drawn.
 */
export function landscapeTable(d: LandscapeTableInput): LiveTable {
  const shown = d.minima.slice(0, LANDSCAPE_MINIMA);
  const at = (x: ArrayLike<number>) => d.coords.map((c) => spoken(x[c]));
  const rows: LiveTable['rows'] = shown.map((m) => ({ head: `minimum ${m.label}`, cells: [...at(m.x), verdicts(m)] }));
  const when = d.done ? `at the end, step ${d.step}` : `at step ${d.step}`;
  if (d.run0) rows.push({ head: `SGD run 0, ${when}`, cells: d.run0.divergedStep >= 0 ? [...d.coords.map(() => '—'), endStatus(d.run0)] : [...at(d.run0.x), endStatus(d.run0)] });
  if (d.gd) rows.push({ head: `GD, ${when}`, cells: d.gd.divergedStep >= 0 ? [...d.coords.map(() => '—'), endStatus(d.gd)] : [...at(d.gd.x), endStatus(d.gd)] });
  const more = d.minima.length > shown.length ? ` (the first ${shown.length} of ${d.minima.length} minima; the diagram’s table lists them all)` : '';
  const caption = `Loss landscape over ${d.axes.join(' and ')} at η ${spoken(d.eta)} and B ${d.B}: the minima with their verdicts, and where SGD’s run 0 and GD are${more}`;
  return { caption, rowHead: 'point', columns: [...d.axes, 'status'], rows };
}
