import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { nodeSize, type Chart } from '../charts/chart';
import { gapSpaced } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
import type { SelectionBar } from './selection-bars';
import { sizes } from '../theme/sizes';

export interface HistogramModel {
  bars: SelectionBar[];
  /** Runs per optimiser (the y axis' top). */
  runs: number;
  lecture: boolean;
}


type G = Selection<SVGGElement, unknown, null, undefined>;

/** Which minimum each run ended in: SGD's bar beside GD's, the diverged and still-moving runs apart. */
export function createSelectionHistogram(node: HTMLDivElement): Chart<HistogramModel> {
  const svg = select(node).append('svg').attr('data-testid', 'selection-histogram').attr('role', 'img').attr('aria-label', 'histogram of the minimum each run ended in, SGD beside GD');
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const barsG = root.append('g');
  let width = 800;
  let height = 300;
  let model: HistogramModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const z = sizes(m.lecture);
    const fontPx = z.histogram.font;
    const sw = z.stroke;
    const many = m.bars.length > 8;
    const mg = { l: z.histogram.left, r: 12, t: fontPx + 6, b: many ? z.histogram.bottomMany : z.histogram.bottom };
    plotArea.attr('x', mg.l).attr('y', mg.t).attr('width', Math.max(0, width - mg.l - mg.r)).attr('height', Math.max(0, height - mg.t - mg.b));
    svg.attr('width', width).attr('height', height);
    const x = scaleBand<string>()
      .domain(m.bars.map((b) => b.key))
      .range([mg.l, width - mg.r])
      .paddingInner(0.25)
      .paddingOuter(0.1);
    const inner = scaleBand<string>().domain(['sgd', 'gd']).range([0, x.bandwidth()]).paddingInner(0.08);
    const top = Math.max(1, ...m.bars.map((b) => Math.max(b.sgd, b.gd)));
    const y = scaleLinear().domain([0, top]).nice().range([height - mg.b, mg.t]);
    const labels = new Map(m.bars.map((b) => [b.key, b.label]));
    gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).tickFormat((k) => labels.get(k) ?? k));
    gx.selectAll<SVGTextElement, string>('text')
      .attr('font-size', fontPx - 2)
      .attr('text-anchor', many ? 'end' : 'middle')
      .attr('transform', many ? 'rotate(-35)' : null)
      .attr('dx', many ? '-0.4em' : null)
      .attr('font-weight', (k) => (k === 'diverged' || k === 'unsettled' ? 700 : 400));
    gy.attr('transform', `translate(${mg.l},0)`).call(axisLeft(y).tickValues(gapSpaced(y.ticks(Math.max(2, Math.floor((height - mg.t - mg.b) / (fontPx * 2.5)))), (v) => y(v), fontPx * 1.3)));
    gy.selectAll('text').attr('font-size', fontPx - 2);
    for (const g of [gx, gy] as G[]) g.selectAll('line,path').attr('stroke-width', sw);
    yLabel.attr('transform', `translate(${z.yTitle},${(mg.t + height - mg.b) / 2}) rotate(-90)`).attr('font-size', fontPx).text('runs');

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
      .attr('font-size', fontPx - 3)
      .text((c) => c.v);
  }

  return {
    update(m) {
      model = m;
      draw();
    },
    resize() {
      ({ width, height } = nodeSize(node, 300, 160));
      draw();
    },
    destroy() {
      svg.remove();
    },
  };
}
