import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { Rectangle } from '../../core/stability-region';
import { COLORS } from '../theme/colors';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { gapSpaced, labelSpaced } from '../charts/axis-ticks';
import { sizes } from '../theme/sizes';

/** A minimum some run ended in, at its (a, s), with how many SGD and GD runs ended there. */
export interface SelectedPoint {
  label: string;
  a: number;
  s: number;
  sgd: number;
  gd: number;
  /** An estimate's intervals, drawn as error bars (a network's measured minima: src/ui/network/NetworkView.tsx). */
  aRange?: [number, number];
  sRange?: [number, number];
}

export interface ScatterModel {
  points: SelectedPoint[];
  /** The current rectangle (Wu eq. 9): a ≤ 2/η, s ≤ 1/(η√c). */
  rect: Rectangle;
  runs: number;
  lecture: boolean;
}

/** The scatter's legend: what each mark is, from the marks' own styles (the error bars only when some point has them). */
function scatterLegend(sw: number, ranged: boolean): LegendItem[] {
  const bars: LegendItem[] = ranged ? [{ key: 'interval', label: 'estimate’s interval', short: 'interval', swatch: { kind: 'line', color: COLORS.ink, width: sw } }] : [];
  return [
    { key: 'sgd', label: 'SGD (area ∝ runs)', short: 'SGD', swatch: { kind: 'mark', shape: 'circle', fill: COLORS.sgdRun, stroke: COLORS.ink } },
    { key: 'gd', label: 'GD', swatch: { kind: 'mark', shape: 'square', fill: 'none', stroke: COLORS.gdRun } },
    { key: 'rect', label: 'SGD rectangle (theory)', short: 'rectangle', swatch: { kind: 'area', fill: COLORS.sgdFill, stroke: COLORS.sgd } },
    { key: 'edge', label: 'GD’s edge a = 2/η', short: 'a = 2/η', swatch: { kind: 'line', color: COLORS.gd, dash: '8 5', width: 2.5 * sw } },
    ...bars,
  ];
}

/**
 * The end of an axis from `lo` that leaves `reach` pixels of a `length`-pixel axis beyond the value v
 * (on a linear axis, v sits at length·(v − lo)/(end − lo) from its start); v itself when the axis is too short.
 */
export function edgeFor(v: number, lo: number, reach: number, length: number): number {
  return length > reach ? lo + ((v - lo) * length) / (length - reach) : v;
}

/**
 * The selected minima on the sharpness–non-uniformity plane, like Wu Fig. 6:
 * SGD's as filled discs, GD's as open squares, area ∝ runs, with the current
 * rectangle and GD's edge a = 2/η drawn from theory beside them.
 */
export function createSelectionScatter(node: HTMLDivElement): Chart<ScatterModel> {
  const frame = new PlotFrame(node, { label: 'selected minima on the sharpness–non-uniformity plane', minWidth: 260, minHeight: 150, compactBelow: { width: 0, height: 0 } });
  frame.svg.attr('data-testid', 'selection-scatter');
  const rect = frame.marks.append('rect').attr('data-testid', 'scatter-rectangle').attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd);
  const gdLine = frame.marks.append('line').attr('stroke', COLORS.gd).attr('stroke-dasharray', '8 5');
  const bars = frame.over.append('g').attr('data-testid', 'error-bars');
  const gdMarks = frame.over.append('g');
  const sgdMarks = frame.over.append('g');
  let model: ScatterModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const z = sizes(m.lecture);
    const sw = z.stroke;
    const finite = Number.isFinite(m.rect.nonUniformityMax);
    const xMax = Math.max(m.rect.sharpnessMax * 1.1, ...m.points.map((p) => p.a * 1.1), 1e-9);
    const yMax = Math.max(finite ? m.rect.nonUniformityMax * 1.15 : 0, ...m.points.map((p) => p.s * 1.15), xMax / 4);
    // Zoom to the selected minima when they cluster far from the origin (as Wu Fig. 6 does).
    const minA = Math.min(...m.points.map((p) => p.a));
    const minS = Math.min(...m.points.map((p) => p.s));
    const xLo = m.points.length && minA > 0.5 * xMax ? 0.9 * minA : 0;
    const yLo = m.points.length && minS > 0.5 * yMax ? 0.9 * minS : 0;
    const x = scaleLinear().domain([xLo, xMax]).nice();
    const y = scaleLinear().domain([yLo, yMax]).nice();
    const layout = () => frame.layout(m.lecture, { x: { ticks: [], titles: ['sharpness a'] }, y: { ticks: y.ticks(10).map(y.tickFormat(10)), titles: ['non-uniformity s', 's'] }, legend: scatterLegend(sw, m.points.some((p) => p.aRange || p.sRange)), top: 10 });
    layout();
    const r = scaleSqrt().domain([0, Math.max(1, m.runs)]).range([0, z.scatter.bubble]);
    // A mark is drawn at a fixed size in pixels (a disc or square of half-width ρ, plus its stroke): where one
    // would cross the plot's top or right edge, the domain grows until the whole mark is inside.
    const reach = (p: SelectedPoint) => Math.max(z.scatter.bubbleMin, r(Math.max(p.sgd, p.gd))) + 2.5 * sw;
    const top = Math.max(y.domain()[1], ...m.points.map((p) => edgeFor(p.s, y.domain()[0], reach(p), frame.plot.h)));
    if (top > y.domain()[1]) {
      y.domain([y.domain()[0], top]).nice();
      layout();
    }
    const right = Math.max(x.domain()[1], ...m.points.map((p) => edgeFor(p.a, x.domain()[0], reach(p), frame.plot.w)));
    if (right > x.domain()[1]) x.domain([x.domain()[0], right]).nice();
    const { plot, type, width } = frame;
    const mg = { r: width - plot.x - plot.w, t: plot.y };
    x.range([plot.x, plot.x + plot.w]);
    y.range([plot.y + plot.h, plot.y]);
    frame.axis('x', axisBottom(x).tickValues(labelSpaced(x.ticks(6), (v) => x(v), (v) => String(v), type.tick)));
    frame.axis('y', axisLeft(y).tickValues(gapSpaced(y.ticks(5), (v) => y(v), type.label * 1.3)).tickFormat(y.tickFormat(10)));
    const rectTop = finite ? y(Math.min(m.rect.nonUniformityMax, y.domain()[1])) : mg.t;
    const x0 = x(x.domain()[0]);
    const y0 = y(y.domain()[0]);
    rect
      .attr('x', x0)
      .attr('y', rectTop)
      .attr('width', Math.max(0, Math.min(x(m.rect.sharpnessMax), width - mg.r) - x0))
      .attr('height', Math.max(0, y0 - rectTop))
      .attr('stroke-width', 3 * sw)
      .attr('fill', finite ? COLORS.sgdFill : 'none')
      .attr('stroke', finite ? COLORS.sgd : 'none');
    const xa = x(m.rect.sharpnessMax);
    gdLine.attr('x1', xa).attr('x2', xa).attr('y1', mg.t).attr('y2', y0).attr('stroke-width', 2.5 * sw).attr('display', xa <= width - mg.r ? null : 'none');

    // Error bars: the interval of each estimate, horizontal for a and vertical for s (with end ticks, so a bar shorter than its mark still shows as a tick pair).
    const ranged = m.points.filter((p) => p.aRange || p.sRange);
    const bar = bars.selectAll<SVGPathElement, SelectedPoint>('path').data(ranged, (p) => p.label);
    bar.exit().remove();
    bar
      .enter()
      .append('path')
      .attr('data-testid', 'error-bar')
      .attr('fill', 'none')
      .merge(bar)
      .attr('stroke', COLORS.ink)
      .attr('stroke-width', sw)
      .attr('d', (p) => {
        const [a0, a1] = p.aRange ?? [p.a, p.a];
        const [s0, s1] = p.sRange ?? [p.s, p.s];
        const t = 4;
        return `M${x(a0)},${y(p.s)}H${x(a1)}M${x(a0)},${y(p.s) - t}V${y(p.s) + t}M${x(a1)},${y(p.s) - t}V${y(p.s) + t}M${x(p.a)},${y(s0)}V${y(s1)}M${x(p.a) - t},${y(s0)}H${x(p.a) + t}M${x(p.a) - t},${y(s1)}H${x(p.a) + t}`;
      });
    const sgd = sgdMarks.selectAll<SVGCircleElement, SelectedPoint>('circle').data(m.points.filter((p) => p.sgd > 0), (p) => p.label);
    sgd.exit().remove();
    sgd
      .enter()
      .append('circle')
      .attr('data-testid', 'selected-sgd')
      .merge(sgd)
      .attr('cx', (p) => x(p.a))
      .attr('cy', (p) => y(p.s))
      .attr('r', (p) => Math.max(z.scatter.bubbleMin, r(p.sgd)))
      .attr('fill', COLORS.sgdRun)
      .attr('fill-opacity', 0.55)
      .attr('stroke', COLORS.ink)
      .attr('stroke-width', sw)
      .attr('data-count', (p) => p.sgd);
    const gd = gdMarks.selectAll<SVGRectElement, SelectedPoint>('rect').data(m.points.filter((p) => p.gd > 0), (p) => p.label);
    gd.exit().remove();
    gd.enter()
      .append('rect')
      .attr('data-testid', 'selected-gd')
      .merge(gd)
      .attr('x', (p) => x(p.a) - Math.max(z.scatter.bubbleMin, r(p.gd)))
      .attr('y', (p) => y(p.s) - Math.max(z.scatter.bubbleMin, r(p.gd)))
      .attr('width', (p) => 2 * Math.max(z.scatter.bubbleMin, r(p.gd)))
      .attr('height', (p) => 2 * Math.max(z.scatter.bubbleMin, r(p.gd)))
      .attr('fill', 'none')
      .attr('stroke', COLORS.gdRun)
      .attr('stroke-width', 2.5 * sw)
      .attr('data-count', (p) => p.gd);
  }

  return {
    update(m) {
      model = m;
      draw();
    },
    resize() {
      frame.resize();
      draw();
    },
    destroy() {
      frame.destroy();
    },
  };
}
