import { spoken } from './describe-diagram';

/*
 * The live views in words (docs/accessibility.md#wording-rules): the escape burst, the
 * distance chart and the landscape, each one short paragraph a screen reader speaks.
 * Pure: every number comes in from the run's buffers or the worker's theory; the theory
 * and the measurement are separate sentences.
 */

/** A curve's value where it starts and where it stands, and its highest point, at recorded steps. */
export interface DescribedCurve {
  first: { value: number; step: number };
  last: { value: number; step: number };
  peak: { value: number; step: number };
}

export interface SeriesDescription {
  field: 'loss' | 'dist';
  eta: number;
  B: number;
  /** SGD's runs: with more than one the curve is their mean, with one it is that run. */
  runs: number;
  sgd: DescribedCurve | null;
  /** GD's run: its curve, or the step it diverged at. */
  gd: DescribedCurve | { diverged: number } | null;
  done: boolean;
  /** The distance chart's escape radius R. */
  radius?: number;
  /** The worker's theory of the start minimum: ρ(𝒯) and the Lyapunov exponent Λ (the distance chart's dashed lines). */
  theory?: { rho: number | null; lyapunov: number | null };
}

const at = (p: { value: number; step: number }) => `${spoken(p.value)} at step ${p.step}`;

function curveWords(c: DescribedCurve, done: boolean): string {
  const to = `from ${at(c.first)} to ${at(c.last)}${done ? '' : ' so far'}`;
  // the highest point only where it is neither end: a curve that only falls or only rises has said it already
  const peak = c.peak.step !== c.last.step && c.peak.step !== c.first.step ? `, highest ${at(c.peak)}` : '';
  return to + peak;
}

/**
 * "η 0.7, B 1: the escape burst, the loss of 40 SGD runs and GD against the step.
 * Measured: the mean loss went from 0.01 at step 0 to 4.56 at step 200, highest 5.1 at
 * step 180; GD's from 0.01 at step 0 to 0.01 at step 200."
 */
export function describeSeries(d: SeriesDescription): string {
  const what = d.field === 'loss' ? 'the escape burst, the loss' : 'the distance from the start minimum';
  const who = `${d.runs} SGD ${d.runs === 1 ? 'run' : 'runs'}${d.gd ? ' and GD' : ''}`;
  const R = d.field === 'dist' && d.radius !== undefined ? `, with the escape radius R = ${spoken(d.radius)}` : '';
  const parts = [`η ${spoken(d.eta)}, B ${d.B}: ${what} of ${who} against the step${R}.`];
  const t = d.theory;
  if (d.field === 'dist' && t && (t.rho !== null || t.lyapunov !== null)) {
    const lines = [t.rho !== null ? `ρ(𝒯) = ${spoken(t.rho)}, the mean square distance ${t.rho > 1 ? 'growing' : t.rho < 1 ? 'shrinking' : 'neither growing nor shrinking'} as ρ(𝒯) to the power t` : '', t.lyapunov !== null ? `Lyapunov exponent Λ = ${spoken(t.lyapunov)}` : ''].filter(Boolean);
    parts.push(`Theory: ${lines.join('; ')}.`);
  }
  const quantity = d.field === 'loss' ? 'loss' : 'distance';
  const measured: string[] = [];
  if (d.sgd) measured.push(`${d.runs === 1 ? 'the run’s' : 'the mean'} ${quantity} went ${curveWords(d.sgd, d.done)}`);
  if (d.gd) measured.push('diverged' in d.gd ? `GD diverged at step ${d.gd.diverged}` : `GD’s went ${curveWords(d.gd, d.done)}`);
  if (measured.length > 0) parts.push(`Measured: ${measured.join('; ')}.`);
  return parts.join(' ');
}

/** A minimum on the landscape, as its ring shows it: the worker's verdicts. */
export interface LandscapeMinimum {
  stableSGD: boolean | null;
  stableGD: boolean;
}

export interface LandscapeDescription {
  eta: number;
  B: number;
  /** The coordinates drawn: one (a curve) or two (contours), named. */
  axes: string[];
  minima: readonly LandscapeMinimum[];
  /** Run 0 and GD where the picture puts them, at `step`. */
  run0: number[] | null;
  gd: number[] | null;
  step: number;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const point = (axes: string[], x: number[]) => axes.map((a, i) => `${a} = ${spoken(x[i])}`).join(', ');

/**
 * "η 0.7, B 1: the loss landscape along x, with 2 minima: 1 stable for SGD, 1 unstable for
 * SGD and stable for GD. Measured: at step 200, SGD's run 0 is at x = 3.1 and GD at x = 1."
 */
export function describeLandscape(d: LandscapeDescription): string {
  const along = d.axes.length === 1 ? `along ${d.axes[0]}` : `over ${d.axes.join(' and ')}`;
  const stable = d.minima.filter((m) => m.stableSGD === true).length;
  const gdOnly = d.minima.filter((m) => m.stableSGD === false && m.stableGD).length;
  const neither = d.minima.filter((m) => m.stableSGD === false && !m.stableGD).length;
  const undecided = d.minima.filter((m) => m.stableSGD === null).length;
  const kinds = [
    stable ? `${stable} stable for SGD` : '',
    gdOnly ? `${gdOnly} unstable for SGD and stable for GD` : '',
    neither ? `${neither} unstable for both` : '',
    undecided ? `${undecided} undecided for SGD` : '',
  ].filter(Boolean);
  const minima = d.minima.length === 0 ? '' : `, with ${count(d.minima.length, 'minimum', 'minima')}: ${kinds.join(', ')}`;
  const parts = [`η ${spoken(d.eta)}, B ${d.B}: the loss landscape ${along}${minima}.`];
  const where = [d.run0 ? `SGD’s run 0 is at ${point(d.axes, d.run0)}` : '', d.gd ? `GD at ${point(d.axes, d.gd)}` : ''].filter(Boolean);
  if (where.length > 0) parts.push(`Measured: at step ${d.step}, ${where.join(' and ')}.`);
  return parts.join(' ');
}
