import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleLog } from 'd3-scale';
import { select } from 'd3-selection';
import type { RunBuffers } from '../sim/run-buffers';
import { COLORS } from '../theme/colors';
import { textWidth } from '../theme/text-width';

/** A theory line: y = y0 · exp(rate · t), drawn dashed from the start (never fitted to the runs). */
export interface TheoryLine {
  label: string;
  y0: number;
  /** Growth per step, natural log. */
  rate: number;
  color: string;
  dash: string;
}

export interface SeriesData {
  sgd: RunBuffers | null;
  gd: RunBuffers | null;
  field: 'loss' | 'dist';
  theory: TheoryLine[];
  lecture: boolean;
  /** Escape radius R, drawn as a horizontal line on the distance chart. */
  threshold: number | null;
}

export interface SeriesHandle {
  draw(data: SeriesData): void;
  resize(w: number, h: number): void;
  destroy(): void;
}

/** Drawn at most this many faint runs per frame (a long ensemble stays at 60 fps); the mean and median use all. */
const MAX_FAINT = 300;
const FLOOR = 1e-300;

/**
 * Loss or distance against the step on a log scale: every SGD run faint, the
 * mean and median on top, GD bold, theory slopes dashed. Runs are drawn on a
 * canvas, the axes in SVG. Diverged runs stop at their last finite point.
 */
export function createSeriesChart(box: HTMLDivElement, opts: { yLabel: string; testId: string }): SeriesHandle {
  const wrap = select(box).attr('data-testid', opts.testId);
  const canvas = wrap.append('canvas').style('position', 'absolute').style('left', '0').style('top', '0').node()!;
  const svg = wrap.append('svg').style('position', 'absolute').style('left', '0').style('top', '0');
  const gx = svg.append('g');
  const gy = svg.append('g');
  const xl = svg.append('text').attr('text-anchor', 'middle');
  const yl = svg.append('text').attr('text-anchor', 'middle');
  const legend = svg.append('g');
  const legendBg = legend.append('rect').attr('fill', 'rgba(255,255,255,0.85)').attr('rx', 4);
  let w = 600;
  let h = 300;
  let last: SeriesData | null = null;
  let legendKey = '';
  let drawnAxes = '';
  let legendWidth = 0;
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);

  function draw(data: SeriesData): void {
    last = data;
    const lec = data.lecture;
    const fs = lec ? 24 : 16;
    const m = lec ? { l: 96, r: 16, t: 14, b: 70 } : { l: 76, r: 14, t: 10, b: 54 };
    // Resizing a canvas reallocates it: only when the size changed, not on every streamed frame.
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      svg.attr('width', w).attr('height', h);
    }
    const bufs = [data.sgd, data.gd].filter((b): b is RunBuffers => b !== null && b.count > 0);
    let tMax = 1;
    let lo = Infinity;
    let hi = -Infinity;
    let points = 0;
    for (const b of bufs) {
      tMax = Math.max(tMax, b.step[b.count - 1]);
      const arr = data.field === 'loss' ? b.loss : b.dist;
      for (let r = 0; r < b.K; r++)
        for (let j = 0; j < b.count; j++) {
          if (!b.alive(r, j)) continue;
          const v = arr[r * b.budget + j];
          if (v > FLOOR && Number.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
    }
    if (data.threshold) hi = Math.max(hi, data.threshold * 1.5);
    if (!(lo < hi)) {
      lo = 1e-8;
      hi = 1;
    }
    lo = Math.max(lo, hi * 1e-30);
    const x = scaleLinear().domain([0, tMax]).range([m.l, w - m.r]);
    const y = scaleLog().domain([lo / 1.5, hi * 1.5]).range([h - m.b, m.t]).clamp(true);
    // The axes only when their scales changed (a finished run's frames leave them alone).
    const axesKey = `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${lec}`;
    if (axesKey !== drawnAxes) {
      drawnAxes = axesKey;
      gx.attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).ticks(Math.max(3, Math.floor((w - m.l - m.r) / (lec ? 110 : 70)))));
      gy.attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(5, '.0e'));
      svg.selectAll('.tick text').attr('font-size', fs - 3);
      xl.attr('x', (m.l + w - m.r) / 2).attr('y', h - 10).attr('font-size', fs).text('step t');
      yl.attr('transform', `translate(${lec ? 22 : 18},${(m.t + h - m.b) / 2}) rotate(-90)`).attr('font-size', fs).text(opts.yLabel);
    }

    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.l, m.t, w - m.l - m.r, h - m.t - m.b);
    ctx.clip();
    const line = (b: RunBuffers, r: number, arr: Float32Array) => {
      ctx.beginPath();
      let started = false;
      for (let j = 0; j < b.count; j++) {
        if (!b.alive(r, j)) break;
        const v = arr[r * b.budget + j];
        if (!(v > FLOOR) || !Number.isFinite(v)) {
          started = false;
          continue;
        }
        const px = x(b.step[j]);
        const py = y(v);
        if (started) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        started = true;
        points++;
      }
      ctx.stroke();
    };
    const sgd = data.sgd;
    if (sgd && sgd.count > 0) {
      const arr = data.field === 'loss' ? sgd.loss : sgd.dist;
      const faint = Math.min(sgd.K, MAX_FAINT);
      ctx.strokeStyle = COLORS.sgdRun;
      ctx.globalAlpha = sgd.K === 1 ? 1 : Math.max(0.08, Math.min(0.5, 6 / faint));
      ctx.lineWidth = (sgd.K === 1 ? 2.5 : 1) * (lec ? 1.8 : 1);
      for (let r = 0; r < faint; r++) line(sgd, r, arr);
      ctx.globalAlpha = 1;
      if (sgd.K > 1) {
        const sc = sgd.summaryCurves();
        const curve = (vals: Float64Array, color: string, dash: number[]) => {
          ctx.strokeStyle = color;
          ctx.setLineDash(dash);
          ctx.lineWidth = 3 * (lec ? 1.6 : 1);
          ctx.beginPath();
          let started = false;
          for (let j = 0; j < sc.step.length; j++) {
            const v = vals[j];
            if (!(v > FLOOR)) continue;
            if (started) ctx.lineTo(x(sc.step[j]), y(v));
            else ctx.moveTo(x(sc.step[j]), y(v));
            started = true;
          }
          ctx.stroke();
          ctx.setLineDash([]);
        };
        curve(data.field === 'loss' ? sc.meanLoss : sc.meanDist, '#003f6b', []);
        curve(data.field === 'loss' ? sc.medianLoss : sc.medianDist, '#56B4E9', [10, 4]);
      }
    }
    const gd = data.gd;
    if (gd && gd.count > 0) {
      ctx.strokeStyle = COLORS.gdRun;
      ctx.lineWidth = 3 * (lec ? 1.6 : 1);
      line(gd, 0, data.field === 'loss' ? gd.loss : gd.dist);
    }
    for (const th of data.theory) {
      if (!(th.y0 > 0) || !Number.isFinite(th.rate)) continue;
      ctx.strokeStyle = th.color;
      ctx.setLineDash(th.dash.split(' ').map(Number));
      ctx.lineWidth = 2.5 * (lec ? 1.6 : 1);
      ctx.beginPath();
      const n = 64;
      for (let i = 0; i <= n; i++) {
        const t = (tMax * i) / n;
        const v = th.y0 * Math.exp(th.rate * t);
        if (i === 0) ctx.moveTo(x(t), y(v));
        else ctx.lineTo(x(t), y(v));
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (data.threshold) {
      ctx.strokeStyle = '#666';
      ctx.setLineDash([2, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(m.l, y(data.threshold));
      ctx.lineTo(w - m.r, y(data.threshold));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.restore();
    box.setAttribute('data-points', String(points));

    const items: Array<[string, string, string]> = [];
    if (sgd) items.push([sgd.K > 1 ? `SGD, ${sgd.K} runs${sgd.K > MAX_FAINT ? ` (${MAX_FAINT} drawn)` : ''}` : 'SGD', COLORS.sgdRun, '']);
    if (sgd && sgd.K > 1) items.push(['SGD mean', '#003f6b', ''], ['SGD median', '#56B4E9', '10 4']);
    if (gd) items.push(['GD', COLORS.gdRun, '']);
    for (const th of data.theory) if (th.y0 > 0 && Number.isFinite(th.rate)) items.push([th.label, th.color, th.dash]);
    if (data.threshold) items.push([`escape radius R = ${data.threshold}`, '#666', '2 4']);
    const shownItems = lec ? items.filter((it) => !it[0].startsWith('SGD median') && !it[0].startsWith('escape radius')) : items;
    // Measuring the text forces a layout: only when the items, their size or the chart's width changed
    // (each streamed frame used to measure them, bench).
    const key = `${shownItems.map((it) => it.join('/')).join('|')}|${fs}|${lec}`;
    if (key !== legendKey) {
      legendKey = key;
      legendBg.attr('width', 0);
      const rows = legend.selectAll<SVGGElement, [string, string, string]>('g.item').data(shownItems).join((en) => {
        const g = en.append('g').attr('class', 'item');
        g.append('line').attr('x1', 0).attr('x2', 26);
        g.append('text').attr('x', 32).attr('dy', '0.35em');
        return g;
      });
      rows.attr('transform', (_d, i) => `translate(0,${i * fs * 1.3})`);
      rows.select('line').attr('stroke', (d) => d[1]).attr('stroke-width', lec ? 4 : 2.5).attr('stroke-dasharray', (d) => d[2] || null);
      rows.select('text').attr('font-size', fs - 2).text((d) => d[0]);
      let lw = 0;
      for (const it of shownItems) lw = Math.max(lw, textWidth(it[0], fs - 2));
      lw += 44;
      legendBg.attr('x', -8).attr('y', -fs * 0.8).attr('width', lw).attr('height', shownItems.length * fs * 1.3 + fs * 0.3);
      legendWidth = lw;
    }
    const lw = legendWidth;
    legend.attr('transform', `translate(${w - m.r - lw - 4},${m.t + fs})`);
  }

  return {
    draw,
    resize(nw, nh) {
      w = Math.max(200, nw);
      h = Math.max(150, nh);
      if (last) draw(last);
    },
    destroy() {
      wrap.selectAll('*').remove();
    },
  };
}
