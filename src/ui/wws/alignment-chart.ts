import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { nodeSize, type Chart } from '../charts/chart';
import { legendOutside, type LegendItem } from '../charts/legend';
import { chartType, spacedTicks, tidyAxisEnds } from '../charts/plot-frame';
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
  const svg = select(box).attr('data-testid', 'wws-alignment').append('svg');
  const gx = svg.append('g').attr('class', 'axis');
  const gy = svg.append('g').attr('class', 'axis');
  const xl = svg.append('text').attr('text-anchor', 'middle').attr('class', 'axis-label');
  const lines = svg.append('g');
  const mu0Line = svg.append('line').attr('data-testid', 'wws-mu0-line');
  const legend = svg.append('g');
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  let w = 500;
  let h = 300;
  let last: AlignmentChartData | null = null;

  function draw(d: AlignmentChartData): void {
    last = d;
    const lec = d.lecture;
    const type = chartType(lec);
    const fs = type.label;
    const m = { l: Math.ceil(type.tick * 2.4 + 14), r: 16, t: 12, b: Math.ceil(type.tick * 1.6 + fs * 1.5) };
    svg.attr('width', w).attr('height', h);
    // The legend beside or under the plot, never over the curves.
    const mu0 = d.mu0;
    const items: LegendItem[] = SERIES.map((k) => ({ key: k.key, label: k.label, swatch: { kind: 'line', color: k.color, dash: k.dash || undefined, width: k.width } }));
    if (mu0 !== null) items.push({ key: 'mu0', label: `theory μ₀ = ${mu0.toPrecision(3)} at the minimum`, short: `μ₀ = ${mu0.toPrecision(3)}`, swatch: { kind: 'line', color: COLORS.theory, dash: '9 6', width: 2 } });
    legendOutside(legend, items, { width: w, height: h, fontSize: type.legend, stroke: type.stroke }, m);
    plotArea.attr('x', m.l).attr('y', m.t).attr('width', w - m.l - m.r).attr('height', h - m.t - m.b);
    const s = d.series;
    let top = d.mu0 ?? 1;
    for (const k of SERIES) for (const v of s[k.key]) if (Number.isFinite(v)) top = Math.max(top, v);
    const x = scaleLinear().domain([0, Math.max(1, d.tMax)]).range([m.l, w - m.r]);
    const y = scaleLinear()
      .domain([0, Math.min(top, 6) * (w > 700 ? 1.4 : 1.7)])
      .range([h - m.b, m.t])
      .clamp(true)
      .nice();
    gx.attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).tickValues(spacedTicks(x, Math.floor((w - m.l - m.r) / sizes(lec).tickGap), type.tick * 3)));
    gy.attr('transform', `translate(${m.l},0)`).call(axisLeft(y).tickValues(spacedTicks(y, 5, type.tick * 1.4)));
    tidyAxisEnds(gx, m.l - 6, w - 2, type.tick);
    svg.selectAll('.tick text').attr('font-size', type.tick);
    xl.attr('x', (m.l + w - m.r) / 2).attr('y', h - m.b + type.tick * 1.6 + fs).attr('font-size', fs).text('step of SGD run 0');
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
      .attr('x1', m.l)
      .attr('x2', w - m.r)
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
      ({ width: w, height: h } = nodeSize(box, 240, 160));
      if (last) draw(last);
    },
    destroy() {
      svg.remove();
    },
  };
}
