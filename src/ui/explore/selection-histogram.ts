import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { gapSpaced } from '../charts/axis-ticks';
import { COLORS } from '../theme/colors';
import type { SelectionBar } from './selection-bars';

export interface HistogramModel {
  bars: SelectionBar[];
  /** Runs per optimiser (the y axis' top). */
  runs: number;
  lecture: boolean;
}


/** Which minimum each run ended in: SGD's bar beside GD's, the diverged and still-moving runs apart. */
export function createSelectionHistogram(node: HTMLDivElement): Chart<HistogramModel> {
  const frame = new PlotFrame(node, { label: 'histogram of the minimum each run ended in, SGD beside GD', minWidth: 300, minHeight: 160, compactBelow: { width: 0, height: 0 } });
  frame.svg.attr('data-testid', 'selection-histogram');
  const barsG = frame.over.append('g');
  let model: HistogramModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const many = m.bars.length > 8;
    const top = Math.max(1, ...m.bars.map((b) => Math.max(b.sgd, b.gd)));
    const yDomain = scaleLinear().domain([0, top]).nice().domain();
    const legend: LegendItem[] = [
      { key: 'sgd', label: 'SGD', swatch: { kind: 'area', fill: COLORS.sgdRun, stroke: COLORS.ink } },
      { key: 'gd', label: 'GD', swatch: { kind: 'area', fill: COLORS.gdRun, stroke: COLORS.ink } },
      { key: 'apart', label: 'diverged, still moving (pale)', short: 'pale: not settled', swatch: { kind: 'area', fill: COLORS.sgdRun, stroke: COLORS.ink, opacity: 0.45 } },
    ];
    frame.layout(m.lecture, { x: { ticks: m.bars.map((b) => b.label), rotated: many }, y: { ticks: [String(yDomain[1])], titles: ['runs'] }, legend, top: (t) => t.label + 6 });
    const { plot, type: t } = frame;
    const x = scaleBand<string>()
      .domain(m.bars.map((b) => b.key))
      .range([plot.x, plot.x + plot.w])
      .paddingInner(0.25)
      .paddingOuter(0.1);
    const inner = scaleBand<string>().domain(['sgd', 'gd']).range([0, x.bandwidth()]).paddingInner(0.08);
    const y = scaleLinear().domain(yDomain).range([plot.y + plot.h, plot.y]);
    const labels = new Map(m.bars.map((b) => [b.key, b.label]));
    frame.axis('x', axisBottom(x).tickFormat((k) => labels.get(k) ?? k));
    frame.gx
      .selectAll<SVGTextElement, string>('text')
      .attr('text-anchor', many ? 'end' : 'middle')
      .attr('transform', many ? 'rotate(-35)' : null)
      .attr('dx', many ? '-0.4em' : null)
      .attr('font-weight', (k) => (k === 'diverged' || k === 'unsettled' ? 700 : 400));
    frame.axis('y', axisLeft(y).tickValues(gapSpaced(y.ticks(Math.max(2, Math.floor(plot.h / (t.label * 2.5)))), (v) => y(v), t.label * 1.3)));
    const sw = t.stroke;
    const fontPx = t.label;

    type Cell = { key: string; which: 'sgd' | 'gd'; v: number; bar: SelectionBar };
    const cells: Cell[] = m.bars.flatMap((b) => [
      { key: `${b.key}-sgd`, which: 'sgd' as const, v: b.sgd, bar: b },
      { key: `${b.key}-gd`, which: 'gd' as const, v: b.gd, bar: b },
    ]);
    const rects = barsG.selectAll<SVGRectElement, Cell>('rect').data(cells, (c) => c.key);
    rects.exit().remove();
    rects
      .enter()
      .append('rect')
      .merge(rects)
      .attr('data-testid', (c) => `bar-${c.which}`)
      .attr('data-kind', (c) => c.bar.kind)
      .attr('data-count', (c) => c.v)
      .attr('x', (c) => (x(c.bar.key) ?? 0) + (inner(c.which) ?? 0))
      .attr('width', inner.bandwidth())
      .attr('y', (c) => y(c.v))
      .attr('height', (c) => Math.max(0, y(0) - y(c.v)))
      .attr('fill', (c) => (c.which === 'sgd' ? COLORS.sgdRun : COLORS.gdRun))
      .attr('fill-opacity', (c) => (c.bar.kind === 'diverged' || c.bar.kind === 'unsettled' ? 0.45 : 1))
      .attr('stroke', COLORS.ink)
      .attr('stroke-width', 0.8 * sw);
    const counts = barsG.selectAll<SVGTextElement, Cell>('text').data(
      cells.filter((c) => c.v > 0 && inner.bandwidth() > fontPx * 0.9),
      (c) => c.key,
    );
    counts.exit().remove();
    counts
      .enter()
      .append('text')
      .merge(counts)
      .attr('x', (c) => (x(c.bar.key) ?? 0) + (inner(c.which) ?? 0) + inner.bandwidth() / 2)
      .attr('y', (c) => y(c.v) - 4)
      .attr('text-anchor', 'middle')
      .attr('font-size', t.tick)
      .text((c) => c.v);
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
