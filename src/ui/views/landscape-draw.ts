import { contours } from 'd3-contour';
import { geoIdentity, geoPath } from 'd3-geo';
import { scaleSequential } from 'd3-scale';
import { interpolateGreys } from 'd3-scale-chromatic';
import type { Selection } from 'd3-selection';
import type { LandscapeSample } from '../../core/landscape';
import { COLORS } from '../theme/colors';

/*
 * The landscape chart's drawing pieces: the 2D contour map, and on its canvas
 * the paths and every run's dot.
 */

type Scale = (v: number) => number;

/** A path is drawn through at most this many of its points (evenly spaced): a frame's cost stays flat however long the run. */
const PATH_POINTS = 1500;

/** A run's current point on the canvas: position, colour, radius (before the stroke scale) and opacity. */
export interface Dot {
  px: number;
  py: number;
  color: string;
  r: number;
  op: number;
  /** GD's point: a square, so that it is not told from SGD's run 0 by colour alone. */
  square?: boolean;
}

/** Every this many contour levels is a major one: the lines lecture mode keeps (app.css, docs/accessibility.md#lecture-modes-contrast). */
const MAJOR_EVERY = 4;

/**
 * The 2D contour map of log(1 + f − min f), 16 levels (d3-contour), into `g`. Every
 * MAJOR_EVERY-th level, from the second, is classed `major`: in lecture mode app.css draws
 * those 4 alone, as 3 px lines on the white panel without the grey fill.
 */
export function drawContours(g: Selection<SVGGElement, unknown, null, undefined>, L: Extract<LandscapeSample, { kind: '2d' }>, x: Scale, y: Scale): void {
  let fmin = Infinity;
  for (const v of L.f) if (Number.isFinite(v)) fmin = Math.min(fmin, v);
  const lifted = Float64Array.from(L.f, (v) => (Number.isFinite(v) ? Math.log1p(Math.max(0, v - fmin)) : 50));
  let gmax = 0;
  for (const v of lifted) if (v < 50) gmax = Math.max(gmax, v);
  const levels = Array.from({ length: 16 }, (_v, i) => (gmax * (i + 0.5)) / 16);
  const cs = contours().size([L.nx, L.ny]).thresholds(levels)(Array.from(lifted));
  const sx = (x(L.x1) - x(L.x0)) / (L.nx - 1);
  const sy = (y(L.y1) - y(L.y0)) / (L.ny - 1);
  const p = geoPath(geoIdentity().scale(1));
  const color = scaleSequential(interpolateGreys).domain([gmax * 1.3, 0]);
  g.attr('class', 'contours')
    .selectAll('path')
    .data(cs)
    .join('path')
    .attr('class', (_d, i) => (i % MAJOR_EVERY === 1 ? 'major' : null))
    .attr('d', (d) => p(d) ?? '')
    .attr('transform', `translate(${x(L.x0)},${y(L.y0)}) scale(${sx},${sy})`)
    .attr('fill', (d) => color(d.value))
    .attr('stroke', COLORS.contour)
    .attr('stroke-width', 0.6 / Math.max(Math.abs(sx), 1e-9))
    .attr('vector-effect', 'non-scaling-stroke');
}

/** A polyline, broken where a point is not finite; dashed when `dash` is given (GD's path). */
export function strokePath(ctx: CanvasRenderingContext2D, list: Array<[number, number]>, color: string, width: number, dash: readonly number[] = []): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash.map((d) => d * width));
  ctx.beginPath();
  let started = false;
  for (const [px, py] of list) {
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      started = false;
      continue;
    }
    if (started) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    started = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The runs' dots, clipped to the plot; the large ones (run 0, GD) ringed in white. */
export function drawDots(ctx: CanvasRenderingContext2D, dots: readonly Dot[], sw: number, plot: { x: number; y: number; w: number; h: number }): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  for (const d of dots) {
    ctx.globalAlpha = d.op;
    ctx.fillStyle = d.color;
    ctx.beginPath();
    if (d.square) ctx.rect(d.px - d.r * sw * 0.9, d.py - d.r * sw * 0.9, 1.8 * d.r * sw, 1.8 * d.r * sw);
    else ctx.arc(d.px, d.py, d.r * sw, 0, 2 * Math.PI);
    ctx.fill();
    if (d.r > 5) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = COLORS.paper;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** At most PATH_POINTS of a path's n points, evenly spaced, the last always included. */
export function evenly(n: number, pick: (i: number) => [number, number]): Array<[number, number]> {
  const every = Math.max(1, Math.ceil(n / PATH_POINTS));
  const out: Array<[number, number]> = [];
  for (let p = 0; p < n; p += every) out.push(pick(p));
  if (n > 0 && (n - 1) % every !== 0) out.push(pick(n - 1));
  return out;
}
