import { axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Chart } from '../charts/chart';
import { nodeSize } from '../charts/chart';
import { drawLegend, layoutLegend, type LegendLayout } from '../charts/legend';
import { chartLayers, chartType, decadeTicks, leftMargin, sizeCanvas, stepAxis, tidyAxisEnds } from '../charts/plot-frame';
import type { LiveRun } from '../sim/sim-controller';
import { COLORS } from '../theme/colors';
import { lineColor } from '../theme/lecture-lines';
import { textWidth } from '../theme/text-width';
import { curvePath, drawComparison, drawScrubMarker, drawTheoryLines, runPath, seriesValues } from './series-paths';
import { seriesLegendItems } from './series-legend';
import { SeriesRange } from './series-range';
import { theoryLines, type TheoryLine } from './series-theory';
import { gestureHeld, onPointerRelease, pointerHeld } from '../charts/pointer-held';
import { sizes } from '../theme/sizes';

export { MAX_FAINT, type SeriesComparison, type SeriesModel, type SeriesOptions } from './series-model';
import { MAX_FAINT, type SeriesModel, type SeriesOptions } from './series-model';
const MEAN = COLORS.sgdMean;
const MEDIAN = COLORS.sgdMedian;
const RADIUS = COLORS.radius;



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
/** While a pointer is held, the series are drawn at most this often (ms). */
const HELD_DRAW_MS = 100;

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
  /** The axes' ranges and the data range they follow. */
  const range = new SeriesRange();
  let drawn = { sgd: 0, gd: 0 };
  /** The histories' epochs last drawn: a thinning moves every drawn point. */
  let epochs = { sgd: -1, gd: -1 };
  let axesKey = '';
  let topKey = '';
  let heldDrawAt = -Infinity;

  const x = () => scaleLinear().domain([0, range.xMax]).range([plot.x, plot.x + plot.w]);
  const y = () => scaleLog().domain([range.yLo, range.yHi]).range([plot.y + plot.h, plot.y]).clamp(true);

  // A drag has ended: the axes settle on the run as it is now.
  const offRelease = onPointerRelease(() => draw(true));

  function resetRun(run: LiveRun | null): void {
    runId = run ? run.id : -1;
    theory = [];
    theoryReady = false;
    range.reset();
    drawn = { sgd: 0, gd: 0 };
    epochs = { sgd: -1, gd: -1 };
    topKey = '';
  }

  /** Margins, legend and plot area: only when the size, the mode or the legend's items change. */
  function layout(m: SeriesModel): boolean {
    const items = seriesLegendItems(m, theory);
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

  function drawAxes(m: SeriesModel): void {
    const key = `${range.xMax}|${range.yLo}|${range.yHi}|${layoutKey}`;
    if (key === axesKey) return;
    axesKey = key;
    const t = chartType(m.lecture, size.width < 420 || size.height < 260);
    const xs = x();
    const ys = y();
    gx.attr('transform', `translate(0,${plot.y + plot.h})`).call(stepAxis(xs, Math.max(2, Math.floor(plot.w / sizes(m.lecture).stepTickGap))));
    tidyAxisEnds(gx, plot.x - 6, size.width - 2, t.tick);
    const tickValues = decadeTicks(range.yLo, range.yHi, plot.h, t.tick * 1.5);
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
    const arr = seriesValues(sgd, m.field);
    const faint = Math.min(sgd.K, MAX_FAINT);
    const xs = x();
    const ys = y();
    ctx.save();
    clip(ctx);
    ctx.strokeStyle = lineColor(COLORS.sgdRun, m.lecture);
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
        ctx.strokeStyle = lineColor(color, m.lecture);
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
      ctx.strokeStyle = lineColor(COLORS.gdRun, m.lecture);
      ctx.lineWidth = 3 * k;
      ctx.beginPath();
      runPath(ctx, gd, 0, seriesValues(gd, m.field), 0, xs, ys);
      ctx.stroke();
    }
    if (m.field === 'dist') {
      drawTheoryLines(ctx, theory.map((th) => ({ ...th, color: lineColor(th.color, m.lecture) })), range.xMax, xs, ys, k);
      const R = run.info.config.escape;
      ctx.strokeStyle = lineColor(RADIUS, m.lecture);
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
    // While a pointer is held each run lives a tenth of a second (the run handle's spacing): its
    // faint lines are drawn ten times a second, not every frame, and in full when it is let go.
    const t = performance.now();
    if (gestureHeld() && !full && t - heldDrawAt < HELD_DRAW_MS) return;
    heldDrawAt = t;
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
    range.scan(m.run, m.comparisons ?? [], m.field);
    if (range.settle(m.run, m.comparisons ?? [], m.field, pointerHeld())) full = true;
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
