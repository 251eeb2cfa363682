import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import type { RunBuffers } from '../sim/run-buffers';
import { nodeSize, type Chart } from '../charts/chart';
import { COLORS } from '../theme/colors';
import { gammaLine, LOSS_CAP, lossDomain } from './wws-model';

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

const MEAN = '#003f6b';

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
  const legend = svg.append('g').attr('class', 'legend');
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  let w = 600;
  let h = 300;
  let last: EscapeChartData | null = null;

  function draw(d: EscapeChartData): void {
    last = d;
    const lec = d.lecture;
    const fs = lec ? 24 : 15;
    const m = lec ? { l: 100, r: 16, t: 12, b: 70 } : { l: 72, r: 12, t: 10, b: 50 };
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    svg.attr('width', w).attr('height', h);
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
    gx.attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).ticks(Math.max(3, Math.floor((w - m.l - m.r) / (lec ? 110 : 70)))));
    gy.attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(5, '.0e'));
    svg.selectAll('.tick text').attr('font-size', fs - 3);
    xl.attr('x', (m.l + w - m.r) / 2).attr('y', h - 12).attr('font-size', fs).text('steps after the switch to SGD');
    yl.attr('transform', `translate(${lec ? 24 : 18},${(m.t + h - m.b) / 2}) rotate(-90)`).attr('font-size', fs).text('loss L(θ_t)');

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
    const sgd = d.sgd;
    if (sgd && sgd.count > 0) {
      ctx.strokeStyle = COLORS.sgdRun;
      ctx.globalAlpha = sgd.K === 1 ? 1 : Math.max(0.1, Math.min(0.5, 8 / sgd.K));
      ctx.lineWidth = lec ? 1.8 : 1;
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
        ctx.lineWidth = lec ? 6 : 3.5;
        path(
          sgd,
          (j) => mean[j],
          () => true,
        );
      }
    }
    const gd = d.gd;
    if (gd && gd.count > 0) {
      ctx.strokeStyle = COLORS.gd;
      ctx.lineWidth = lec ? 6 : 3.5;
      path(
        gd,
        (j) => gd.loss[j],
        (j) => gd.alive(0, j),
      );
    }
    ctx.restore();

    const th = d.theory;
    const thOk = th !== null && th.L0 > 0 && th.gamma0 > 0;
    theoryPath
      .attr('stroke', COLORS.theory)
      .attr('stroke-width', lec ? 4 : 2.5)
      .attr('stroke-dasharray', '9 6')
      .attr('clip-path', null)
      .attr('d', thOk ? linePath(gammaLine(th.L0, th.gamma0, tMax), x, y, m.t) : null);

    const items: Array<[string, string, string, number]> = [];
    if (sgd) items.push([`SGD, ${sgd.K} run${sgd.K === 1 ? '' : 's'}`, COLORS.sgdRun, '', 2]);
    if (sgd && sgd.K > 1) items.push(['SGD mean', MEAN, '', 4]);
    if (gd) items.push(['GD continued', COLORS.gd, '', 4]);
    if (thOk) items.push([`theory γ₀ᵗ, γ₀ = ${th.gamma0.toPrecision(3)}`, COLORS.theory, '9 6', 3]);
    // Bottom right, labels left of their swatches: the runs climb through the top left.
    const rows = legend.selectAll<SVGGElement, (typeof items)[number]>('g.item').data(items).join((en) => {
      const g = en.append('g').attr('class', 'item');
      g.append('line').attr('x1', -30).attr('x2', 0);
      g.append('text').attr('x', -38).attr('dy', '0.35em').attr('text-anchor', 'end');
      return g;
    });
    const bottom = h - m.b - fs * (lec ? 2.6 : 2.2);
    rows.attr('transform', (_d, i) => `translate(${w - m.r - 14},${bottom - (items.length - 1 - i) * fs * 1.35})`);
    rows
      .select('line')
      .attr('stroke', (it) => it[1])
      .attr('stroke-width', (it) => it[3] * (lec ? 1.5 : 1))
      .attr('stroke-dasharray', (it) => it[2] || null);
    rows.select('text').attr('font-size', fs - 1).attr('class', 'halo').text((it) => it[0]);
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
