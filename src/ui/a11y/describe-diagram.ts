/**
 * The stability diagram in words: what a sighted student sees, as one short
 * paragraph a screen reader speaks (README "Accessibility"; the wording rules are in
 * docs/accessibility.md). Pure: every number comes in from the store or the
 * run (the worker's theory of the minima, the run's counts); nothing is
 * recomputed here. The theory (computed) and the measurement (counted) are
 * separate sentences, as the diagram keeps them apart (README "Features").
 */

/** The start minimum as the worker's theory gives it (StartedInfo.minima[center]). */
export interface DescribedMinimum {
  label: string;
  /** Sharpness a = λ_max(H). */
  a: number;
  /** Non-uniformity s = √λ_max(Σ). */
  s: number;
  /** Inside Wu's rectangle (eq. 9). */
  inRectangle: boolean;
  /** ρ(𝒯) ≤ 1: stable for SGD in mean square; null when the bounds do not decide. */
  stableSGD: boolean | null;
  /** a ≤ 2/η and no negative curvature: stable for GD. */
  stableGD: boolean;
  saddle?: boolean;
  /** The hand-placed point (problem=point) rather than a minimum of a problem. */
  handPlaced?: boolean;
}

/** What the runs did, counted. */
export interface DescribedMeasurement {
  escaped: number;
  runs: number;
  /** The step the counts are taken at. */
  step: number;
  /** The run has finished (its summary), rather than a count so far. */
  done: boolean;
  /** GD's one run: null when there is none. */
  gd: { state: 'stayed' } | { state: 'escaped' } | { state: 'diverged'; step: number } | null;
}

export interface DiagramDescription {
  eta: number;
  B: number;
  /** The rectangle's sides, 2/η and 1/(η√c) (Wu eq. 9). */
  rectangle: { sharpnessMax: number; nonUniformityMax: number };
  start: DescribedMinimum | null;
  /** The theory of the minima is still being computed (a large model). */
  theoryPending?: boolean;
  measured: DescribedMeasurement | null;
}

/** A number as the diagram's labels show it: three significant digits, no trailing zeros, a true minus. */
export function spoken(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'infinity' : x < 0 ? 'minus infinity' : 'not a number';
  const t = String(Number(x.toPrecision(3)));
  return t.replaceAll('-', '−');
}

/** The theory sentence of the start minimum: where it is and what that means for SGD and GD. */
function theorySentence(m: DescribedMinimum): string {
  const name = m.handPlaced ? 'The hand-placed minimum' : `The start minimum ${m.label}`;
  const where = m.saddle ? 'is a saddle, not a minimum' : m.inRectangle ? 'is inside the rectangle' : 'is outside the rectangle';
  const sgd = m.stableSGD === null ? 'undecided for SGD' : m.stableSGD ? 'stable for SGD' : 'unstable for SGD';
  const gd = m.stableGD ? 'stable for GD' : 'unstable for GD';
  return `${name} (a = ${spoken(m.a)}, s = ${spoken(m.s)}) ${where}: ${sgd}, ${gd}.`;
}

/** The measurement sentence: counted from the runs, never inferred from the theory. */
function measuredSentence(m: DescribedMeasurement): string {
  const so = m.done ? '' : ' so far';
  const sgd = `${m.escaped} of ${m.runs} SGD ${m.runs === 1 ? 'run' : 'runs'} escaped by step ${m.step}${so}`;
  if (!m.gd) return `Measured: ${sgd}.`;
  const gd = m.gd.state === 'diverged' ? `GD diverged at step ${m.gd.step}` : m.gd.state === 'escaped' ? 'GD escaped' : m.done ? 'GD stayed' : 'GD stays';
  return `Measured: ${sgd}; ${gd}.`;
}

/**
 * "η 0.7, B 1: the rectangle reaches sharpness 2.86 and non-uniformity 1.43. The start
 * minimum x* = 1 (a = 2, s = 1.8) is outside the rectangle: unstable for SGD, stable for GD.
 * Measured: 100 of 100 SGD runs escaped by step 200; GD stayed."
 */
export function describeDiagram(d: DiagramDescription): string {
  const parts = [`η ${spoken(d.eta)}, B ${d.B}: the rectangle reaches sharpness ${spoken(d.rectangle.sharpnessMax)} and non-uniformity ${spoken(d.rectangle.nonUniformityMax)}.`];
  if (d.start) parts.push(theorySentence(d.start));
  else if (d.theoryPending) parts.push('The theory of the minima is still being computed.');
  if (d.measured) parts.push(measuredSentence(d.measured));
  return parts.join(' ');
}

/** What the pace of the announcements is decided on: the run, the theory's verdict, the first escape, the end. */
export interface SpeechState {
  run: number;
  /** The start minimum's place and verdicts: inside/outside the rectangle, SGD, GD. */
  theory: string;
  escaped: boolean;
  done: boolean;
}

export function speechState(run: number, d: DiagramDescription): SpeechState {
  const s = d.start;
  return {
    run,
    theory: s ? `${s.inRectangle}/${s.stableSGD}/${s.stableGD}/${s.saddle === true}` : '-',
    escaped: (d.measured?.escaped ?? 0) > 0,
    done: d.measured?.done ?? false,
  };
}

/**
 * Whether a description is announced at once rather than after the 2 s pause: the
 * start minimum enters or leaves the rectangle or its verdict changes; or, within one
 * run, its first escape or its end. While a pointer drags (`held`), each step of the
 * drag starts and may end a run of its own, so only the theory's crossings are at once.
 */
export function isUrgent(prev: SpeechState | null, next: SpeechState, held: boolean): boolean {
  if (!prev) return false;
  if (next.theory !== prev.theory) return true;
  if (held || next.run !== prev.run) return false;
  return (next.escaped && !prev.escaped) || (next.done && !prev.done);
}
