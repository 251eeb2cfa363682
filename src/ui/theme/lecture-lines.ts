import { COLORS } from './colors';
import { COMPARE_COLORS } from './compare-colors';

/**
 * Lecture mode's line colours (README "Accessibility", WCAG 1.4.6 and 1.4.11): on a projector the charts' lines are
 * drawn at 7:1 or more against the white panel (WCAG 1.4.6's enhanced level, applied to
 * lines). Each is the chart colour it replaces, darkened in the same hue, so the
 * legend's words still fit; status is also carried by shape and dash (README
 * "Features"). app.css maps each chart colour to its lecture colour on the SVG of the
 * diagram and the live views, and the canvases stroke `lineColor`; `tests/ui/theme/lecture-lines.test.ts` keeps the two equal and checks each ratio.
 */
export const LECTURE_LINES: ReadonlyArray<{ key: keyof typeof COLORS | 'compareGreen'; from: string; to: string }> = [
  { key: 'sgd', from: COLORS.sgd, to: '#004C7A' },
  { key: 'exact', from: COLORS.exact, to: '#005E45' },
  { key: 'gd', from: COLORS.gd, to: '#7A4A00' },
  { key: 'unstable', from: COLORS.unstable, to: '#933800' },
  { key: 'family', from: COLORS.family, to: '#00516A' },
  { key: 'reference', from: COLORS.reference, to: '#85356A' },
  { key: 'radius', from: COLORS.radius, to: '#444444' },
  { key: 'compareGreen', from: COMPARE_COLORS[2], to: '#0B5424' },
  { key: 'contour', from: COLORS.contour, to: '#444444' },
];

const BY_COLOR = new Map(LECTURE_LINES.map((l) => [l.from.toLowerCase(), l.to]));

/**
 * The colour a canvas chart strokes a line in: in lecture mode the lecture token of the
 * chart colour it was given (the same table app.css applies to the charts' SVG), else
 * the colour itself. A colour already at 7:1 is its own lecture colour.
 */
export function lineColor(color: string, lecture: boolean): string {
  return lecture ? (BY_COLOR.get(color.toLowerCase()) ?? color) : color;
}

/** The thinnest line lecture mode draws (axes, ticks, marks' outlines), in CSS px. */
export const LECTURE_MIN_STROKE_PX = 3;
