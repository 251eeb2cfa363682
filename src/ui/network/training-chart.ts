import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { nodeSize, type Chart } from '../charts/chart';
import { sizes } from '../theme/sizes';
import { COLORS } from '../theme/colors';

/** One curve of the training view: its points (t, value), drawn solid or dashed. */
export interface TrainingSeries {
  id: string;
  color: string;
  width: number;
  dash?: string;
  points: Array<[number, number]>;
}

export interface TrainingChartModel {
  title: string;
  yLabel: string;
  log: boolean;
  steps: number;
  series: TrainingSeries[];
  /** A dashed horizontal reference (2/η on the sharpness chart) with its label. */
  reference: { value: number; label: string } | null;
  lecture: boolean;
}

/**
 * A chart of a quantity against the training step: the losses (log scale) or the
 * sharpness with 2/η dashed (the edge of stability, Cohen et al. 2021).
 */
export function createTrainingChart(node: HTMLDivElement): Chart<TrainingChartModel> {
  const svg = select(node).append('svg').attr('role', 'img');
  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const ref = root.append('line').attr('stroke', COLORS.ink).attr('stroke-dasharray', '8 5').attr('data-testid', 'training-reference');
  const refText = root.append('text').attr('text-anchor', 'end');
  const curves = root.append('g');
  let width = 500;
  let height = 260;
  let model: TrainingChartModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const z = sizes(m.lecture);
    const fontPx = z.scatter.font;
    const sw = z.stroke;
    const mg = z.scatter.margin;
    svg.attr('width', width).attr('height', height).attr('aria-label', m.title);
    const values = m.series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => Number.isFinite(v) && (!m.log || v > 0));
    if (m.reference) values.push(m.reference.value);
    const lo = values.length ? Math.min(...values) : 1;
    const hi = values.length ? Math.max(...values) : 1;
    const x = scaleLinear().domain([0, Math.max(1, m.steps)]).range([mg.l, width - mg.r]);
    const y = m.log
      ? scaleLog().domain([Math.max(lo, 1e-12), Math.max(hi, lo * 10, 1e-11)]).nice().range([height - mg.b, mg.t])
      : scaleLinear().domain([0, Math.max(hi * 1.1, 1e-9)]).nice().range([height - mg.b, mg.t]);
    gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).ticks(5));
    gy.attr('transform', `translate(${mg.l},0)`).call(m.log ? axisLeft(y).ticks(5, '.0e') : axisLeft(y).ticks(5));
    for (const g of [gx, gy]) {
      g.selectAll('text').attr('font-size', fontPx - 2);
      g.selectAll('line,path').attr('stroke-width', sw);
    }
    xLabel.attr('x', (mg.l + width - mg.r) / 2).attr('y', height - 8).attr('font-size', fontPx).text('step t');
    yLabel.attr('transform', `translate(${z.yTitle},${(mg.t + height - mg.b) / 2}) rotate(-90)`).attr('font-size', fontPx).text(m.yLabel);
    if (m.reference) {
      const yr = y(m.reference.value);
      ref.attr('display', null).attr('x1', mg.l).attr('x2', width - mg.r).attr('y1', yr).attr('y2', yr).attr('stroke-width', 1.5 * sw);
      refText.attr('display', null).attr('x', width - mg.r - 4).attr('y', yr - 4).attr('font-size', fontPx - 2).text(m.reference.label);
    } else {
      ref.attr('display', 'none');
      refText.attr('display', 'none');
    }
    const path = line<[number, number]>()
      .defined((p) => Number.isFinite(p[1]) && (!m.log || p[1] > 0))
      .x((p) => x(p[0]))
      .y((p) => y(Math.min(Math.max(p[1], y.domain()[0]), y.domain()[1])));
    const sel = curves.selectAll<SVGPathElement, TrainingSeries>('path').data(m.series, (s) => s.id);
    sel.exit().remove();
    sel
      .enter()
      .append('path')
      .attr('fill', 'none')
      .merge(sel)
      .attr('data-series', (s) => s.id)
      .attr('stroke', (s) => s.color)
      .attr('stroke-width', (s) => s.width * sw)
      .attr('stroke-dasharray', (s) => s.dash ?? null)
      .attr('d', (s) => path(s.points));
  }

  return {
    update(m) {
      model = m;
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
