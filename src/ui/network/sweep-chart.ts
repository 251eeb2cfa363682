import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import type { Chart } from '../charts/chart';
import type { LegendItem } from '../charts/legend';
import { PlotFrame } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
import { sizes } from '../theme/sizes';
import type { SweepPlotLine, SweepPlotModel, SweepPlotPoint, SweepPlotReference } from './sweep-plot-model';

/** A continuous scale over [lo, hi] of the values, log or linear, padded a little. */
function axis(log: boolean, values: number[]): ScaleContinuousNumeric<number, number> {
  const v = values.filter((x) => Number.isFinite(x) && (!log || x > 0));
  const lo = v.length ? Math.min(...v) : 1;
  const hi = v.length ? Math.max(...v) : 10;
  if (log) return scaleLog().domain([lo / 1.5, Math.max(hi * 1.5, lo * 10)]).nice();
  return scaleLinear().domain([Math.min(0, lo), Math.max(hi * 1.08, 1e-9)]).nice();
}

/** The legend: what each kind of mark present is, from the marks' own styles. */
export function sweepLegend(m: SweepPlotModel): LegendItem[] {
  const items: LegendItem[] = [];
  if (m.points.some((p) => p.optimiser === 'sgd')) items.push({ key: 'sgd', label: 'SGD minimum (with its intervals)', short: 'SGD', swatch: { kind: 'mark', shape: 'circle', fill: COLORS.sgdRun, stroke: COLORS.sgdRun } });
  if (m.points.some((p) => p.optimiser === 'gd')) items.push({ key: 'gd', label: 'GD minimum (with its intervals)', short: 'GD', swatch: { kind: 'mark', shape: 'square', fill: 'none', stroke: COLORS.gdRun } });
  if (m.lines.length > 0) items.push({ key: 'theory', label: 'theory (labelled at its end)', short: 'theory', swatch: { kind: 'line', color: COLORS.ink, dash: '8 5', width: 1.5 } });
  if (m.references.length > 0) items.push({ key: 'paper', label: 'the paper’s value (reference)', short: 'paper', swatch: { kind: 'area', fill: 'none', stroke: COLORS.reference, dash: '2 3' } });
  return items;
}

/** A point's colour: GD's or SGD's. */
const colour = (d: SweepPlotPoint) => (d.optimiser === 'gd' ? COLORS.gdRun : COLORS.sgdRun);

/**
 * A sweep drawn (sweep-plot-model.ts) on the PlotFrame (docs/architecture.md#charts):
 * the measured minima with their intervals as error bars (● SGD, □ GD), the theory's
 * lines dashed and labelled at their ends, and the paper's values as reference marks
 * (dotted outlines in the reference colour); the frame draws the legend.
 */
export function createSweepChart(node: HTMLDivElement): Chart<SweepPlotModel> {
  const frame = new PlotFrame(node, { label: 'sweep', minWidth: 260, minHeight: 180, compactBelow: { width: 0, height: 0 } });
  const refs = frame.marks.append('g');
  const lines = frame.marks.append('g');
  // Unclipped: a line's label sits past its end, in the right margin kept for it.
  const lineLabels = frame.over.append('g');
  const marks = frame.over.append('g');
  let model: SweepPlotModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const sw = sizes(m.lecture).stroke;
    frame.svg.attr('aria-label', m.title);
    const xs = [...m.points.flatMap((p) => [p.x0, p.x1]), ...m.lines.flatMap((l) => l.points.map((p) => p[0])), ...m.references.flatMap((r) => r.x)];
    const ys = [...m.points.flatMap((p) => [p.y0, p.y1]), ...m.lines.flatMap((l) => l.points.map((p) => p[1])), ...m.references.flatMap((r) => r.y)];
    const x = axis(m.xLog, xs);
    const y = axis(m.yLog, ys);
    const yFormat = y.tickFormat(5, m.yLog ? '~g' : undefined);
    frame.layout(m.lecture, { x: { ticks: [], titles: [m.xLabel] }, y: { ticks: y.ticks(5).map(yFormat), titles: [m.yLabel] }, legend: sweepLegend(m), top: 10, right: 70 });
    const { plot, type } = frame;
    x.range([plot.x, plot.x + plot.w]);
    y.range([plot.y + plot.h, plot.y]);
    frame.axis('x', axisBottom(x).ticks(5, m.xLog ? '~g' : undefined));
    frame.axis('y', axisLeft(y).ticks(5, m.yLog ? '~g' : undefined));

    // The paper's values: a dotted box (a cross when it is one point), its label as a tooltip.
    const r = refs.selectAll<SVGGElement, SweepPlotReference>('g').data(m.references, (d) => d.label);
    r.exit().remove();
    const rIn = r.enter().append('g').attr('data-testid', 'sweep-reference');
    rIn.append('rect').attr('fill', 'none').attr('stroke-dasharray', '2 3');
    rIn.append('title');
    const rAll = rIn.merge(r);
    rAll.select('title').text((d) => `paper (reference): ${d.label}`);
    rAll
      .select('rect')
      .attr('stroke', COLORS.reference)
      .attr('stroke-width', 2 * sw)
      .attr('x', (d) => x(d.x[0]) - 4)
      .attr('y', (d) => y(d.y[1]) - 4)
      .attr('width', (d) => x(d.x[1]) - x(d.x[0]) + 8)
      .attr('height', (d) => y(d.y[0]) - y(d.y[1]) + 8);

    const path = line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    const l = lines.selectAll<SVGGElement, SweepPlotLine>('g').data(m.lines, (d) => d.id);
    l.exit().remove();
    const lIn = l.enter().append('g').attr('data-testid', 'sweep-line');
    lIn.append('path').attr('fill', 'none').attr('stroke-dasharray', '8 5');
    const lAll = lIn.merge(l);
    lAll.attr('data-line', (d) => d.id);
    lAll.select('path').attr('stroke', COLORS.ink).attr('stroke-width', 1.5 * sw).attr('d', (d) => path(d.points));
    lineLabels
      .selectAll<SVGTextElement, SweepPlotLine>('text')
      .data(m.lines, (d) => d.id)
      .join('text')
      .attr('data-line-label', (d) => d.id)
      .attr('font-size', type.tick)
      .attr('x', (d) => x(d.points.at(-1)![0]) + 4)
      .attr('y', (d) => y(d.points.at(-1)![1]) + 4)
      .text((d) => d.label);

    const p = marks.selectAll<SVGGElement, SweepPlotPoint>('g').data(m.points);
    p.exit().remove();
    const pIn = p.enter().append('g');
    pIn.append('path').attr('class', 'bar').attr('fill', 'none');
    pIn.append('path').attr('class', 'mark');
    const pAll = pIn.merge(p);
    pAll.attr('data-testid', (d) => `sweep-point-${d.optimiser}`);
    pAll
      .select('.bar')
      .attr('stroke', colour)
      .attr('stroke-width', sw)
      .attr('d', (d) => `M${x(d.x)},${y(d.y0)}V${y(d.y1)}M${x(d.x0)},${y(d.y)}H${x(d.x1)}`);
    pAll
      .select('.mark')
      .attr('fill', (d) => (d.optimiser === 'gd' ? 'none' : colour(d)))
      .attr('stroke', colour)
      .attr('stroke-width', 1.5 * sw)
      .attr('d', (d) => (d.optimiser === 'gd' ? `M${x(d.x) - 4},${y(d.y) - 4}h8v8h-8z` : `M${x(d.x) - 4},${y(d.y)}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0`));
  }

  return {
    update(next) {
      model = next;
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
