/**
 * The charts' sizes, default and lecture mode, in CSS pixels (or, for `stroke`
 * and `mark`, as factors of a chart's own widths). Lecture mode keeps every text
 * at 24 px or more and thickens strokes for the back of a hall; the page's own
 * type size is `PAGE.*.font` (page.ts). Charts read `sizes(lecture)`, never a
 * `lecture ? a : b` of their own.
 */
const DEFAULT = {
  /** Text of a chart (`chartType` below). */
  type: { label: 15, tick: 13, legend: 13, stroke: 1 },
  /** Factor of every line width, and of the diagram's markers. */
  stroke: 1,
  mark: 1,
  /** Room per tick label along a value axis, and along a step axis. */
  tickGap: 70,
  stepTickGap: 80,
  /** x of a rotated y-axis title. */
  yTitle: 18,
  /** The diagram: the rectangle's draggable corner, the ring around the current minimum. */
  handle: 10,
  ring: 11,
  /** The series' ensemble lines (mean, median, theory) against the single runs. */
  seriesLine: 1,
  /** The opacity of the landscape's paths (run 0's and GD's), over the contours. */
  trailAlpha: 0.85,
  /** The Wu–Wang–Su charts: thin and thick lines, the theory line, the Frobenius chart’s points and the room of its bars (the frame owns type and margins). */
  wws: { thin: 2, thick: 2.5, heavy: 3.5, theory: 2, keyWidth: 1, point: 4, pointCurrent: 8, margin: { r: 20, b: 26, split: 12 } },
  /** The explore workspaces: the phase diagram's η ticks, the selection scatter's bubbles (the frame owns type and margins). */
  phase: { ticks: 8 },
  scatter: { bubble: 24, bubbleMin: 5 },
};

type Sizes = typeof DEFAULT;

const LECTURE: Sizes = {
  type: { label: 26, tick: 24, legend: 24, stroke: 1.8 },
  stroke: 1.8,
  mark: 1.5,
  tickGap: 120,
  stepTickGap: 150,
  yTitle: 26,
  handle: 15,
  ring: 16,
  /** 2: the thinnest ensemble line (R's, 1.5 × this) is 3 px on a projector (README "Accessibility"). */
  seriesLine: 2,
  /** Opaque: a line drawn through a veil of the panel loses its 7:1. */
  trailAlpha: 1,
  wws: { thin: 3, thick: 4, heavy: 6, theory: 3.5, keyWidth: 1.5, point: 6, pointCurrent: 11, margin: { r: 30, b: 34, split: 18 } },
  phase: { ticks: 5 },
  scatter: { bubble: 34, bubbleMin: 7 },
};

/** The text of a small chart (below about 520 × 360 px) outside lecture mode. */
const COMPACT_TYPE: Sizes['type'] = { label: 13, tick: 12, legend: 12, stroke: 1 };

export const SIZES = { default: DEFAULT, lecture: LECTURE } as const;

/** The sizes of the mode. */
export function sizes(lecture: boolean): Sizes {
  return lecture ? LECTURE : DEFAULT;
}

/** Type sizes of a chart: lecture mode's whatever the chart's size, else the compact ones in a small chart. */
export function chartType(lecture: boolean, compact = false): Sizes['type'] {
  return lecture ? LECTURE.type : compact ? COMPACT_TYPE : DEFAULT.type;
}
