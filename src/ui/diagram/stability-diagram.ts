import { axisBottom, axisLeft } from 'd3-axis';
import { onPointerRelease, pointerHeld } from '../charts/pointer-held';
import { drag } from 'd3-drag';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { batchFactor } from '../../core/batch-factor';
import { batchForHeight, exactRegionBoundary, stabilityRectangle } from '../../core/stability-region';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { DiagramModel } from './diagram-model';
import { coarse, type DiagramFrame, type Scale } from './diagram-frame';
import { drawComparisons, drawFamily, drawMinima, drawReferences } from './diagram-marks';
import { drawLabels, drawPoint } from './diagram-labels';
import { legendItems } from './diagram-legend';
import { targetDomain } from './diagram-domain';
import { diagramLayers } from './diagram-layers';
import { sizes } from '../theme/sizes';
import { glideMs } from '../a11y/motion';

export interface DiagramHandlers {
  /** The corner was dragged to (a, s): η = 2/a and the B whose height is s. */
  corner(eta: number, B: number): void;
  /** The hand-placed point was dragged. */
  point(a: number, s: number): void;
}

export type DiagramHandle = Chart<DiagramModel>;

const ANIMATE_MS = 280;

/**
 * Wu–Ma–E's sharpness–non-uniformity diagram (§3.1, eq. 9, Fig. 3): the SGD
 * rectangle, GD's strip, the exact 1D region, a Fig. 3 family, the minima of
 * the current problem and a hand-placed point. D3 owns the SVG; React only
 * passes models in. The axes glide to a new range when η or B moves by orders
 * of magnitude, and hold still while the corner is being dragged.
 */
export function createStabilityDiagram(node: HTMLDivElement, handlers: DiagramHandlers): DiagramHandle {
  const frame = new PlotFrame(node, { label: 'sharpness–non-uniformity diagram', legendTestId: 'diagram-legend', minWidth: 240, minHeight: 200, compactBelow: { width: 520, height: 360 } });
  const { svg, hatchId, hatchLine, gdStrip, refs, family, rect, ellipse, gdLine, compareRects, minimaG, compareCorners, cornerLabel, corner, pointG, pointMark, pointLabel, leaders } = diagramLayers(frame);

  let model: DiagramModel | null = null;
  let shown = { x: 1, y: 1 }; // current domain tops (linear) — animated toward the target
  let target = { x: 1, y: 1 };
  let dragging = false;
  let drawnAxes = '';
  // A slider drag holds the axes as a corner drag does; they glide to the new η when it is let go.
  const offRelease = onPointerRelease(() => retarget());
  let anim = 0;
  let x: Scale = scaleLinear();
  let y: Scale = scaleLinear();
  const xTitles = ['sharpness a = λmax(H)', 'sharpness a', 'a'];
  const yTitles = ['non-uniformity s = √λmax(Σ)', 'non-uniformity s', 'non-unif. s', 's'];
  /** The plot area as margins (the frame's), for the marks' helpers. */
  const margin = () => {
    const { plot, width, height } = frame;
    return { l: plot.x, t: plot.y, r: width - plot.x - plot.w, b: height - plot.y - plot.h };
  };

  /** Margins and the legend: the frame's, outside the data area by construction (docs/architecture.md#charts). */
  function layoutFor(m: DiagramModel): void {
    if (frame.layout(m.lecture, { x: { ticks: [], titles: xTitles }, y: { ticks: ['0.000'], titles: yTitles }, legend: legendItems(m, hatchId), legendShare: { bottom: 0.22, right: 0.3 }, top: (t) => Math.ceil(t.tick * 0.9), right: 16 }))
      svg.attr('viewBox', `0 0 ${frame.width} ${frame.height}`);
  }

  function scales(m: DiagramModel): void {
    const mg = margin();
    const { width, height } = frame;
    const xr = [mg.l, width - mg.r];
    const yr = [height - mg.b, mg.t];
    if (m.axes === 'log') {
      x = scaleLog().domain([shown.x / 1e3, shown.x]).range(xr).clamp(true);
      y = scaleLog().domain([shown.y / 1e3, shown.y]).range(yr).clamp(true);
    } else {
      x = scaleLinear().domain([0, shown.x]).range(xr);
      y = scaleLinear().domain([0, shown.y]).range(yr);
    }
  }

  function draw(): void {
    const m = model;
    if (!m) return;
    layoutFor(m);
    scales(m);
    const mg = margin();
    const { width, height, type: t } = frame;
    const sw = t.stroke;
    const r = stabilityRectangle(m.eta, m.n, m.B, m.sampling);
    const c = batchFactor(m.n, m.B, m.sampling);
    const a2 = r.sharpnessMax;
    const finite = Number.isFinite(r.nonUniformityMax);
    const yTop = y.range()[1];
    const x0 = x(m.axes === 'log' ? x.domain()[0] : 0);
    const y0 = y(m.axes === 'log' ? y.domain()[0] : 0);

    hatchLine.attr('stroke-width', 1.2 * sw);

    const fontPx = t.label;
    const plotW = width - mg.l - mg.r;
    const plotH = height - mg.t - mg.b;
    // The axes are rebuilt only when they change: while η is dragged they hold still, and
    // rebuilding them on every input was most of a drag's main-thread time (bench).
    const axesKey = `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${m.axes}|${t.tick}|${sw}|${width}`;
    if (axesKey !== drawnAxes) {
      drawnAxes = axesKey;
      frame.axis('x', axisBottom(x).ticks(Math.max(2, Math.min(m.axes === 'log' ? 6 : 10, Math.floor(plotW / (t.tick * 4.5)))), m.axes === 'log' ? '~g' : undefined));
      frame.axis('y', axisLeft(y).ticks(Math.max(2, Math.min(m.axes === 'log' ? 6 : 8, Math.floor(plotH / (t.tick * 2.2)))), m.axes === 'log' ? '~g' : undefined));
    }

    // GD's strip 0 ≤ a ≤ 2/η, all heights (Wu §3.1).
    gdStrip.attr('x', x0).attr('y', yTop).attr('width', Math.max(0, x(a2) - x0)).attr('height', Math.max(0, y0 - yTop));
    gdLine.attr('x1', x(a2)).attr('x2', x(a2)).attr('y1', yTop).attr('y2', y0).attr('stroke-width', 2.5 * sw);

    // Wu eq. 9: 0 ≤ a ≤ 2/η, 0 ≤ s ≤ 1/(η√c).
    const top = finite ? y(r.nonUniformityMax) : yTop;
    rect
      .attr('display', finite ? null : 'none')
      .attr('x', x0)
      .attr('y', top)
      .attr('width', Math.max(0, x(a2) - x0))
      .attr('height', Math.max(0, y0 - top))
      .attr('stroke-width', 3 * sw);

    // The exact 1D region (1 − ηa)² + η²c s² ≤ 1 (Wu eqs. 1–3).
    const boundary = exactRegionBoundary(m.eta, c, m.axes === 'log' ? 721 : 241).filter(([, s]) => m.axes !== 'log' || s > 0);
    ellipse
      .attr('display', boundary.length ? null : 'none')
      .attr('d', boundary.length ? line()(boundary.map(([a, s]) => [x(a), y(s)] as [number, number])) + 'Z' : '')
      .attr('stroke-width', 2.5 * sw);

    const f: DiagramFrame = { x, y, width, height, margin: mg, type: t, sw, fontPx };
    drawFamily(family, m, f);
    drawReferences(refs, m, f);

    // The corner handle and its label with both values.
    const cy = finite ? y(r.nonUniformityMax) : yTop + 12;
    corner
      .attr('cx', x(a2))
      .attr('cy', Math.max(yTop, cy))
      .attr('r', sizes(m.lecture).handle * (coarse ? 1.6 : 1))
      .attr('stroke-width', 2 * sw)
      .attr('data-eta', m.eta)
      .attr('data-b', m.B)
      .attr('data-a', a2)
      .attr('data-s', finite ? r.nonUniformityMax : 'Infinity');
    drawComparisons(compareRects, compareCorners, m, f, x0, y0, yTop);
    drawMinima(minimaG, m, f);
    const pointBox = drawPoint({ pointG, pointMark, pointLabel }, m, f);
    drawLabels({ cornerLabel, minimaG, leaders }, m, f, r, finite, Math.max(yTop, cy), pointBox);
  }















  // Dragging the corner: η from a = 2/η, B the nearest integer for the height (clamped to 1..n).
  corner.call(
    drag<SVGCircleElement, unknown>()
      .on('start', (ev) => {
        dragging = true;
        ev.sourceEvent?.stopPropagation?.();
      })
      .on('drag', (ev) => {
        const m = model;
        if (!m) return;
        const a = x.invert(Math.max(margin().l + 4, ev.x));
        const s = y.invert(Math.min(frame.height - margin().b - 4, ev.y));
        const eta = 2 / Math.max(a, 1e-12);
        const b = batchForHeight(s, eta, m.n, m.sampling);
        const B = Math.min(m.n, Math.max(1, Math.round(Number.isFinite(b) ? b : m.n)));
        handlers.corner(Math.min(100, Math.max(1e-3, eta)), B);
      })
      .on('end', () => {
        dragging = false;
        retarget();
      }),
  );

  pointMark.call(
    drag<SVGCircleElement, unknown>()
      .on('start', (ev) => {
        dragging = true;
        ev.sourceEvent?.stopPropagation?.();
      })
      .on('drag', (ev) => {
        const a = Math.max(0, x.invert(ev.x));
        const s = Math.max(0, y.invert(ev.y));
        handlers.point(Number(a.toPrecision(4)), Number(s.toPrecision(4)));
      })
      .on('end', () => {
        dragging = false;
        retarget();
      }),
  );

  function retarget(): void {
    if (!model || dragging || pointerHeld()) return;
    target = targetDomain(model);
    if (Math.abs(Math.log(target.x / shown.x)) < 1e-9 && Math.abs(Math.log(target.y / shown.y)) < 1e-9) return;
    const from = { ...shown };
    const t0 = performance.now();
    cancelAnimationFrame(anim);
    const tick = () => {
      const ms = glideMs(ANIMATE_MS); // 0 under prefers-reduced-motion: the axes jump (a11y/motion.ts)
      const u = ms === 0 ? 1 : Math.min(1, (performance.now() - t0) / ms);
      const e = u * u * (3 - 2 * u);
      shown = { x: from.x * Math.pow(target.x / from.x, e), y: from.y * Math.pow(target.y / from.y, e) };
      draw();
      if (u < 1) anim = requestAnimationFrame(tick);
    };
    anim = requestAnimationFrame(tick);
  }

  return {
    update(m) {
      const first = model === null;
      model = m;
      if (first) {
        shown = targetDomain(m);
        target = shown;
      }
      draw(); // within this frame, at the current axes
      retarget();
    },
    resize() {
      frame.resize();
      draw();
    },
    destroy() {
      offRelease();
      cancelAnimationFrame(anim);
      frame.destroy();
    },
  };
}
