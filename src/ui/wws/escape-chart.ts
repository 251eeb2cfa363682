import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { RunBuffers } from '../sim/run-buffers';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { decadeTicks, spacedTicks } from '../charts/axis-ticks';
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
  const frame = new PlotFrame(box, { testId: 'wws-escape', label: 'loss of every SGD run after the switch, GD continued and the theory’s slope', canvases: 1, minWidth: 240, minHeight: 160, compactBelow: { width: 0, height: 0 } });
  // Unclipped: a line that leaves through the top is held at the plot's edge (linePath).
  const theoryPath = frame.over.append('path').attr('fill', 'none').attr('data-testid', 'wws-gamma0-line');
  let last: EscapeChartData | null = null;

  function draw(d: EscapeChartData): void {
    last = d;
    const lec = d.lecture;
    const sgd = d.sgd;
    const gd = d.gd;
    const th = d.theory;
    const thOk = th !== null && th.L0 > 0 && th.gamma0 > 0;
    // The legend beside or under the plot (the frame's), never over the runs.
    const items: LegendItem[] = [];
    if (sgd) items.push({ key: 'sgd', label: `SGD, ${sgd.K} run${sgd.K === 1 ? '' : 's'}`, short: `SGD ×${sgd.K}`, swatch: { kind: 'line', color: COLORS.sgdRun, width: 2 } });
    if (sgd && sgd.K > 1) items.push({ key: 'mean', label: 'SGD mean', short: 'mean', swatch: { kind: 'line', color: MEAN, width: 4 } });
    if (gd) items.push({ key: 'gd', label: 'GD continued', short: 'GD', swatch: { kind: 'line', color: COLORS.gd, width: 4 } });
    if (thOk) items.push({ key: 'theory', label: `theory γ₀ᵗ, γ₀ = ${th.gamma0.toPrecision(3)}`, short: `γ₀ = ${th.gamma0.toPrecision(3)}`, swatch: { kind: 'line', color: COLORS.theory, dash: '9 6', width: 3 } });
    frame.layout(lec, { x: { ticks: [], titles: ['steps after the switch to SGD'] }, y: { ticks: ['1e-10'], titles: ['loss L(θ_t)'] }, legend: items, top: 12, right: 16 });
    const { plot, type, width: w, height: h } = frame;
    const m = { l: plot.x, t: plot.y };
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
    const x = scaleLinear().domain([0, tMax]).range([plot.x, plot.x + plot.w]);
    const y = scaleLog().domain(lossDomain(lo, hi)).range([plot.y + plot.h, plot.y]).clamp(true);
    frame.axis('x', axisBottom(x).tickValues(spacedTicks(x, Math.floor(plot.w / sizes(lec).tickGap), type.tick * 3)));
    const [ylo, yhi] = y.domain();
    frame.axis('y', axisLeft(y).tickValues(decadeTicks(ylo, yhi, plot.h, type.tick * 1.6)).tickFormat((v) => `1e${Math.round(Math.log10(Number(v)))}`));

    const ctx = frame.context(0);
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
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
      frame.resize();
      if (last) draw(last);
    },
    destroy() {
      frame.destroy();
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
