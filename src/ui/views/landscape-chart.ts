import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import { spacedTicks } from '../charts/axis-ticks';
import type { LiveRun } from '../sim/sim-controller';
import type { RunBuffers } from '../sim/run-buffers';
import type { ScrubAt } from '../sim/scrub';
import { COLORS } from '../theme/colors';
import { lineColor } from '../theme/lecture-lines';
import { textWidth } from '../theme/text-width';
import { drawContours, drawDots, evenly, strokePath, type Dot } from './landscape-draw';
import { placeRuns, scrubProbe } from './landscape-points';
import { sizes } from '../theme/sizes';

/** GD's path on the landscape: dashes of 3 and gaps of 2 line widths. */
const GD_DASH = [3, 2] as const;

export interface LandscapeModel {
  run: LiveRun | null;
  lecture: boolean;
  coords: [number, number];
  /** The time scrubber's recorded step (absent or null: the views follow the run). */
  scrub?: ScrubAt | null;
}


/**
 * The landscape and the iterates. 1D: the curve f(x) with GD and SGD run 0 on
 * it, and run 0's path below. 2D: a contour map (d3-contour) with the minima,
 * both paths and every SGD run's current point; zoom and pan. Beyond 2D: two
 * chosen coordinates of the paths and current points.
 */
export function createLandscapeChart(box: HTMLDivElement): Chart<LandscapeModel> {
  // What moves every frame — the paths of run 0 and GD (up to 20 000 points) and every run's current
  // point — on one canvas over the SVG: one bitmap for the browser to upload per frame, and no SVG
  // rebuilt per streamed frame. Pointer events pass through to the SVG's zoom.
  const frame = new PlotFrame(box, { testId: 'landscape-view', label: 'the landscape and the iterates', canvases: 1, canvasesAbove: true, minWidth: 200, minHeight: 150 });
  const svg = frame.svg;
  const zoomed = frame.marks.append('g');
  const contourG = zoomed.append('g');
  const curve = zoomed.append('path').attr('fill', 'none').attr('stroke', COLORS.ink);
  const minimaG = zoomed.append('g');
  const lower = frame.over.append('g');
  const lowerAxis = lower.append('g').attr('class', 'axis');
  const lowerLabel = lower.append('text');
  let drawnAxes = '';
  let drawnStrip = '';
  let drawnMinima = '';
  let drawnTitle = '';
  let drawnCurve: { L: unknown; axes: string } = { L: null, axes: '' };
  const title = frame.over.append('text').attr('font-weight', 600);
  let transform: ZoomTransform = zoomIdentity;
  let last: { run: LiveRun | null; lecture: boolean; coords: [number, number] } = { run: null, lecture: false, coords: [0, 1] };
  let contourKey: unknown = null;
  let scrub: ScrubAt | null = null;
  const scrubNote = frame.over.append('text').attr('data-testid', 'landscape-scrub-note').attr('fill', COLORS.ink);
  const z = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 50])
    .on('zoom', (ev) => {
      transform = ev.transform;
      draw(last.run, last.lecture, last.coords);
    });
  svg.call(z);

  /** How many of a path's points are drawn: all of them, or those up to the scrubbed step. */
  function pathPoints(b: RunBuffers): number {
    return scrub === null ? b.trailStep.length : b.trailPointsUpTo(scrub.t);
  }

  function draw(run: LiveRun | null, lecture: boolean, coords: [number, number]): void {
    last = { run, lecture, coords };
    if (!run) return;
    const L = run.info.landscape;
    const dim = run.info.problem.dim;
    const oneD = L.kind === '1d';
    // The frame writes the SVG only when the size, the mode or this spec changed: any attribute written
    // on a streamed frame, even to its old value, made the browser lay out and repaint the whole chart.
    // 1D: below the curve, a strip of run 0's x along its path (about a third of the height).
    frame.layout(lecture, { x: { ticks: [] }, y: { ticks: ['−0.25'] }, top: (t) => Math.ceil(t.label * 1.5), right: 14, below: oneD ? (t, height) => (height - Math.ceil(t.label * 1.5) - t.tick * 1.6) * 0.36 + t.label * 1.4 : undefined });
    const { type, plot, width: w, height: h } = frame;
    const fs = type.label;
    const sw = type.stroke;
    const m = { l: plot.x, r: w - plot.x - plot.w, t: plot.y };
    const plotH = plot.h;
    const frameKey = `${w}x${h}|${lecture}|${run.info.problemKey}|${coords[0]},${coords[1]}|${plotH}`;
    const minima = run.info.minima;
    let x = scaleLinear().range([m.l, w - m.r]);
    let y = scaleLinear().range([m.t + plotH, m.t]);
    const sgd = run.sgd;
    const gd = run.gd;
    const [ci, cj] = coords;

    if (L.kind === '1d') {
      x.domain([L.x[0], L.x[L.x.length - 1]]);
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of L.f) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      y.domain([lo - 0.05 * (hi - lo || 1), hi + 0.05 * (hi - lo || 1)]);
    } else if (L.kind === '2d') {
      x.domain([L.x0, L.x1]);
      y.domain([L.y0, L.y1]);
    } else {
      let lo = [Infinity, Infinity];
      let hi = [-Infinity, -Infinity];
      const take = (p: number[] | Float64Array, o: number) => {
        lo = [Math.min(lo[0], p[o + ci]), Math.min(lo[1], p[o + cj])];
        hi = [Math.max(hi[0], p[o + ci]), Math.max(hi[1], p[o + cj])];
      };
      for (const mm of minima) take(mm.x, 0);
      if (sgd) for (let r = 0; r < sgd.K; r++) if (sgd.divergedStep[r] < 0) take(sgd.x, r * dim);
      const pad = (k: number) => Math.max(0.1, 0.08 * (hi[k] - lo[k]));
      x.domain([lo[0] - pad(0), hi[0] + pad(0)]);
      y.domain([lo[1] - pad(1), hi[1] + pad(1)]);
    }
    if (!oneD) {
      x = transform.rescaleX(x);
      y = transform.rescaleY(y);
    }
    // Axes, the curve and the strip's frame are rebuilt only when what they show changed:
    // every streamed frame rebuilding them was most of a drag's main-thread time (bench).
    const axesKey = `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${lecture}`;
    if (axesKey !== drawnAxes) {
      drawnAxes = axesKey;
      frame.axis('x', axisBottom(x).tickValues(spacedTicks(x, Math.floor(plot.w / sizes(lecture).tickGap), type.tick * 3)));
      frame.axis('y', axisLeft(y).tickValues(spacedTicks(y, oneD ? 4 : 6, type.tick * 1.4)));
    }
    if (frameKey !== drawnTitle) {
      drawnTitle = frameKey;
      drawTitle();
    }
    function drawTitle(): void {
    const titles = oneD
      ? ['f(x): SGD run 0 (blue dot), GD (red square)', 'f(x): SGD dot, GD square', 'f(x)']
      : L.kind === '2d'
        ? ['f(x, y): SGD (blue, solid), GD (red square, dashed); scroll zooms', 'f(x, y): SGD solid, GD dashed', 'f(x, y)']
        : [`coordinates x${ci + 1}, x${cj + 1} of the iterates (d = ${dim})`, `x${ci + 1}, x${cj + 1} (d = ${dim})`];
    title
      .attr('x', m.l)
      .attr('y', fs)
      .attr('font-size', fs)
      .text(titles.find((t) => textWidth(t, fs, '600') <= w - m.l - 4) ?? titles[titles.length - 1]);
    }

    // 2D contours of log(1 + f − min f), recomputed only when the landscape or the size changes.
    if (L.kind === '2d') {
      const key = `${run.info.problemKey}:${w}:${h}:${transform.k}:${transform.x}:${transform.y}`;
      if (key !== contourKey) {
        contourKey = key;
        drawContours(contourG, L, x, y);
      }
    } else contourG.selectAll('*').remove();

    if (L !== drawnCurve.L || axesKey !== drawnCurve.axes) {
      drawnCurve = { L, axes: axesKey };
      curve
        .attr('display', oneD ? null : 'none')
        .attr('stroke-width', 2.5 * sw)
        .attr('d', L.kind === '1d' ? (line()(Array.from(L.x, (xv, i) => [x(xv), y(L.f[i])] as [number, number]).filter(([, py]) => Number.isFinite(py))) ?? '') : '');
    }

    // Minima.
    const fAt = (xv: number) => {
      if (L.kind !== '1d') return 0;
      const i = Math.round(((xv - L.x[0]) / (L.x[L.x.length - 1] - L.x[0])) * (L.x.length - 1));
      return L.f[Math.max(0, Math.min(L.x.length - 1, i))];
    };
    const minimaKey = `${run.id}|${axesKey}|${oneD}|${ci},${cj}`;
    if (minimaKey !== drawnMinima) drawnMinima = minimaKey;
    else return drawDynamic();
    minimaG
      .selectAll('circle')
      .data(minima.slice(0, 400))
      .join('circle')
      .attr('r', 6 * sw)
      .attr('fill', 'none')
      .attr('stroke', (d) => (d.stableSGD ? COLORS.stable : d.stableGD ? COLORS.gdOnly : COLORS.unstable))
      .attr('stroke-width', 2.5 * sw)
      .attr('cx', (d) => x(d.x[oneD ? 0 : ci]))
      .attr('cy', (d) => (oneD ? y(fAt(d.x[0])) : y(d.x[cj])));

    drawDynamic();

    /** What moves every frame: the paths and the current points (canvas), and the 1D strip. */
    function drawDynamic(): void {
      const pc = frame.context(0);
      pc.clearRect(0, 0, w, h);
      const stroke = (list: Array<[number, number]>, color: string, dash?: readonly number[]) => strokePath(pc, list, lineColor(color, lecture), 2 * sw, dash);
      // Paths of run 0 (SGD) and GD in 2D and beyond.
      if (!oneD) {
        pc.save();
        pc.beginPath();
        pc.rect(m.l, m.t, w - m.l - m.r, plotH);
        pc.clip();
        pc.globalAlpha = sizes(lecture).trailAlpha;
        // GD's path dashed, SGD's solid: the two are not told apart by colour alone (README "Accessibility").
        for (const [b, color, dash] of [[gd, COLORS.gdRun, GD_DASH], [sgd, COLORS.sgdRun, undefined]] as const) if (b) stroke(evenly(pathPoints(b), (p) => [x(b.trail[p * dim + ci]), y(b.trail[p * dim + cj])]), color, dash);
        pc.restore();
      }

      // Current points: every SGD run (faint) and GD.
      const cur: Dot[] = [];
      const place = (xs: ArrayLike<number>, o: number, color: string, rad: number, op: number, square?: boolean) => {
        const px = x(xs[o + (oneD ? 0 : ci)]);
        const py = oneD ? y(fAt(xs[o])) : y(xs[o + cj]);
        if (Number.isFinite(px) && Number.isFinite(py)) cur.push({ px, py, color, r: rad, op, square });
      };
      const { missing } = placeRuns(sgd, gd, scrub, dim, place);
      const two = (xs: ArrayLike<number>, o: number) => (oneD ? String(xs[o]) : `${xs[o + ci]},${xs[o + cj]}`);
      // For the browser tests: the coordinates drawn for runs 0 and 1 at the scrubbed step.
      const probe = scrub === null || !sgd ? '' : scrubProbe(sgd, scrub, dim, two);
      if ((box.getAttribute('data-at-t') ?? '') !== probe) box.setAttribute('data-at-t', probe);
      const note = missing ? 'at t: run 0 and GD only (the other runs’ iterates are not kept at this size)' : '';
      if (scrubNote.text() !== note) scrubNote.text(note);
      if (note) scrubNote.attr('x', m.l + 6).attr('y', m.t + type.tick * 1.4).attr('font-size', type.tick);
      const scrubMark = scrub === null ? '' : String(scrub.t);
      if ((box.getAttribute('data-scrub-t') ?? '') !== scrubMark) box.setAttribute('data-scrub-t', scrubMark);
      drawDots(pc, cur, sw, { x: m.l, y: m.t, w: w - m.l - m.r, h: plotH });
      if (box.getAttribute('data-dots') !== String(cur.length)) box.setAttribute('data-dots', String(cur.length));

      // 1D: run 0's x along its recorded path, below the curve.
      if (!(oneD && sgd)) {
        lower.attr('display', 'none');
        return;
      }
      lower.attr('display', null);
      const top = m.t + plotH + type.tick * 2 + fs * 1.4;
      const bh = Math.max(20, h - top - type.tick);
      const N = Math.max(sgd.trailStep.length, gd ? gd.trailStep.length : 0, 2);
      const tx = scaleLinear().domain([0, N - 1]).range([m.l, w - m.r]);
      const ty = scaleLinear().domain(x.domain()).range([top + bh, top]);
      const stripKey = `${ty.domain()}|${ty.range()}|${lecture}|${w}`;
      if (stripKey !== drawnStrip) {
        drawnStrip = stripKey;
        lowerAxis.attr('transform', `translate(${m.l},0)`).call(axisLeft(ty).tickValues(spacedTicks(ty, 3, type.tick * 1.4))).selectAll('text').attr('font-size', type.tick);
        const labels = ['x along the path (recorded points, oldest left)', 'x along the path', 'x(t)'];
        lowerLabel
          .attr('x', m.l)
          .attr('y', top - type.tick * 0.6)
          .attr('font-size', fs)
          .text(labels.find((t) => textWidth(t, fs) <= w - m.l - 4) ?? 'x(t)');
      }
      const [lo, hi] = ty.domain();
      const clampY = (v: number) => ty(Math.max(lo, Math.min(hi, v)));
      for (const [b, color] of [[gd, COLORS.gdRun], [sgd, COLORS.sgdRun]] as const) if (b) stroke(evenly(pathPoints(b), (p) => [tx(p), clampY(b.trail[p])]), color);
    }
  }

  return {
    update(model) {
      scrub = model.scrub ?? null;
      draw(model.run, model.lecture, model.coords);
    },
    resize() {
      frame.resize();
      contourKey = null;
      drawnAxes = '';
      drawnStrip = '';
      drawnMinima = '';
      drawnTitle = '';
      draw(last.run, last.lecture, last.coords);
    },
    destroy() {
      frame.destroy();
    },
  };
}
