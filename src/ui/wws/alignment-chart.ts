import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { spacedTicks } from '../charts/axis-ticks';
import { COLORS } from '../theme/colors';
import type { AlignmentSeries } from './wws-companion';
import { sizes } from '../theme/sizes';

export interface AlignmentChartData {
  series: AlignmentSeries;
  tMax: number;
  /** μ₀ at the minimum (theory: the smallest alignment over directions), drawn dashed. */
  mu0: number | null;
  lecture: boolean;
}

export type AlignmentChart = Chart<AlignmentChartData>;

/** Okabe–Ito colours and dashes, so the four stay apart in grey too. */
const SERIES: Array<{ key: 'alpha' | 'beta' | 'mu' | 'gamma'; label: string; color: string; dash: string; width: number }> = [
  { key: 'alpha', label: 'α (direction)', color: COLORS.sgd, dash: '', width: 2.5 },
  { key: 'beta', label: 'β (magnitude)', color: COLORS.gd, dash: '6 3', width: 2.5 },
  { key: 'mu', label: 'μ = αβ', color: COLORS.exact, dash: '', width: 4 },
  { key: 'gamma', label: 'γ (norm uniformity)', color: COLORS.unstable, dash: '2 3', width: 2.5 },
];

/**
 * Wu–Wang–Su eq. (3) and Definition 2.1 along one SGD run: α, β, μ and γ of
 * the per-sample gradients at the current iterate, against the step.
 */
export function createAlignmentChart(box: HTMLDivElement): AlignmentChart {
  const frame = new PlotFrame(box, { testId: 'wws-alignment', label: 'alignment α, β, μ and γ along SGD run 0', minWidth: 240, minHeight: 160, compactBelow: { width: 0, height: 0 } });
  const lines = frame.marks.append('g');
  const mu0Line = frame.marks.append('line').attr('data-testid', 'wws-mu0-line');
  let last: AlignmentChartData | null = null;

  function draw(d: AlignmentChartData): void {
    last = d;
    const lec = d.lecture;
    const mu0 = d.mu0;
    const s = d.series;
    let top = d.mu0 ?? 1;
    for (const k of SERIES) for (const v of s[k.key]) if (Number.isFinite(v)) top = Math.max(top, v);
    const y = scaleLinear()
      .domain([0, Math.min(top, 6) * (frame.width > 700 ? 1.4 : 1.7)])
      .clamp(true)
      .nice();
    // d3's own labels for these ticks (one decimal over a range of a few units), measured for the left margin.
    const yFormat = y.tickFormat(10);
    // The legend beside or under the plot (the frame's), never over the curves.
    const items: LegendItem[] = SERIES.map((k) => ({ key: k.key, label: k.label, swatch: { kind: 'line', color: k.color, dash: k.dash || undefined, width: k.width } }));
    if (mu0 !== null) items.push({ key: 'mu0', label: `theory μ₀ = ${mu0.toPrecision(3)} at the minimum`, short: `μ₀ = ${mu0.toPrecision(3)}`, swatch: { kind: 'line', color: COLORS.theory, dash: '9 6', width: 2 } });
    frame.layout(lec, { x: { ticks: [], titles: ['step of SGD run 0'] }, y: { ticks: y.ticks(10).map(yFormat) }, legend: items, top: 12, right: 16 });
    const { plot, type } = frame;
    y.range([plot.y + plot.h, plot.y]);
    const x = scaleLinear().domain([0, Math.max(1, d.tMax)]).range([plot.x, plot.x + plot.w]);
    frame.axis('x', axisBottom(x).tickValues(spacedTicks(x, Math.floor(plot.w / sizes(lec).tickGap), type.tick * 3)));
    frame.axis('y', axisLeft(y).tickValues(spacedTicks(y, 5, type.tick * 1.4)).tickFormat(yFormat));
    const n = s.step.length;
    lines
      .selectAll('path')
      .data(SERIES)
      .join('path')
      .attr('fill', 'none')
      .attr('data-key', (k) => k.key)
      .attr('stroke', (k) => k.color)
      .attr('stroke-width', (k) => k.width * sizes(lec).wws.keyWidth)
      .attr('stroke-dasharray', (k) => k.dash || null)
      .attr('d', (k) =>
        line<number>()
          .defined((i) => Number.isFinite(s[k.key][i]))
          .x((i) => x(s.step[i]))
          .y((i) => y(s[k.key][i]))(Array.from({ length: n }, (_, i) => i)),
      );
    mu0Line
      .attr('x1', plot.x)
      .attr('x2', plot.x + plot.w)
      .attr('y1', mu0 !== null ? y(mu0) : 0)
      .attr('y2', mu0 !== null ? y(mu0) : 0)
      .attr('stroke', COLORS.theory)
      .attr('stroke-width', sizes(lec).wws.theory)
      .attr('stroke-dasharray', '9 6')
      .attr('visibility', mu0 !== null ? 'visible' : 'hidden');
  }

  return {
    update: draw,
    resize() {
      frame.resize();
      if (last) draw(last);
    },
    destroy() {
      frame.destroy();
    },
  };
}
