import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { Chart } from '../charts/chart';
import type { LegendItem } from '../charts/legend';
import { PlotFrame } from '../charts/plot-frame';
import { decadeTicks, spacedTicks } from '../charts/axis-ticks';
import { sizes } from '../theme/sizes';
import { COLORS } from '../theme/colors';

/** One curve of the training view: its points (t, value), drawn solid or dashed. */
export interface TrainingSeries {
  id: string;
  color: string;
  width: number;
  dash?: string;
  points: Array<[number, number]>;
  /** Its legend row; series sharing a label (the SGD runs) share one row. */
  label?: string;
  short?: string;
}

export interface TrainingChartModel {
  /** The svg's test id (the snapshot file's name). */
  testId: string;
  title: string;
  yLabel: string;
  /** The y title where the long one does not fit along the axis. */
  yShort?: string;
  log: boolean;
  steps: number;
  series: TrainingSeries[];
  /** A dashed horizontal reference (2/η on the sharpness chart) with its label. */
  reference: { value: number; label: string } | null;
  lecture: boolean;
}

const REF_DASH = '8 5';

/** The legend: one row per distinct series label, from the series' own styles, then the reference. */
export function trainingLegend(m: TrainingChartModel): LegendItem[] {
  const items: LegendItem[] = [];
  for (const s of m.series) {
    if (!s.label || items.some((i) => i.label === s.label)) continue;
    items.push({ key: s.id, label: s.label, short: s.short, swatch: { kind: 'line', color: s.color, dash: s.dash, width: 1.5 * s.width } });
  }
  if (m.reference) items.push({ key: 'reference', label: m.reference.label, swatch: { kind: 'line', color: COLORS.ink, dash: REF_DASH, width: 1.5 } });
  return items;
}

/**
 * A chart of a quantity against the training step: the losses (log scale) or the
 * sharpness with 2/η dashed (the edge of stability, Cohen et al. 2021), on the
 * PlotFrame (docs/architecture.md#charts), which draws the legend.
 */
export function createTrainingChart(node: HTMLDivElement): Chart<TrainingChartModel> {
  const frame = new PlotFrame(node, { label: 'training chart', minWidth: 260, minHeight: 180, compactBelow: { width: 0, height: 0 } });
  const ref = frame.marks.append('line').attr('stroke', COLORS.ink).attr('stroke-dasharray', REF_DASH).attr('data-testid', 'training-reference');
  const curves = frame.marks.append('g');
  let model: TrainingChartModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const sw = sizes(m.lecture).stroke;
    frame.svg.attr('aria-label', m.title).attr('data-testid', m.testId);
    const values = m.series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => Number.isFinite(v) && (!m.log || v > 0));
    if (m.reference) values.push(m.reference.value);
    const lo = values.length ? Math.min(...values) : 1;
    const hi = values.length ? Math.max(...values) : 1;
    const y = m.log ? scaleLog().domain([Math.max(lo, 1e-12), Math.max(hi, lo * 10, 1e-11)]).nice() : scaleLinear().domain([0, Math.max(hi * 1.1, 1e-9)]).nice();
    const yTicks = m.log ? decadeTicks(y.domain()[0], y.domain()[1], 400, 1) : y.ticks(5);
    const yFormat = (v: number) => (m.log ? `1e${Math.round(Math.log10(v))}` : y.tickFormat(5)(v));
    frame.layout(m.lecture, { x: { ticks: [], titles: ['step t'] }, y: { ticks: yTicks.map(yFormat), titles: m.yShort ? [m.yLabel, m.yShort] : [m.yLabel] }, legend: trainingLegend(m), top: 10, right: 16 });
    const { plot, type } = frame;
    const x = scaleLinear().domain([0, Math.max(1, m.steps)]).range([plot.x, plot.x + plot.w]);
    y.range([plot.y + plot.h, plot.y]);
    frame.axis('x', axisBottom(x).tickValues(spacedTicks(x, Math.max(2, Math.floor(plot.w / sizes(m.lecture).tickGap)), type.tick * 3)));
    frame.axis('y', axisLeft(y).tickValues(m.log ? decadeTicks(y.domain()[0], y.domain()[1], plot.h, type.tick * 1.6) : y.ticks(5)).tickFormat((v) => yFormat(Number(v))));
    if (m.reference) {
      const yr = y(m.reference.value);
      ref.attr('display', null).attr('x1', plot.x).attr('x2', plot.x + plot.w).attr('y1', yr).attr('y2', yr).attr('stroke-width', 1.5 * sw);
    } else ref.attr('display', 'none');
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
      frame.resize();
      draw();
    },
    destroy() {
      frame.destroy();
    },
  };
}
