import { axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Chart } from '../charts/chart';
import { nodeSize } from '../charts/chart';
import { ladder } from '../charts/ladder';
import { drawLegend, layoutLegend, type LegendItem, type LegendLayout } from '../charts/legend';
import { chartLayers, chartType, decadeTicks, leftMargin, sizeCanvas, stepAxis, tidyAxisEnds } from '../charts/plot-frame';
import type { RunBuffers } from '../sim/run-buffers';
import type { LiveRun } from '../sim/sim-controller';
import { COLORS } from '../theme/colors';
import { textWidth } from '../theme/text-width';
import { theoryLines, type TheoryLine } from './series-theory';
import { onPointerRelease, pointerHeld } from '../charts/pointer-held';
import { sizes } from '../theme/sizes';

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
const FLOOR = 1e-300;
const MEAN = COLORS.sgdMean;
const MEDIAN = COLORS.sgdMedian;
const RADIUS = COLORS.radius;


const decadeBelow = (v: number) => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number) => 10 ** Math.ceil(Math.log10(v));

/**
 * Loss or distance against the step on a log scale: every SGD run faint, the
 * mean and median on top, GD bold, the theory's lines dashed. The faint runs
 * live on a retained canvas: a frame appends the segments the run added, and
 * the canvas is redrawn whole only when an axis steps to a new range or the
 * history is thinned — a few dozen times over a 10⁷-step run — so a frame's
 * work does not grow with t. The mean, median, GD and theory (a handful of
 * lines) are redrawn on a canvas above it. Diverged runs stop at their last
 * finite point.
 */
export function createSeriesChart(node: HTMLDivElement, opts: SeriesOptions): Chart<SeriesModel> {
  const { canvases, svg, plotArea } = chartLayers(node, 2, opts.testId);
  const [runsCanvas, topCanvas] = canvases;
  const gx = svg.append('g').attr('class', 'axis');
  const gy = svg.append('g').attr('class', 'axis');
  const xl = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yl = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const legendG = svg.append('g');
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  let size = nodeSize(node);
  let model: SeriesModel | null = null;

  // What is on the retained canvas.
  let runId = -1;
  let layoutKey = '';
  let legend: LegendLayout | null = null;
  let theory: TheoryLine[] = [];
  /** The theory's lines start at the runs' first recorded distance: computed once that exists. */
  let theoryReady = false;
  let plot = { x: 0, y: 0, w: 1, h: 1 };
  let xMax = 10;
  let yLo = 1e-8;
  let yHi = 1;
  /** The widest t axis of a drag (pointer-held.ts); kept across the drag's restarts. */
  let heldX = 10;
  let dataLo = Infinity;
  let dataHi = -Infinity;
  let scanned: Record<string, number> = { sgd: 0, gd: 0 };
  let drawn = { sgd: 0, gd: 0 };
  let epochs: Record<string, number> = { sgd: -1, gd: -1 };
  /** Each comparison's run id, so a new one is scanned from its start. */
  let comparedIds: Record<string, number> = {};
  let axesKey = '';
  let topKey = '';

  const x = () => scaleLinear().domain([0, xMax]).range([plot.x, plot.x + plot.w]);
  const y = () => scaleLog().domain([yLo, yHi]).range([plot.y + plot.h, plot.y]).clamp(true);
  const values = (b: RunBuffers, field: SeriesModel['field']) => (field === 'loss' ? b.loss : b.dist);

  // A drag has ended: the axes settle on the run as it is now.
  const offRelease = onPointerRelease(() => draw(true));

  function resetRun(run: LiveRun | null): void {
    runId = run ? run.id : -1;
    theory = [];
    theoryReady = false;
    xMax = 10;
    dataLo = Infinity;
    dataHi = -Infinity;
    scanned = { sgd: 0, gd: 0 };
    drawn = { sgd: 0, gd: 0 };
    epochs = { sgd: -1, gd: -1 };
    comparedIds = {};
    topKey = '';
  }

  function legendItems(m: SeriesModel): LegendItem[] {
    const run = m.run;
    const items: LegendItem[] = [];
    const sgd = run?.sgd;
    if (sgd) {
      const many = sgd.K > 1;
      const label = many ? `SGD, ${sgd.K} runs${sgd.K > MAX_FAINT ? ` (${MAX_FAINT} drawn)` : ''}` : 'SGD';
      items.push({ key: 'sgd', label, short: many ? `SGD ×${sgd.K}` : 'SGD', swatch: { kind: 'line', color: COLORS.sgdRun, width: many ? 1.5 : 2.5 } });
      if (many)
        items.push(
          { key: 'mean', label: 'SGD mean', short: 'mean', swatch: { kind: 'line', color: MEAN, width: 3 } },
          { key: 'median', label: 'SGD median', short: 'median', swatch: { kind: 'line', color: MEDIAN, width: 3, dash: '10 4' } },
        );
    }
    if (run?.gd) items.push({ key: 'gd', label: 'GD', swatch: { kind: 'line', color: COLORS.gdRun, width: 3 } });
    for (const c of m.comparisons ?? []) {
      const K = c.run?.sgd?.K ?? 0;
      items.push({ key: `cmp-${c.label}`, label: `${c.label}: SGD ${K > 1 ? 'mean' : 'run'}`, short: c.label, swatch: { kind: 'line', color: c.color, width: 3, dash: c.dash.join(' ') } });
    }
    if (m.field === 'dist') {
      for (const th of theory) items.push({ key: th.key, label: th.label, short: th.short, swatch: { kind: 'line', color: th.color, dash: th.dash, width: 2.5 } });
      if (run) items.push({ key: 'R', label: `escape radius R = ${run.info.config.escape}`, short: 'R', swatch: { kind: 'line', color: RADIUS, dash: '2 4', width: 1.5 } });
    }
    return items;
  }

  /** Margins, legend and plot area: only when the size, the mode or the legend's items change. */
  function layout(m: SeriesModel): boolean {
    const items = legendItems(m);
    const key = `${size.width}x${size.height}|${m.lecture}|${items.map((i) => i.label).join('|')}`;
    if (key === layoutKey) return false;
    layoutKey = key;
    const t = chartType(m.lecture, size.width < 420 || size.height < 260);
    legend = layoutLegend(items, { width: size.width - 16, height: size.height, fontSize: t.legend });
    const left = leftMargin(['1e-300'], t.tick, t.label);
    const bottom = t.tick * 1.6 + t.label * 1.5;
    const right = legend.side === 'right' ? legend.width + 20 : 12;
    const below = legend.side === 'bottom' ? legend.height + 6 : 0;
    plot = { x: left, y: t.tick * 0.8, w: Math.max(20, size.width - left - right), h: Math.max(20, size.height - t.tick * 0.8 - bottom - below) };
    plotArea.attr('x', plot.x).attr('y', plot.y).attr('width', plot.w).attr('height', plot.h);
    svg.attr('width', size.width).attr('height', size.height);
    for (const c of [runsCanvas, topCanvas]) sizeCanvas(c, size.width, size.height, dpr);
    drawLegend(legendG, items, legend, t.stroke);
    legendG.attr('transform', legend.side === 'right' ? `translate(${size.width - legend.width - 8},${plot.y})` : `translate(8,${plot.y + plot.h + bottom + 2})`);
    // The full title, the short one, or none where even that is longer than the plot is tall (the panel's title names the axis).
    const yText = [opts.yLabel, opts.yShort].find((title) => textWidth(title, t.label, '600') < plot.h - 4) ?? '';
    xl.attr('x', plot.x + plot.w / 2).attr('y', plot.y + plot.h + t.tick * 1.6 + t.label).attr('font-size', t.label).text('step t');
    yl.attr('transform', `translate(${t.label},${plot.y + plot.h / 2}) rotate(-90)`).attr('font-size', t.label).text(yText);
    axesKey = '';
    return true;
  }

  /** Extend the data range with the points recorded since the last frame (all of them after a thinning). */
  function scan(m: SeriesModel): void {
    const run = m.run!;
    const list: Array<[string, RunBuffers | null]> = [
      ['sgd', run.sgd],
      ['gd', run.gd],
    ];
    for (const c of m.comparisons ?? []) {
      const key = `cmp-${c.label}`;
      const id = c.run?.id ?? -1;
      if (comparedIds[key] !== id) {
        comparedIds[key] = id;
        scanned[key] = 0;
        epochs[key] = -1;
      }
      list.push([key, c.run?.sgd ?? null]);
    }
    for (const [which, b] of list) {
      if (!b) continue;
      const arr = values(b, m.field);
      const from = b.epoch === epochs[which] ? Math.min(scanned[which] ?? 0, b.count) : 0;
      const K = Math.min(b.K, MAX_FAINT * 4);
      for (let r = 0; r < K; r++)
        for (let j = from; j < b.count; j++) {
          if (!b.alive(r, j)) break;
          const v = arr[r * b.budget + j];
          if (v > FLOOR && Number.isFinite(v)) {
            if (v < dataLo) dataLo = v;
            if (v > dataHi) dataHi = v;
          }
        }
      scanned[which] = b.count;
      if (which.startsWith('cmp-')) epochs[which] = b.epoch;
    }
  }

  /** The axes' ranges, moved in steps (a ladder in t, whole decades in y) so most frames keep them. */
  function domains(m: SeriesModel): boolean {
    const run = m.run!;
    let tMax = 1;
    for (const b of [run.sgd, run.gd, ...(m.comparisons ?? []).map((c) => c.run?.sgd ?? null)]) if (b && b.count > 0) tMax = Math.max(tMax, b.step[b.count - 1]);
    let lo = dataLo;
    let hi = dataHi;
    const R = m.field === 'dist' ? run.info.config.escape : 0;
    if (R > 0) hi = Math.max(hi, R * 1.5);
    if (!(lo < hi)) {
      lo = Math.min(1e-8, lo);
      hi = Math.max(1, hi);
    }
    let nx = ladder(tMax);
    let nHi = decadeAbove(hi * 1.2);
    let nLo = Math.max(decadeBelow(lo / 1.2), nHi * 1e-30);
    if (pointerHeld() && xMax > 0) {
      // during a drag the axes only widen: each restarted run is drawn against the same axes
      nx = Math.max(nx, heldX);
      nHi = Math.max(nHi, yHi);
      nLo = Math.min(nLo, yLo);
    }
    heldX = nx;
    const changed = nx !== xMax || nHi !== yHi || nLo !== yLo;
    xMax = nx;
    yHi = nHi;
    yLo = nLo;
    return changed;
  }

  function drawAxes(m: SeriesModel): void {
    const key = `${xMax}|${yLo}|${yHi}|${layoutKey}`;
    if (key === axesKey) return;
    axesKey = key;
    const t = chartType(m.lecture, size.width < 420 || size.height < 260);
    const xs = x();
    const ys = y();
    gx.attr('transform', `translate(0,${plot.y + plot.h})`).call(stepAxis(xs, Math.max(2, Math.floor(plot.w / sizes(m.lecture).stepTickGap))));
    tidyAxisEnds(gx, plot.x - 6, size.width - 2, t.tick);
    const tickValues = decadeTicks(yLo, yHi, plot.h, t.tick * 1.5);
    gy.attr('transform', `translate(${plot.x},0)`).call(axisLeft(ys).tickValues(tickValues).tickFormat((v) => `1e${Math.round(Math.log10(Number(v)))}`));
    svg.selectAll('.axis text').attr('font-size', t.tick);
    svg.selectAll('.axis line, .axis path').attr('stroke-width', t.stroke);
  }

  function ctxOf(c: HTMLCanvasElement): CanvasRenderingContext2D {
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  function clip(ctx: CanvasRenderingContext2D): void {
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
  }

  /** The faint SGD runs: whole (`full`) or only what was added since the last frame. */
  function drawRuns(m: SeriesModel, full: boolean): void {
    const sgd = m.run?.sgd;
    const ctx = ctxOf(runsCanvas);
    if (full) {
      ctx.clearRect(0, 0, size.width, size.height);
      drawn.sgd = 0;
    }
    if (!sgd || sgd.count === 0) return;
    const from = Math.max(0, drawn.sgd - 1);
    if (sgd.count - from < 2 && !full) return;
    const arr = values(sgd, m.field);
    const faint = Math.min(sgd.K, MAX_FAINT);
    const xs = x();
    const ys = y();
    ctx.save();
    clip(ctx);
    ctx.strokeStyle = COLORS.sgdRun;
    ctx.globalAlpha = sgd.K === 1 ? 1 : Math.max(0.08, Math.min(0.5, 6 / faint));
    ctx.lineWidth = (sgd.K === 1 ? 2.5 : 1) * sizes(m.lecture).stroke;
    ctx.lineJoin = 'round';
    // One path per stroke: the runs overlap, and one stroke of all of them would merge their alpha.
    for (let r = 0; r < faint; r++) {
      ctx.beginPath();
      runPath(ctx, sgd, r, arr, from, xs, ys);
      ctx.stroke();
    }
    ctx.restore();
    drawn.sgd = sgd.count;
  }

  /** Mean, median, GD, the theory and R: a handful of lines, redrawn when anything in them moved. */
  function drawTop(m: SeriesModel, full: boolean): void {
    const run = m.run;
    const sgd = run?.sgd;
    const gd = run?.gd;
    const scrub = m.scrub ?? null;
    const compared = (m.comparisons ?? []).map((c) => `${c.label}:${c.run?.id}:${c.run?.sgd?.count}:${c.run?.sgd?.epoch}`).join(',');
    const key = `${sgd?.count}|${sgd?.epoch}|${gd?.count}|${gd?.epoch}|${gd?.divergedStep[0]}|${scrub}|${compared}`;
    if (!full && key === topKey) return;
    topKey = key;
    const ctx = ctxOf(topCanvas);
    ctx.clearRect(0, 0, size.width, size.height);
    if (!run) return;
    const xs = x();
    const ys = y();
    const k = sizes(m.lecture).seriesLine;
    ctx.save();
    clip(ctx);
    if (sgd && sgd.K > 1 && sgd.count > 0) {
      const sc = sgd.summaryCurves();
      const curve = (vals: Float64Array, color: string, dash: number[]) => {
        ctx.strokeStyle = color;
        ctx.setLineDash(dash);
        ctx.lineWidth = 3 * k;
        ctx.beginPath();
        curvePath(ctx, sc.step, vals, xs, ys);
        ctx.stroke();
      };
      curve(m.field === 'loss' ? sc.meanLoss : sc.meanDist, MEAN, []);
      curve(m.field === 'loss' ? sc.medianLoss : sc.medianDist, MEDIAN, [10, 4]);
      ctx.setLineDash([]);
    }
    if (gd && gd.count > 0) {
      ctx.strokeStyle = COLORS.gdRun;
      ctx.lineWidth = 3 * k;
      ctx.beginPath();
      runPath(ctx, gd, 0, values(gd, m.field), 0, xs, ys);
      ctx.stroke();
    }
    if (m.field === 'dist') {
      for (const th of theory) {
        if (!Number.isFinite(th.rate)) continue;
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
      const R = run.info.config.escape;
      ctx.strokeStyle = RADIUS;
      ctx.setLineDash([2, 4]);
      ctx.lineWidth = 1.5 * k;
      ctx.beginPath();
      ctx.moveTo(plot.x, ys(R));
      ctx.lineTo(plot.x + plot.w, ys(R));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    for (const c of m.comparisons ?? []) drawComparison(ctx, c, m.field, xs, ys, k);
    if (scrub !== null) drawScrubMarker(ctx, xs(scrub), plot, k);
    ctx.restore();
    const mark = scrub === null ? '' : String(scrub);
    if ((node.getAttribute('data-scrub-t') ?? '') !== mark) node.setAttribute('data-scrub-t', mark);
  }

  function draw(full: boolean): void {
    const m = model;
    if (!m) return;
    if ((m.run?.id ?? -1) !== runId) {
      resetRun(m.run);
      full = true;
    }
    if (!theoryReady && m.run && ((m.run.sgd?.count ?? 0) > 0 || (m.run.gd?.count ?? 0) > 0)) {
      theory = theoryLines(m.run);
      theoryReady = true;
    }
    if (layout(m)) full = true;
    if (!m.run) {
      drawAxes(m);
      drawRuns(m, true);
      drawTop(m, true);
      return;
    }
    scan(m);
    if (domains(m)) full = true;
    const sgd = m.run.sgd;
    const gd = m.run.gd;
    if ((sgd && sgd.epoch !== epochs.sgd) || (gd && gd.epoch !== epochs.gd)) full = true;
    epochs.sgd = sgd?.epoch ?? -1;
    epochs.gd = gd?.epoch ?? -1;
    drawAxes(m);
    drawRuns(m, full);
    drawTop(m, full);
    const points = String(sgd ? Math.min(sgd.K, MAX_FAINT) * sgd.count : 0);
    if (node.getAttribute('data-points') !== points) node.setAttribute('data-points', points);
  }

  return {
    update(m) {
      const modeChanged = model !== null && (model.lecture !== m.lecture || model.field !== m.field);
      model = m;
      draw(modeChanged);
    },
    resize() {
      size = nodeSize(node);
      draw(true);
    },
    destroy() {
      offRelease();
      select(node).selectAll('*').remove();
    },
  };
}

/** A comparison's SGD mean (or its one run) in its colour and dash, over the same axes. */
function drawComparison(ctx: CanvasRenderingContext2D, c: SeriesComparison, field: SeriesModel['field'], xs: (v: number) => number, ys: (v: number) => number, k: number): void {
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
function drawScrubMarker(ctx: CanvasRenderingContext2D, px: number, plot: { y: number; h: number }, k: number): void {
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
function runPath(ctx: CanvasRenderingContext2D, b: RunBuffers, r: number, arr: Float32Array, from: number, xs: (v: number) => number, ys: (v: number) => number): void {
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
function curvePath(ctx: CanvasRenderingContext2D, step: Float64Array, vals: Float64Array, xs: (v: number) => number, ys: (v: number) => number): void {
  let started = false;
  for (let j = 0; j < step.length; j++) {
    const v = vals[j];
    if (!(v > FLOOR)) continue;
    if (started) ctx.lineTo(xs(step[j]), ys(v));
    else ctx.moveTo(xs(step[j]), ys(v));
    started = true;
  }
}
