import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import type { RunBuffers } from '../sim/run-buffers';
import { nodeSize, type Chart } from '../charts/chart';
import { legendOutside, type LegendItem } from '../charts/legend';
import { chartType, decadeTicks, sizeCanvas, spacedTicks, tidyAxisEnds } from '../charts/plot-frame';
import { textWidth } from '../theme/text-width';
import { COLORS } from '../theme/colors';
import { gammaLine, LOSS_CAP, lossDomain } from './wws-model';
import { sizes } from '../theme/sizes';

export interface EscapeChartData {
  sgd: RunBuffers | null;
  gd: RunBuffers | null;
  /** Theorem 3.5: E L_t ≥ γ₀ᵗ L₀, drawn from the switch loss L₀ (never fitted to the runs). */
  theory: { L0: number; gamma0: number } | null;
  lecture: boolean;
  /** The live buffers are mutable: a new frame number means new points. */
  frame: number;
}

export type EscapeChart = Chart<EscapeChartData>;

const MEAN = COLORS.sgdMean;

/**
 * Wu–Wang–Su Fig. 4: the loss of every SGD run after the switch on a log scale
 * (canvas), their mean on top, GD continued from the switch point, and the
 * theory's slope γ₀ dashed beside them (SVG axes and legend).
 */
export function createEscapeChart(box: HTMLDivElement): EscapeChart {
  const wrap = select(box).attr('data-testid', 'wws-escape');
  const canvas = wrap.append('canvas').style('position', 'absolute').style('left', '0').style('top', '0').node()!;
  const svg = wrap.append('svg').style('position', 'absolute').style('left', '0').style('top', '0');
  const gx = svg.append('g').attr('class', 'axis');
  const gy = svg.append('g').attr('class', 'axis');
  const xl = svg.append('text').attr('text-anchor', 'middle').attr('class', 'axis-label');
  const yl = svg.append('text').attr('text-anchor', 'middle').attr('class', 'axis-label');
  const theoryPath = svg.append('path').attr('fill', 'none').attr('data-testid', 'wws-gamma0-line');
  const legend = svg.append('g');
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  let w = 600;
  let h = 300;
  let last: EscapeChartData | null = null;

  function draw(d: EscapeChartData): void {
    last = d;
    const lec = d.lecture;
    const type = chartType(lec);
    const fs = type.label;
    const m = { l: Math.ceil(textWidth('1e-10', type.tick) + 14 + fs * 1.5), r: 16, t: 12, b: Math.ceil(type.tick * 1.6 + fs * 1.5) };
    sizeCanvas(canvas, w, h, dpr);
    svg.attr('width', w).attr('height', h);
    const sgd = d.sgd;
    const gd = d.gd;
    const th = d.theory;
    const thOk = th !== null && th.L0 > 0 && th.gamma0 > 0;
    // The legend beside or under the plot, never over the runs.
    const items: LegendItem[] = [];
    if (sgd) items.push({ key: 'sgd', label: `SGD, ${sgd.K} run${sgd.K === 1 ? '' : 's'}`, short: `SGD ×${sgd.K}`, swatch: { kind: 'line', color: COLORS.sgdRun, width: 2 } });
    if (sgd && sgd.K > 1) items.push({ key: 'mean', label: 'SGD mean', short: 'mean', swatch: { kind: 'line', color: MEAN, width: 4 } });
    if (gd) items.push({ key: 'gd', label: 'GD continued', short: 'GD', swatch: { kind: 'line', color: COLORS.gd, width: 4 } });
    if (thOk) items.push({ key: 'theory', label: `theory γ₀ᵗ, γ₀ = ${th.gamma0.toPrecision(3)}`, short: `γ₀ = ${th.gamma0.toPrecision(3)}`, swatch: { kind: 'line', color: COLORS.theory, dash: '9 6', width: 3 } });
    legendOutside(legend, items, { width: w, height: h, fontSize: type.legend, stroke: type.stroke }, m);
    plotArea.attr('x', m.l).attr('y', m.t).attr('width', w - m.l - m.r).attr('height', h - m.t - m.b);
    const bufs = [d.sgd, d.gd].filter((b): b is RunBuffers => b !== null && b.count > 0);
    let tMax = 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (const b of bufs) {
      tMax = Math.max(tMax, b.step[b.count - 1]);
      for (let r = 0; r < b.K; r++)
        for (let j = 0; j < b.count && b.alive(r, j); j++) {
          const v = b.loss[r * b.budget + j];
          if (v > 0 && Number.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
    }
    const x = scaleLinear().domain([0, tMax]).range([m.l, w - m.r]);
    const y = scaleLog().domain(lossDomain(lo, hi)).range([h - m.b, m.t]).clamp(true);
    gx.attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).tickValues(spacedTicks(x, Math.floor((w - m.l - m.r) / sizes(lec).tickGap), type.tick * 3)));
    const [ylo, yhi] = y.domain();
    gy.attr('transform', `translate(${m.l},0)`).call(axisLeft(y).tickValues(decadeTicks(ylo, yhi, h - m.t - m.b, type.tick * 1.6)).tickFormat((v) => `1e${Math.round(Math.log10(Number(v)))}`));
    tidyAxisEnds(gx, m.l - 6, w - 2, type.tick);
    svg.selectAll('.tick text').attr('font-size', type.tick);
    xl.attr('x', (m.l + w - m.r) / 2).attr('y', h - m.b + type.tick * 1.6 + fs).attr('font-size', fs).text('steps after the switch to SGD');
    yl.attr('transform', `translate(${sizes(lec).wws.escapeYTitle},${(m.t + h - m.b) / 2}) rotate(-90)`).attr('font-size', fs).text('loss L(θ_t)');

    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.l, m.t, w - m.l - m.r, h - m.t - m.b);
    ctx.clip();
    const path = (b: RunBuffers, values: (j: number) => number, alive: (j: number) => boolean) => {
      ctx.beginPath();
      let started = false;
      for (let j = 0; j < b.count && alive(j); j++) {
        const v = values(j);
        if (!(v > 0) || !Number.isFinite(v)) continue;
        // Past the cap a diverging run leaves through the top of the chart.
        const py = v > LOSS_CAP * 10 ? m.t - 10 : y(v);
        if (started) ctx.lineTo(x(b.step[j]), py);
        else ctx.moveTo(x(b.step[j]), py);
        started = true;
      }
      ctx.stroke();
    };
    if (sgd && sgd.count > 0) {
      ctx.strokeStyle = COLORS.sgdRun;
      ctx.globalAlpha = sgd.K === 1 ? 1 : Math.max(0.1, Math.min(0.5, 8 / sgd.K));
      ctx.lineWidth = sizes(lec).stroke;
      for (let r = 0; r < sgd.K; r++)
        path(
          sgd,
          (j) => sgd.loss[r * sgd.budget + j],
          (j) => sgd.alive(r, j),
        );
      ctx.globalAlpha = 1;
      if (sgd.K > 1) {
        const mean = sgd.summaryCurves().meanLoss;
        ctx.strokeStyle = MEAN;
        ctx.lineWidth = sizes(lec).wws.heavy;
        path(
          sgd,
          (j) => mean[j],
          () => true,
        );
      }
    }
    if (gd && gd.count > 0) {
      ctx.strokeStyle = COLORS.gd;
      ctx.lineWidth = sizes(lec).wws.heavy;
      path(
        gd,
        (j) => gd.loss[j],
        (j) => gd.alive(0, j),
      );
    }
    ctx.restore();

    theoryPath
      .attr('stroke', COLORS.theory)
      .attr('stroke-width', sizes(lec).wws.thick)
      .attr('stroke-dasharray', '9 6')
      .attr('clip-path', null)
      .attr('d', thOk ? linePath(gammaLine(th.L0, th.gamma0, tMax), x, y, m.t) : null);

  }

  return {
    update: draw,
    resize() {
      ({ width: w, height: h } = nodeSize(box, 240, 160));
      if (last) draw(last);
    },
    destroy() {
      wrap.selectAll('*').remove();
    },
  };
}

function linePath(pts: Array<{ t: number; loss: number }>, x: (t: number) => number, y: (v: number) => number, top: number): string {
  const out: string[] = [];
  for (const p of pts) {
    if (p.loss > LOSS_CAP * 1.5) break;
    out.push(`${out.length ? 'L' : 'M'}${x(p.t).toFixed(1)},${Math.max(top, y(p.loss)).toFixed(1)}`);
  }
  return out.join('');
}
