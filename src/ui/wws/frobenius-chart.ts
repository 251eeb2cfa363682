import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { nodeSize, type Chart } from '../charts/chart';
import { gapSpaced } from '../charts/plot-frame';
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
 * Bottom: the ratio ‖H‖_F/(√(B/μ₀)/η) against B, with 1 (the edge of stability) marked.
 */
export function createFrobeniusChart(box: HTMLDivElement): FrobeniusChart {
  const svg = select(box).attr('data-testid', 'wws-frobenius').append('svg');
  // The data area of the B sweep (the bars above carry their own labels).
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const defs = svg.append('defs');
  const hatch = defs.append('pattern').attr('id', 'wws-hatch').attr('patternUnits', 'userSpaceOnUse').attr('width', 8).attr('height', 8).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 8).attr('height', 8).attr('fill', COLORS.paper);
  hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 8).attr('stroke-width', 4);
  const bars = svg.append('g');
  const gx = svg.append('g').attr('class', 'axis');
  const sweepG = svg.append('g');
  const sx = sweepG.append('g').attr('class', 'axis');
  const sy = sweepG.append('g').attr('class', 'axis');
  const sweepPath = sweepG.append('path').attr('fill', 'none').attr('data-testid', 'wws-sweep-line');
  const oneLine = sweepG.append('line');
  const dots = sweepG.append('g');
  const sxl = sweepG.append('text').attr('text-anchor', 'middle').attr('class', 'axis-label');
  const oneLabel = sweepG.append('text').attr('text-anchor', 'end').attr('class', 'halo');
  const title = sweepG.append('text').attr('class', 'halo');
  const syl = sweepG.append('text').attr('text-anchor', 'middle').attr('class', 'axis-label');
  let w = 500;
  let h = 400;
  let last: FrobeniusChartData | null = null;

  function draw(d: FrobeniusChartData): void {
    last = d;
    const lec = d.lecture;
    const z = sizes(lec).wws;
    const fs = z.font;
    svg.attr('width', w).attr('height', h);
    hatch.select('line').attr('stroke', COLORS.theory);
    // The bars take the top half, the sweep the bottom.
    const split = Math.round(h * 0.5);
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
      .attr('fill', (r) => (r.kind === 'theory' ? 'url(#wws-hatch)' : BAR[r.key]))
      .attr('stroke', (r) => BAR[r.key])
      .attr('stroke-width', (r) => (r.kind === 'theory' ? z.thin : 0));
    g.select('text')
      .attr('x', m.l)
      .attr('y', -fs * 0.62)
      .attr('font-size', fs)
      .attr('font-weight', (r) => (r.kind === 'minimum' ? 650 : 400))
      .text((r) => `${r.label} = ${r.value.toPrecision(3)}`);
    gx.attr('transform', `translate(0,${split - m.b})`).call(axisBottom(x).ticks(4, '~g'));

    // The B sweep.
    const mb = { l: z.margin.l, r: z.margin.r, t: split + z.margin.split, b: Math.ceil((fs - 2) * 1.6 + fs * 1.5) };
    const pts = d.sweep;
    const bMax = pts.length ? pts[pts.length - 1].B : 2;
    const bx = scaleLog()
      .domain([1, Math.max(2, bMax)])
      .range([mb.l, w - mb.r]);
    const rs = pts.map((p) => p.ratio).filter((v) => v > 0);
    const rlo = Math.min(0.5, ...rs) / 1.3;
    const rhi = Math.max(2, ...rs) * 1.3;
    const by = scaleLog().domain([rlo, rhi]).range([h - mb.b, mb.t]);
    sx.attr('transform', `translate(0,${h - mb.b})`).call(axisBottom(bx).ticks(5, '~g'));
    // Log ticks come several to a decade: keep those a label apart.
    sy.attr('transform', `translate(${mb.l},0)`).call(axisLeft(by).tickValues(gapSpaced(by.ticks(4), (v) => by(v), fs * 1.3)).tickFormat(by.tickFormat(4, '~g')));
    plotArea.attr('x', mb.l).attr('y', mb.t).attr('width', Math.max(0, w - mb.l - mb.r)).attr('height', Math.max(0, h - mb.t - mb.b));
    svg.selectAll('.tick text').attr('font-size', fs - 2);
    sxl.attr('x', (mb.l + w - mb.r) / 2).attr('y', h - fs * 0.35).attr('font-size', fs).text('batch size B');
    syl.attr('transform', `translate(${z.frobeniusYTitle},${(mb.t + h - mb.b) / 2}) rotate(-90)`).attr('font-size', fs - 1).text('‖H‖_F / bound');
    oneLine
      .attr('x1', mb.l)
      .attr('x2', w - mb.r)
      .attr('y1', by(1))
      .attr('y2', by(1))
      .attr('stroke', COLORS.unstable)
      .attr('stroke-width', z.thin)
      .attr('stroke-dasharray', '3 4');
    oneLabel
      .attr('x', w - mb.r - 4)
      .attr('y', by(1) - 6)
      .attr('font-size', fs - 1)
      .attr('fill', COLORS.unstable)
      .text('1: the bound, edge of stability');
    const here = pts.find((p) => p.B === d.B);
    title
      .attr('x', mb.l + 10)
      .attr('y', mb.t + 4)
      .attr('dy', '0.7em')
      .attr('font-size', fs - 1)
      .text(here ? `theory at this minimum; ● this run’s B = ${d.B}` : 'theory at this minimum, for each B');
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
      ({ width: w, height: h } = nodeSize(box, 240, 220));
      if (last) draw(last);
    },
    destroy() {
      svg.remove();
    },
  };
}
