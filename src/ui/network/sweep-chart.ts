import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { nodeSize, type Chart } from '../charts/chart';
import { COLORS } from '../theme/colors';
import { sizes } from '../theme/sizes';
import type { SweepPlotLine, SweepPlotModel, SweepPlotPoint, SweepPlotReference } from './sweep-plot-model';

/** A continuous scale over [lo, hi] of the values, log or linear, padded a little. */
function axis(log: boolean, values: number[], range: [number, number]): ScaleContinuousNumeric<number, number> {
  const v = values.filter((x) => Number.isFinite(x) && (!log || x > 0));
  const lo = v.length ? Math.min(...v) : 1;
  const hi = v.length ? Math.max(...v) : 10;
  if (log) return scaleLog().domain([lo / 1.5, Math.max(hi * 1.5, lo * 10)]).range(range).nice();
  return scaleLinear().domain([Math.min(0, lo), Math.max(hi * 1.08, 1e-9)]).range(range).nice();
}

/** A point's colour: GD's or SGD's. */
const colour = (d: SweepPlotPoint) => (d.optimiser === 'gd' ? COLORS.gdRun : COLORS.sgdRun);

/**
 * A sweep drawn (sweep-plot-model.ts): the measured minima with their intervals as
 * error bars (● SGD, □ GD), the theory's lines dashed and labelled, and the paper's
 * values as reference marks (dotted outlines in the reference colour, labelled as the paper's).
 */
export function createSweepChart(node: HTMLDivElement): Chart<SweepPlotModel> {
  const svg = select(node).append('svg').attr('role', 'img');
  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const refs = root.append('g');
  const lines = root.append('g');
  const marks = root.append('g');
  let width = 500;
  let height = 260;
  let model: SweepPlotModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const z = sizes(m.lecture);
    const font = z.scatter.font;
    const sw = z.stroke;
    const mg = { ...z.scatter.margin, r: 70 };
    svg.attr('width', width).attr('height', height).attr('aria-label', m.title);
    const xs = [...m.points.flatMap((p) => [p.x0, p.x1]), ...m.lines.flatMap((l) => l.points.map((p) => p[0])), ...m.references.flatMap((r) => r.x)];
    const ys = [...m.points.flatMap((p) => [p.y0, p.y1]), ...m.lines.flatMap((l) => l.points.map((p) => p[1])), ...m.references.flatMap((r) => r.y)];
    const x = axis(m.xLog, xs, [mg.l, width - mg.r]);
    const y = axis(m.yLog, ys, [height - mg.b, mg.t]);
    gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).ticks(5, m.xLog ? '~g' : undefined));
    gy.attr('transform', `translate(${mg.l},0)`).call(axisLeft(y).ticks(5, m.yLog ? '~g' : undefined));
    for (const g of [gx, gy]) g.selectAll('text').attr('font-size', font - 2);
    xLabel.attr('x', (mg.l + width - mg.r) / 2).attr('y', height - 8).attr('font-size', font).text(m.xLabel);
    yLabel.attr('transform', `translate(${z.yTitle},${(mg.t + height - mg.b) / 2}) rotate(-90)`).attr('font-size', font).text(m.yLabel);

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
    lIn.append('text');
    const lAll = lIn.merge(l);
    lAll.attr('data-line', (d) => d.id);
    lAll.select('path').attr('stroke', COLORS.ink).attr('stroke-width', 1.5 * sw).attr('d', (d) => path(d.points));
    lAll
      .select('text')
      .attr('font-size', font - 3)
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
      ({ width, height } = nodeSize(node, 260, 180));
      draw();
    },
    destroy() {
      svg.remove();
    },
  };
}
