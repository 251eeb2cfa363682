import { axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import { linearProject, logProject } from '../charts/plain-scales';
import { decadeTicks, stepAxis } from '../charts/axis-ticks';
import type { LiveRun } from '../sim/sim-controller';
import { COLORS } from '../theme/colors';
import { lineColor } from '../theme/lecture-lines';
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
/** While a gesture is held, the faint runs drawn (of up to MAX_FAINT). */
const HELD_FAINT = 64;

export function createSeriesChart(node: HTMLDivElement, opts: SeriesOptions): Chart<SeriesModel> {
  const frame = new PlotFrame(node, { testId: opts.testId, label: opts.yLabel, canvases: 2, minHeight: 90 });
  let model: SeriesModel | null = null;

  // What is on the retained canvas.
  let runId = -1;
  let layoutKey = 0;
  let theory: TheoryLine[] = [];
  /** The theory's lines start at the runs' first recorded distance: computed once that exists. */
  let theoryReady = false;
  /** The axes' ranges and the data range they follow. */
  const range = new SeriesRange();
  let drawn = { sgd: 0, gd: 0 };
  /** The histories' epochs last drawn: a thinning moves every drawn point. */
  let epochs = { sgd: -1, gd: -1 };
  let axesKey = '';
  let topKey = '';
  let heldDrawAt = -Infinity;
  /** How many faint runs the retained canvas holds (0: none drawn yet). */
  let faintNow = 0;

  const x = () => scaleLinear().domain([0, range.xMax]).range([frame.plot.x, frame.plot.x + frame.plot.w]);
  const y = () => scaleLog().domain([range.yLo, range.yHi]).range([frame.plot.y + frame.plot.h, frame.plot.y]).clamp(true);
  // The same maps for the canvases' points (d3's pixels, without the cost of a d3 call per point).
  const px = () => linearProject(0, range.xMax, frame.plot.x, frame.plot.x + frame.plot.w);
  const py = () => logProject(range.yLo, range.yHi, frame.plot.y + frame.plot.h, frame.plot.y, true);

  // A drag has ended: the axes settle on the run as it is now.
  const offRelease = onPointerRelease(() => draw(true));

  function resetRun(run: LiveRun | null): void {
    runId = run ? run.id : -1;
    theory = run ? theoryLines(run) : [];
    theoryReady = false;
    range.reset();
    drawn = { sgd: 0, gd: 0 };
    epochs = { sgd: -1, gd: -1 };
    topKey = '';
  }

  /** The frame's margins, legend and plot area: laid out again only when the size, the mode or the legend's items change. */
  function layout(m: SeriesModel): boolean {
    // The widest decade label the y axis can show, so the plot does not move as the axis steps.
    const changed = frame.layout(m.lecture, { x: { ticks: [], titles: ['step t'] }, y: { ticks: ['1e-300'], titles: [opts.yLabel, opts.yShort] }, legend: seriesLegendItems(m, theory) });
    if (changed) {
      layoutKey++;
      axesKey = '';
    }
    return changed;
  }

  function drawAxes(m: SeriesModel): void {
    const key = `${range.xMax}|${range.yLo}|${range.yHi}|${layoutKey}`;
    if (key === axesKey) return;
    axesKey = key;
    const { plot, type: t } = frame;
    frame.axis('x', stepAxis(x(), Math.max(2, Math.floor(plot.w / sizes(m.lecture).stepTickGap))));
    const tickValues = decadeTicks(range.yLo, range.yHi, plot.h, t.tick * 1.5);
    frame.axis('y', axisLeft(y()).tickValues(tickValues).tickFormat((v) => `1e${Math.round(Math.log10(Number(v)))}`));
  }

  function clip(ctx: CanvasRenderingContext2D): void {
    const { plot } = frame;
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
  }

  /** The faint SGD runs: whole (`full`) or only what was added since the last frame. */
  function drawRuns(m: SeriesModel, full: boolean): void {
    const sgd = m.run?.sgd;
    const ctx = frame.context(0);
    if (full) {
      ctx.clearRect(0, 0, frame.width, frame.height);
      drawn.sgd = 0;
      faintNow = 0;
    }
    if (!sgd || sgd.count === 0) return;
    const from = Math.max(0, drawn.sgd - 1);
    if (sgd.count - from < 2 && !full) return;
    const arr = seriesValues(sgd, m.field);
    // While a gesture is held a run lives a tenth of a second: its band is drawn from the first
    // HELD_FAINT runs (their opacity follows the count, so the band looks as dense), all of them
    // again when it is let go.
    // Chosen on a full redraw and kept for the segments appended after it, so one band is one opacity.
    if (full || faintNow === 0) faintNow = Math.min(sgd.K, gestureHeld() ? HELD_FAINT : MAX_FAINT);
    const faint = Math.min(sgd.K, faintNow);
    const xs = px();
    const ys = py();
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
    const ctx = frame.context(1);
    const { plot } = frame;
    ctx.clearRect(0, 0, frame.width, frame.height);
    if (!run) return;
    const xs = px();
    const ys = py();
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

  /** The faint band waits for the next animation frame (and is cleared meanwhile). */
  let bandPending = false;
  let destroyed = false;
  function drawBandNextFrame(): void {
    frame.context(0).clearRect(0, 0, frame.width, frame.height);
    drawn.sgd = 0;
    faintNow = 0;
    if (bandPending) return;
    bandPending = true;
    requestAnimationFrame(() => {
      bandPending = false;
      if (model && !destroyed) drawRuns(model, true);
    });
  }

  function draw(full: boolean): void {
    const m = model;
    if (!m) return;
    // While a pointer is held each run lives a tenth of a second (the run handle's spacing): its
    // faint lines are drawn ten times a second, not every frame, and in full when it is let go.
    const t = performance.now();
    if (gestureHeld() && !full && t - heldDrawAt < HELD_DRAW_MS) return;
    heldDrawAt = t;
    const newRun = (m.run?.id ?? -1) !== runId;
    if (newRun) {
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
    // A new run's first frame is the one the hand waits for: it shows the axes and the top lines,
    // and the faint band of its runs (most of a full redraw's work) follows in the next frame.
    if (newRun && (sgd?.K ?? 0) > 1) drawBandNextFrame();
    else if (!bandPending) drawRuns(m, full);
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
      frame.resize();
      draw(true);
    },
    destroy() {
      destroyed = true;
      offRelease();
      frame.destroy();
    },
  };
}
