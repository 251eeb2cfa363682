import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import { labelSpaced } from '../charts/axis-ticks';
import { COLORS } from '../theme/colors';

export interface DistanceHistogramModel {
  dists: number[];
  escape: number;
  lecture: boolean;
}

/** A decade's tick label. */
const label = (e: number) => `1e${e}`;

/** Bins per decade of the distance axis. */
const PER_DECADE = 2;

/** The histogram's bins over log10 of the positive distances, with the escape radius inside the range. */
export function distanceBins(dists: number[], escape: number): { lo: number; hi: number; bins: number[] } {
  const logs = dists.filter((d) => d > 0 && Number.isFinite(d)).map((d) => Math.log10(d));
  const lo = Math.floor(Math.min(Math.log10(escape), ...logs) * PER_DECADE) / PER_DECADE;
  const hi = Math.ceil(Math.max(Math.log10(escape), ...logs) * PER_DECADE + 1e-9) / PER_DECADE;
  const nb = Math.max(1, Math.round((hi - lo) * PER_DECADE));
  const bins = new Array<number>(nb).fill(0);
  for (const l of logs) bins[Math.min(nb - 1, Math.floor((l - lo) * PER_DECADE))]++;
  return { lo, hi, bins };
}

/**
 * The runs' distances to the start minimum at the time scrubber's step, in
 * bins of half a decade (the distances span many decades: Wu Fig. 2 right),
 * with the escape radius R dashed. Counted from the decimated histories.
 */
export function createDistanceHistogram(node: HTMLDivElement): Chart<DistanceHistogramModel> {
  const frame = new PlotFrame(node, { label: 'distances to the start minimum at the scrubber’s step', compactBelow: { width: Infinity, height: Infinity } });
  const bars = frame.marks.append('g');
  const radius = frame.over.append('line').attr('stroke', COLORS.ink).attr('stroke-dasharray', '2 4').attr('stroke-width', 1.5);
  const axis = frame.gx.append('line').attr('stroke', COLORS.ink);
  const ticks = frame.gx.append('g');
  let model: DistanceHistogramModel | null = null;

  function draw(): void {
    const m = model;
    if (!m) return;
    const { lo, hi, bins } = distanceBins(m.dists, m.escape);
    const decades = Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i);
    frame.layout(m.lecture, { x: { ticks: decades.map(label) }, top: 4, left: 8, right: 8 });
    const { plot, type: t, width } = frame;
    const top = Math.max(1, ...bins);
    const xOf = (l: number) => plot.x + ((l - lo) / (hi - lo || 1)) * plot.w;
    const yOf = (c: number) => plot.y + plot.h - (c / top) * plot.h;
    const bw = plot.w / bins.length;
    bars
      .selectAll('rect')
      .data(bins)
      .join('rect')
      .attr('x', (_c, i) => plot.x + i * bw + 1)
      .attr('y', (c) => yOf(c))
      .attr('width', Math.max(1, bw - 2))
      .attr('height', (c) => plot.y + plot.h - yOf(c))
      .attr('fill', COLORS.sgdRun)
      .attr('data-count', (c) => c);
    const r = xOf(Math.log10(m.escape));
    radius.attr('x1', r).attr('x2', r).attr('y1', plot.y).attr('y2', plot.y + plot.h);
    axis.attr('x1', plot.x).attr('x2', plot.x + plot.w);
    // Whole decades, those whose labels do not touch, kept inside the chart.
    const shown = labelSpaced(decades, xOf, label, t.tick).filter((e) => xOf(e) - 14 > 0 && xOf(e) + 14 < width);
    ticks
      .selectAll('text')
      .data(shown)
      .join('text')
      .attr('x', (e) => xOf(e))
      .attr('y', t.tick * 1.2)
      .attr('font-size', t.tick)
      .attr('text-anchor', 'middle')
      .text(label);
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
