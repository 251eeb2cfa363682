import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { gapSpaced } from '../charts/axis-ticks';
import { uniqueId } from '../theme/unique-id';
import { COLORS } from '../theme/colors';
import type { FrobeniusRow } from './wws-model';
import { sizes } from '../theme/sizes';

export interface FrobeniusChartData {
  rows: FrobeniusRow[];
  /** Fig. 6b at this minimum: ‖H‖_F over the bound, for each B. */
  sweep: Array<{ B: number; ratio: number }>;
  B: number;
  lecture: boolean;
}

export type FrobeniusChart = Chart<FrobeniusChartData>;

const BAR = { frobenius: COLORS.sgd, trace: COLORS.family, bound: COLORS.theory, gd: COLORS.gd } as const;

/**
 * Top: ‖H‖_F and Tr(H) at the minimum as bars, the bounds √(B/μ₀)/η
 * (Theorem 3.3) and 2√p/η (GD) as hatched theory bars, on one log axis.
 * Bottom, in the frame's plot area: the ratio ‖H‖_F/(√(B/μ₀)/η) against B
 * (Fig. 6b), with 1 (the edge of stability) marked; what each line is, the
 * frame's legend says.
 */
export function createFrobeniusChart(box: HTMLDivElement): FrobeniusChart {
  const frame = new PlotFrame(box, { testId: 'wws-frobenius', label: 'the Frobenius norm and trace of the Hessian against their bounds, and the ratio against B', minWidth: 240, minHeight: 220, compactBelow: { width: 0, height: 0 } });
  const hatchId = uniqueId('wws-hatch');
  const hatch = frame.svg.insert('defs', ':first-child').append('pattern').attr('id', hatchId).attr('patternUnits', 'userSpaceOnUse').attr('width', 8).attr('height', 8).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 8).attr('height', 8).attr('fill', COLORS.paper);
  hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 8).attr('stroke-width', 4).attr('stroke', COLORS.theory);
  // The bars and their own axis sit above the plot area, in the frame's top margin.
  const bars = frame.back.append('g');
  const barAxis = frame.back.append('g').attr('class', 'axis');
  const oneLine = frame.marks.append('line');
  const sweepPath = frame.marks.append('path').attr('fill', 'none').attr('data-testid', 'wws-sweep-line');
  const dots = frame.over.append('g');
  let last: FrobeniusChartData | null = null;

  function draw(d: FrobeniusChartData): void {
    last = d;
    const lec = d.lecture;
    const z = sizes(lec).wws;
    // At B = n without replacement every batch is the whole sample: no noise (c = 0,
    // docs/theory.md#alignment-and-the-frobenius-bound), a ratio of 0, which a log axis has no place for.
    const pts = d.sweep.filter((p) => p.ratio > 0 && Number.isFinite(p.ratio));
    const here = pts.find((p) => p.B === d.B);
    const rs = pts.map((p) => p.ratio);
    const by = scaleLog().domain([Math.min(0.5, ...rs) / 1.3, Math.max(2, ...rs) * 1.3]);
    const yLabels = by.ticks(4).map(by.tickFormat(4, '~g'));
    const items: LegendItem[] = [
      { key: 'ratio', label: 'theory at this minimum, for each B', short: 'theory', swatch: { kind: 'line', color: COLORS.theory, dash: '9 6', width: z.thick } },
      ...(here ? [{ key: 'here', label: `this run’s B = ${d.B}`, short: `B = ${d.B}`, swatch: { kind: 'mark' as const, shape: 'circle' as const, fill: COLORS.theory, stroke: COLORS.theory } }] : []),
      { key: 'one', label: '1: the bound, edge of stability', short: '1: the bound', swatch: { kind: 'line', color: COLORS.unstable, dash: '3 4', width: z.thin } },
    ];
    // The bars take the top half, the sweep the bottom.
    const split = Math.round(frame.height * 0.5);
    frame.layout(lec, { x: { ticks: [], titles: ['batch size B'] }, y: { ticks: yLabels, titles: ['‖H‖_F / bound', 'ratio'] }, legend: items, top: split + z.margin.split, right: z.margin.r });
    const { plot, type } = frame;
    const fs = type.label;
    const w = frame.width;
    const m = { l: 12, r: z.margin.r, t: 6, b: z.margin.b };
    const vals = d.rows.map((r) => r.value).filter((v) => v > 0 && Number.isFinite(v));
    const lo = vals.length ? Math.min(...vals) / 2 : 0.1;
    const hi = vals.length ? Math.max(...vals) * 1.5 : 10;
    const x = scaleLog().domain([lo, hi]).range([m.l, w - m.r]);
    // Each row: its label on a line of its own, the bar below it.
    const band = (split - m.t - m.b) / Math.max(1, d.rows.length);
    const barH = Math.max(6, band - fs * 1.45);
    const g = bars
      .selectAll<SVGGElement, FrobeniusRow>('g.bar')
      .data(d.rows, (r) => r.key)
      .join((en) => {
        const e = en.append('g').attr('class', 'bar');
        e.append('rect');
        e.append('text').attr('class', 'halo').attr('dy', '0.35em');
        return e;
      });
    g.attr('data-key', (r) => r.key).attr('data-value', (r) => r.value).attr('transform', (_r, i) => `translate(0,${m.t + i * band + fs * 1.3})`);
    g.select('rect')
      .attr('x', m.l)
      .attr('height', barH)
      .attr('width', (r) => Math.max(1, x(r.value) - m.l))
      .attr('fill', (r) => (r.kind === 'theory' ? `url(#${hatchId})` : BAR[r.key]))
      .attr('stroke', (r) => BAR[r.key])
      .attr('stroke-width', (r) => (r.kind === 'theory' ? z.thin : 0));
    g.select('text')
      .attr('x', m.l)
      .attr('y', -fs * 0.62)
      .attr('font-size', fs)
      .attr('font-weight', (r) => (r.kind === 'minimum' ? 650 : 400))
      .text((r) => `${r.label} = ${r.value.toPrecision(3)}`);
    barAxis.attr('transform', `translate(0,${split - m.b})`).call(axisBottom(x).ticks(4, '~g'));
    barAxis.selectAll('text').attr('font-size', type.tick);

    // The B sweep, in the plot area.
    const bMax = d.sweep.length ? d.sweep[d.sweep.length - 1].B : 2;
    const bx = scaleLog()
      .domain([1, Math.max(2, bMax)])
      .range([plot.x, plot.x + plot.w]);
    by.range([plot.y + plot.h, plot.y]);
    frame.axis('x', axisBottom(bx).ticks(5, '~g'));
    // Log ticks come several to a decade: keep those a label apart.
    frame.axis('y', axisLeft(by).tickValues(gapSpaced(by.ticks(4), (v) => by(v), fs * 1.3)).tickFormat(by.tickFormat(4, '~g')));
    oneLine
      .attr('x1', plot.x)
      .attr('x2', plot.x + plot.w)
      .attr('y1', by(1))
      .attr('y2', by(1))
      .attr('stroke', COLORS.unstable)
      .attr('stroke-width', z.thin)
      .attr('stroke-dasharray', '3 4');
    sweepPath
      .attr('stroke', COLORS.theory)
      .attr('stroke-width', z.thick)
      .attr('stroke-dasharray', '9 6')
      .attr('d', line<{ B: number; ratio: number }>()
        .x((p) => bx(p.B))
        .y((p) => by(p.ratio))(pts));
    dots
      .selectAll('circle')
      .data(pts)
      .join('circle')
      .attr('cx', (p) => bx(p.B))
      .attr('cy', (p) => by(p.ratio))
      .attr('r', (p) => (p.B === d.B ? z.pointCurrent : z.point))
      .attr('fill', (p) => (p.B === d.B ? COLORS.theory : COLORS.paper))
      .attr('stroke', COLORS.theory)
      .attr('stroke-width', z.thin);
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
