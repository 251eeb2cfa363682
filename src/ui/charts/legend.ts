import type { Selection } from 'd3-selection';
import { textWidth } from '../theme/text-width';
import { uniqueId } from '../theme/unique-id';
import { COLORS } from '../theme/colors';
import { LECTURE_MIN_STROKE_PX } from '../theme/lecture-lines';
import { SIZES } from '../theme/sizes';
import { markPath, type MarkShape } from './marks';

/** What a legend row shows beside its text. */
export type Swatch =
  | { kind: 'line'; color: string; dash?: string; width?: number }
  | { kind: 'area'; fill: string; stroke: string; dash?: string; round?: boolean; opacity?: number }
  | { kind: 'mark'; shape: MarkShape; fill: string; stroke: string }
  /** A colour scale (the phase diagram's measured fraction), left to right; drawn wider than a line's swatch. */
  | { kind: 'ramp'; stops: string[] };

export interface LegendItem {
  key: string;
  label: string;
  /** A shorter label for small charts (the full one when absent). */
  short?: string;
  swatch: Swatch;
}

export interface LegendLayout {
  side: 'bottom' | 'right';
  compact: boolean;
  width: number;
  height: number;
  fontSize: number;
  /** Each item's top-left corner inside the legend, and the text it shows. */
  rows: Array<{ x: number; y: number; text: string }>;
}

const SWATCH = 28;
const RAMP = 3 * SWATCH;
const GAP = 8;
const swatchWidth = (it: LegendItem) => (it.swatch.kind === 'ramp' ? RAMP : SWATCH);

export interface LegendRoom {
  /** Width and height of the whole chart. */
  width: number;
  height: number;
  fontSize: number;
  /** Largest share of the height a bottom legend may take before it tries the side or short labels. */
  maxBottom?: number;
  /** Largest share of the width a side legend may take. */
  maxRight?: number;
}

/**
 * Where the legend goes so that it never covers data: a band under the plot
 * when its rows fit, else a column at the right, else the same with the short
 * labels. The chart then gives the plot what is left (the legend is outside the
 * plot area by construction).
 */
export function layoutLegend(items: LegendItem[], room: LegendRoom): LegendLayout {
  const fs = room.fontSize;
  const lh = Math.ceil(fs * 1.35);
  const maxBottom = room.maxBottom ?? 0.3;
  const maxRight = room.maxRight ?? 0.34;
  const widthOf = (it: LegendItem, t: string) => swatchWidth(it) + GAP + textWidth(t, fs);
  const bottom = (compact: boolean): LegendLayout => {
    const rows: LegendLayout['rows'] = [];
    let x = 0;
    let y = 0;
    let widest = 0;
    for (const it of items) {
      const text = compact ? (it.short ?? it.label) : it.label;
      const w = widthOf(it, text);
      if (x > 0 && x + w > room.width) {
        x = 0;
        y += lh;
      }
      rows.push({ x, y, text });
      x += w + fs;
      widest = Math.max(widest, x - fs);
    }
    return { side: 'bottom', compact, width: widest, height: items.length ? y + lh : 0, fontSize: fs, rows };
  };
  const right = (compact: boolean): LegendLayout => {
    const rows = items.map((it, i) => ({ x: 0, y: i * lh, text: compact ? (it.short ?? it.label) : it.label }));
    const width = Math.max(0, ...rows.map((r, i) => widthOf(items[i], r.text)));
    return { side: 'right', compact, width, height: items.length * lh, fontSize: fs, rows };
  };
  const fitsBottom = (l: LegendLayout) => l.height <= room.height * maxBottom && l.width <= room.width;
  const fitsRight = (l: LegendLayout) => l.width <= room.width * maxRight && l.height <= room.height * 0.9;
  for (const compact of [false, true]) {
    const b = bottom(compact);
    if (fitsBottom(b)) return b;
    const r = right(compact);
    if (fitsRight(r)) return r;
  }
  return bottom(true);
}

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Each drawn legend's rows and swatches, to tell a change of words from a change of rows. */
const drawnShapes = new WeakMap<Element, string>();

/**
 * A key's line width: its swatch's, scaled by the chart's stroke factor. At lecture mode's
 * factor (the only one above 1, sizes.ts) no key is thinner than a projector's 3 px
 * (README "Accessibility"): the thin keys (the single runs', R's) scaled alone were 2.7 px.
 */
export function keyWidth(width: number, strokeScale: number): number {
  const w = width * strokeScale;
  return strokeScale >= SIZES.lecture.type.stroke ? Math.max(w, LECTURE_MIN_STROKE_PX) : w;
}

/** Draws a laid-out legend into `g` (its root carries data-legend, for the layout tests). */
export function drawLegend(g: G, items: LegendItem[], layout: LegendLayout, strokeScale = 1): void {
  g.attr('data-legend', '').attr('class', 'legend');
  const fs = layout.fontSize;
  // A legend whose rows and swatches are as drawn and whose words alone changed
  // (the distance chart's ρ of a new run, many times a second while η is
  // dragged) moves and rewrites its rows in place: rebuilding them made the
  // page lay out and shape new text nodes in every frame of the drag.
  const shape = JSON.stringify([fs, strokeScale, items.map((it) => [it.key, it.swatch])]);
  const node = g.node();
  if (node && drawnShapes.get(node) === shape && node.childElementCount === items.length) {
    g.selectAll<SVGGElement, unknown>(':scope > g').each(function (_, i) {
      const row = layout.rows[i];
      const at = `translate(${row.x},${row.y})`;
      if (this.getAttribute('transform') !== at) this.setAttribute('transform', at);
      const text = this.lastElementChild;
      if (text && text.textContent !== row.text) text.textContent = row.text;
    });
    return;
  }
  if (node) drawnShapes.set(node, shape);
  g.selectAll('*').remove();
  g.attr('font-size', fs);
  items.forEach((it, i) => {
    const row = layout.rows[i];
    const r = g.append('g').attr('transform', `translate(${row.x},${row.y})`);
    const mid = fs * 0.68;
    const s = it.swatch;
    if (s.kind === 'line')
      r.append('line')
        .attr('x1', 0)
        .attr('x2', SWATCH)
        .attr('y1', mid)
        .attr('y2', mid)
        .attr('stroke', s.color)
        .attr('stroke-width', keyWidth(s.width ?? 2.5, strokeScale))
        .attr('stroke-dasharray', s.dash ?? null);
    else if (s.kind === 'area')
      r.append('rect')
        .attr('x', 1)
        .attr('y', mid - fs * 0.4)
        .attr('width', SWATCH - 2)
        .attr('height', fs * 0.8)
        .attr('rx', s.round ? fs * 0.4 : 0)
        .attr('fill', s.fill)
        .attr('fill-opacity', s.opacity ?? null)
        .attr('stroke', s.stroke)
        .attr('stroke-width', keyWidth(2, strokeScale))
        .attr('stroke-dasharray', s.dash ?? null);
    else if (s.kind === 'ramp') {
      const id = uniqueId('legend-ramp');
      const grad = r.append('defs').append('linearGradient').attr('id', id);
      s.stops.forEach((c, k) => grad.append('stop').attr('offset', s.stops.length > 1 ? k / (s.stops.length - 1) : 0).attr('stop-color', c));
      r.append('rect').attr('x', 1).attr('y', mid - fs * 0.45).attr('width', RAMP - 2).attr('height', fs * 0.9).attr('fill', `url(#${id})`).attr('stroke', COLORS.ink).attr('stroke-width', strokeScale);
    } else
      r.append('path')
        .attr('d', markPath(s.shape, fs * 0.36))
        .attr('transform', `translate(${SWATCH / 2},${mid})`)
        .attr('fill', s.fill)
        .attr('stroke', s.stroke)
        .attr('stroke-width', s.shape === 'cross' ? 3 : 1);
    r.append('text').attr('x', swatchWidth(it) + GAP).attr('y', mid).attr('dy', '0.35em').attr('font-size', fs).text(row.text);
  });
}
