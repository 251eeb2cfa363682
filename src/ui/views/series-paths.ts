import type { RunBuffers } from '../sim/run-buffers';
import { COLORS } from '../theme/colors';
import type { SeriesComparison, SeriesModel } from './series-model';
import type { TheoryLine } from './series-theory';

/*
 * What the burst and distance charts stroke on their canvases: a run's
 * polyline, a summary curve, a comparison's mean, the theory's lines and the
 * time scrubber's marker, each over the chart's scales.
 */

type Scale = (v: number) => number;

/** Values at or below this are not on a log axis. */
export const FLOOR = 1e-300;

/** The recorded values a chart shows: the loss or the distance. */
export const seriesValues = (b: RunBuffers, field: SeriesModel['field']) => (field === 'loss' ? b.loss : b.dist);

/** The theory's lines (Wu–Wang–Su Fig. 4; docs/theory.md#escape-time-predictions): y₀·e^{rate·t} across the t axis. */
export function drawTheoryLines(ctx: CanvasRenderingContext2D, theory: readonly TheoryLine[], xMax: number, xs: Scale, ys: Scale, k: number): void {
  for (const th of theory) {
    if (!Number.isFinite(th.rate) || !Number.isFinite(th.y0)) continue;
    ctx.strokeStyle = th.color;
    ctx.setLineDash(th.dash.split(' ').map(Number));
    ctx.lineWidth = 2.5 * k;
    ctx.beginPath();
    for (let i = 0; i <= 64; i++) {
      const t = (xMax * i) / 64;
      const v = th.y0 * Math.exp(th.rate * t);
      if (i === 0) ctx.moveTo(xs(t), ys(v));
      else ctx.lineTo(xs(t), ys(v));
    }
    ctx.stroke();
  }
}

/** A comparison's SGD mean (or its one run) in its colour and dash, over the same axes. */
export function drawComparison(ctx: CanvasRenderingContext2D, c: SeriesComparison, field: SeriesModel['field'], xs: (v: number) => number, ys: (v: number) => number, k: number): void {
  const b = c.run?.sgd;
  if (!b || b.count === 0) return;
  ctx.strokeStyle = c.color;
  ctx.setLineDash([...c.dash]);
  ctx.lineWidth = 3 * k;
  ctx.beginPath();
  if (b.K > 1) {
    const sc = b.summaryCurves();
    curvePath(ctx, sc.step, field === 'loss' ? sc.meanLoss : sc.meanDist, xs, ys);
  } else runPath(ctx, b, 0, field === 'loss' ? b.loss : b.dist, 0, xs, ys);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The time scrubber's marker: a vertical line across the plot at its step. */
export function drawScrubMarker(ctx: CanvasRenderingContext2D, px: number, plot: { y: number; h: number }, k: number): void {
  ctx.strokeStyle = COLORS.ink;
  ctx.globalAlpha = 0.85;
  ctx.lineWidth = 2 * k;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(px, plot.y);
  ctx.lineTo(px, plot.y + plot.h);
  ctx.stroke();
  ctx.globalAlpha = 1;
}


/** Run r's polyline from history index `from` (its last drawn point) to the newest. */
export function runPath(ctx: CanvasRenderingContext2D, b: RunBuffers, r: number, arr: Float32Array, from: number, xs: (v: number) => number, ys: (v: number) => number): void {
  let started = false;
  for (let j = from; j < b.count; j++) {
    if (!b.alive(r, j)) break;
    const v = arr[r * b.budget + j];
    if (!(v > FLOOR) || !Number.isFinite(v)) {
      started = false;
      continue;
    }
    const px = xs(b.step[j]);
    const py = ys(v);
    if (started) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    started = true;
  }
}

/** A summary curve (mean or median at each recorded step) as one path, skipping values at or below the floor. */
export function curvePath(ctx: CanvasRenderingContext2D, step: Float64Array, vals: Float64Array, xs: (v: number) => number, ys: (v: number) => number): void {
  let started = false;
  for (let j = 0; j < step.length; j++) {
    const v = vals[j];
    if (!(v > FLOOR)) continue;
    if (started) ctx.lineTo(xs(step[j]), ys(v));
    else ctx.moveTo(xs(step[j]), ys(v));
    started = true;
  }
}
