import { scaleLinear } from 'd3-scale';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import { placeLabels, type LabelRequest } from '../charts/label-placement';
import { stepAxis } from '../charts/axis-ticks';
import { COLORS } from '../theme/colors';

export interface EscapeHistogramModel {
  /** Escape steps of the SGD runs that escaped (measured). */
  steps: number[];
  /** The histogram's range: 0..tMax. */
  tMax: number;
  /** Predicted escape steps (theory), drawn as dashed marks beside the bars, never colouring them. */
  predicted: Array<{ key: string; label: string; step: number | null; color: string }>;
  lecture: boolean;
}

export const BINS = 24;

/** The counts of escape steps in BINS equal bins over [0, tMax]. */
export function escapeBins(steps: number[], tMax: number): number[] {
  const bins = new Array<number>(BINS).fill(0);
  for (const s of steps) bins[Math.min(BINS - 1, Math.floor((s / Math.max(1, tMax)) * BINS))]++;
  return bins;
}

/** The measured histogram of escape steps with the theory's predicted steps marked beside it. */
export function createEscapeHistogram(node: HTMLDivElement): Chart<EscapeHistogramModel> {
  const frame = new PlotFrame(node, { label: 'histogram of escape steps', minWidth: 160, compactBelow: { width: Infinity, height: Infinity } });
  frame.svg.attr('data-testid', 'escape-histogram');
  const bars = frame.marks.append('g');
  const marks = frame.over.append('g');
  let model: EscapeHistogramModel | null = null;
  let drawnAxis = '';

  function draw(): void {
    const m = model;
    if (!m) return;
    // Room above the bars for the predicted steps' names.
    const laidOut = frame.layout(m.lecture, { x: { ticks: [], titles: ['escape step (measured)'] }, top: (t) => t.tick * 1.4, left: 8, right: 8 });
    const { plot, type: t, width } = frame;
    const x = scaleLinear().domain([0, m.tMax]).range([plot.x, plot.x + plot.w]);
    const bins = escapeBins(m.steps, m.tMax);
    const top = Math.max(1, ...bins);
    const y = scaleLinear().domain([0, top]).range([plot.y + plot.h, plot.y]);
    const bw = plot.w / BINS;
    bars
      .selectAll('rect')
      .data(bins)
      .join('rect')
      .attr('x', (_c, i) => plot.x + i * bw + 1)
      .attr('width', Math.max(1, bw - 2))
      .attr('y', (c) => y(c))
      .attr('height', (c) => y(0) - y(c))
      .attr('fill', COLORS.sgdRun);
    // The axis is rebuilt only when it changes: each restart of a dragged run would otherwise rebuild it.
    const axisKey = `${m.tMax}`;
    if (laidOut || axisKey !== drawnAxis) {
      drawnAxis = axisKey;
      frame.axis('x', stepAxis(x, Math.max(2, Math.floor(plot.w / 90))));
    }
    // The predicted steps: dashed lines, their names placed apart from each other.
    const shown = m.predicted.filter((p) => p.step !== null && p.step <= m.tMax);
    const requests: LabelRequest[] = shown.map((p, i) => ({ x: x(p.step!), y: plot.y + t.tick, text: p.label, fontSize: t.tick, priority: -i }));
    const placed = placeLabels(requests, [], { x: 0, y: 0, w: width, h: plot.y + plot.h });
    const g = marks.selectAll<SVGGElement, (typeof shown)[number]>('g').data(shown, (p) => p.key).join((en) => {
      const e = en.append('g');
      e.append('line');
      e.append('text');
      return e;
    });
    g.select('line')
      .attr('x1', (p) => x(p.step!))
      .attr('x2', (p) => x(p.step!))
      .attr('y1', plot.y)
      .attr('y2', plot.y + plot.h)
      .attr('stroke', (p) => p.color)
      .attr('stroke-dasharray', '6 4')
      .attr('stroke-width', 2);
    g.select('text')
      .attr('display', (_p, i) => (placed[i] ? null : 'none'))
      .attr('x', (_p, i) => placed[i]?.x ?? 0)
      .attr('y', (_p, i) => placed[i]?.y ?? 0)
      .attr('text-anchor', (_p, i) => placed[i]?.anchor ?? 'start')
      .attr('font-size', t.tick)
      .text((p) => p.label);
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
