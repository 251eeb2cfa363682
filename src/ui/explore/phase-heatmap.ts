import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { pointer } from 'd3-selection';
import { etaAt, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { PhaseBoundaries } from '../../worker/selection-protocol';
import type { Chart } from '../charts/chart';
import { PlotFrame } from '../charts/plot-frame';
import type { LegendItem } from '../charts/legend';
import { labelSpaced } from '../charts/axis-ticks';
import { fmt } from '../diagram/diagram-model';
import { BOUNDARY_STYLES, drawnBoundaries, type BoundaryKey } from './phase-legend-styles';
import { COLORS } from '../theme/colors';
import { sizes } from '../theme/sizes';

export interface PhaseModel {
  grid: PhaseGridSpec;
  /** Escaped runs per cell, −1 not computed yet (row-major: cell = bIndex·etaCount + etaIndex). */
  escaped: Int32Array;
  boundaries: PhaseBoundaries | null;
  /** The configuration's η and B, marked with a ring when they are on the grid. */
  current: { eta: number; B: number };
  /** The keyboard cursor's cell. */
  cursor: number;
  lecture: boolean;
}

export interface PhaseHandlers {
  /** A cell was clicked. */
  pick(cell: number): void;
}

export type PhaseHandle = Chart<PhaseModel>;

const ramp = scaleLinear<string>().domain([0, 1]).range([COLORS.rampLow, COLORS.rampHigh]).clamp(true);
/** The measured fraction's colour: pale grey (none escaped) to near black (all); theory lines are coloured. */
export const escapeColor = (fraction: number): string => ramp(fraction);

/** The legend: the measured ramp, then each theory boundary (marked when it falls off the grid), from the lines' own styles. */
function phaseLegend(m: PhaseModel): LegendItem[] {
  const drawn = drawnBoundaries(m.grid, m.boundaries);
  const { runs, steps } = m.grid;
  const stops = [0, 0.25, 0.5, 0.75, 1].map(escapeColor);
  return [
    { key: 'measured', label: `Measured: 0 → ${runs} of ${runs} runs escaped within ${steps} steps`, short: `Measured: 0 → ${runs} escaped`, swatch: { kind: 'ramp', stops } },
    ...(['rho', 'lyapunov', 'rectangle', 'gd'] as const).map((k): LegendItem => {
      const st = BOUNDARY_STYLES[k];
      const off = drawn.includes(k) ? '' : ' (off the grid)';
      return { key: k, label: `Theory ${st.label}${off}`, short: `${st.short}${off}`, swatch: { kind: 'line', color: st.color, dash: st.dash, width: st.width } };
    }),
  ];
}

/**
 * The escape phase diagram: measured escape fractions over η (log) × B on a
 * canvas, the theory's boundaries and the axes on an SVG above it. A cell not
 * computed yet shows its coarse block's value faintly until its own arrives.
 */
export function createPhaseHeatmap(box: HTMLDivElement, handlers: PhaseHandlers): PhaseHandle {
  const frame = new PlotFrame(box, { label: 'escape phase diagram over η and B', canvases: 1, legendTestId: 'phase-legend', minWidth: 320, minHeight: 220, compactBelow: { width: 0, height: 0 } });
  const canvas = frame.canvases[0];
  canvas.dataset.testid = 'phase-canvas';
  const svg = frame.svg.attr('data-testid', 'phase-diagram');
  const lines = frame.over.append('g').attr('class', 'boundaries');
  const ring = frame.over.append('rect').attr('data-testid', 'phase-current').attr('fill', 'none').attr('stroke', COLORS.reference);
  const cursorRect = frame.over.append('rect').attr('data-testid', 'phase-cursor').attr('fill', 'none').attr('stroke', COLORS.black).attr('stroke-dasharray', '4 3');
  const hit = frame.over.append('rect').attr('fill', 'transparent').style('cursor', 'pointer');

  let model: PhaseModel | null = null;
  let x = scaleLog();
  let y = scaleBand<number>();

  /** The plot area as margins (the frame's), for the drawing below. */
  const margin = () => {
    const { plot, width, height } = frame;
    return { l: plot.x, t: plot.y, r: width - plot.x - plot.w, b: height - plot.y - plot.h };
  };

  function scales(m: PhaseModel): void {
    const mg = margin();
    const { width, height } = frame;
    // cell edges: half a log-step beyond the first and last η
    const half = m.grid.etaCount > 1 ? Math.sqrt(etaAt(m.grid, 1) / etaAt(m.grid, 0)) : 1.05;
    x = scaleLog().domain([m.grid.etaMin / half, m.grid.etaMax * half]).range([mg.l, width - mg.r]);
    y = scaleBand<number>().domain(m.grid.batches).range([height - mg.b, mg.t]).padding(0);
  }

  function cellRect(m: PhaseModel, cell: number): { x: number; y: number; w: number; h: number } {
    const e = cell % m.grid.etaCount;
    const B = m.grid.batches[Math.floor(cell / m.grid.etaCount)];
    const half = m.grid.etaCount > 1 ? Math.sqrt(etaAt(m.grid, 1) / etaAt(m.grid, 0)) : 1.05;
    const eta = etaAt(m.grid, e);
    const x0 = x(eta / half);
    return { x: x0, y: y(B) ?? 0, w: x(eta * half) - x0, h: y.bandwidth() };
  }

  /** The value to paint: the cell's own, else its finest computed coarse block's (faint). */
  function shown(m: PhaseModel, cell: number): { v: number; own: boolean } | null {
    if (m.escaped[cell] >= 0) return { v: m.escaped[cell], own: true };
    const E = m.grid.etaCount;
    const r = Math.floor(cell / E);
    const e = cell % E;
    for (const s of [2, 4, 8]) {
      const c = (r - (r % s)) * E + (e - (e % s));
      if (m.escaped[c] >= 0) return { v: m.escaped[c], own: false };
    }
    return null;
  }

  function drawCells(m: PhaseModel): void {
    const mg = margin();
    const { width, height } = frame;
    const ctx = frame.context(0);
    ctx.clearRect(0, 0, width, height);
    // not computed yet: white with a light hatch, apart from "none escaped"
    const pw = width - mg.l - mg.r;
    const ph = height - mg.t - mg.b;
    ctx.fillStyle = COLORS.paper;
    ctx.fillRect(mg.l, mg.t, pw, ph);
    ctx.save();
    ctx.beginPath();
    ctx.rect(mg.l, mg.t, pw, ph);
    ctx.clip();
    ctx.strokeStyle = COLORS.pendingHatch;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = -ph; k < pw; k += 14) {
      ctx.moveTo(mg.l + k, mg.t + ph);
      ctx.lineTo(mg.l + k + ph, mg.t);
    }
    ctx.stroke();
    ctx.restore();
    for (let c = 0; c < m.escaped.length; c++) {
      const v = shown(m, c);
      if (!v) continue;
      const r = cellRect(m, c);
      ctx.globalAlpha = v.own ? 1 : 0.45;
      ctx.fillStyle = escapeColor(v.v / m.grid.runs);
      // a hair wider so no seams show between cells
      ctx.fillRect(r.x, r.y, r.w + 0.6, r.h + 0.6);
    }
    ctx.globalAlpha = 1;
  }

  function drawBoundaries(m: PhaseModel, sw: number): void {
    const b = m.boundaries;
    type Path = { key: BoundaryKey; d: string };
    const paths: Path[] = [];
    if (b) {
      const [xlo, xhi] = x.domain();
      const inRange = (v: number | null): v is number => v !== null && v >= xlo && v <= xhi;
      const step = (vals: Array<number | null>) => {
        let d = '';
        let open = false;
        b.batches.forEach((B, i) => {
          const v = vals[i];
          if (!inRange(v)) {
            open = false;
            return;
          }
          const top = y(B) ?? 0;
          const bottom = top + y.bandwidth();
          d += `${open ? 'L' : 'M'}${x(v)},${bottom}L${x(v)},${top}`;
          open = true;
        });
        return d;
      };
      paths.push({ key: 'rho', d: step(b.rho) }, { key: 'lyapunov', d: step(b.lyapunov) }, { key: 'rectangle', d: step(b.rectangle) });
      if (inRange(b.gd)) paths.push({ key: 'gd', d: `M${x(b.gd)},${frame.plot.y + frame.plot.h}L${x(b.gd)},${frame.plot.y}` });
    }
    const drawn = paths.filter((p) => p.d);
    const g = lines.selectAll<SVGGElement, Path>('g').data(drawn, (p) => p.key);
    g.exit().remove();
    const ge = g.enter().append('g');
    ge.append('path').attr('class', 'halo').attr('fill', 'none').attr('stroke', COLORS.paper);
    ge.append('path').attr('class', 'line').attr('fill', 'none');
    const all = ge.merge(g).attr('data-testid', (p) => `boundary-${p.key}`);
    all
      .select('.halo')
      .attr('d', (p) => p.d)
      .attr('stroke-width', (p) => (BOUNDARY_STYLES[p.key].width + 3) * sw);
    all
      .select('.line')
      .attr('d', (p) => p.d)
      .attr('stroke', (p) => BOUNDARY_STYLES[p.key].color)
      .attr('stroke-dasharray', (p) => BOUNDARY_STYLES[p.key].dash.split(' ').map((v) => Number(v) * sw).join(' '))
      .attr('stroke-width', (p) => BOUNDARY_STYLES[p.key].width * sw);
  }

  function nearestCell(m: PhaseModel, eta: number, B: number): number {
    const lo = Math.log(m.grid.etaMin);
    const span = Math.log(m.grid.etaMax) - lo;
    const e = m.grid.etaCount > 1 && span > 0 ? Math.round(((Math.log(eta) - lo) / span) * (m.grid.etaCount - 1)) : 0;
    const r = m.grid.batches.indexOf(B);
    if (r < 0 || e < 0 || e >= m.grid.etaCount) return -1;
    return r * m.grid.etaCount + e;
  }

  function draw(): void {
    const m = model;
    if (!m) return;
    const z = sizes(m.lecture);
    const sw = z.stroke;
    frame.layout(m.lecture, { x: { ticks: [], titles: ['learning rate η (log scale)'] }, y: { ticks: m.grid.batches.map(String), titles: ['batch size B'] }, legend: phaseLegend(m), top: 12, right: 24 });
    scales(m);
    const mg = margin();
    const { width, height, type } = frame;
    drawCells(m);
    // Log-scale ticks come several to a decade: keep those whose labels do not touch.
    const ticks = labelSpaced(x.ticks(z.phase.ticks), (v) => x(v), fmt, type.tick);
    frame.axis('x', axisBottom(x).tickValues(ticks).tickFormat((v) => fmt(Number(v))));
    const rows = m.grid.batches;
    const every = Math.max(1, Math.ceil((rows.length * (type.tick + 8)) / Math.max(1, height - mg.t - mg.b)));
    frame.axis('y', axisLeft(y).tickValues(rows.filter((_, i) => i % every === 0 || i === rows.length - 1)));
    drawBoundaries(m, sw);
    const cur = nearestCell(m, m.current.eta, m.current.B);
    const showRing = cur >= 0 && m.current.eta >= m.grid.etaMin * 0.999 && m.current.eta <= m.grid.etaMax * 1.001;
    if (showRing) {
      const r = cellRect(m, cur);
      ring.attr('display', null).attr('x', r.x - 1).attr('y', r.y - 1).attr('width', r.w + 2).attr('height', r.h + 2).attr('stroke-width', 3 * sw);
    } else ring.attr('display', 'none');
    const c = cellRect(m, m.cursor);
    cursorRect.attr('x', c.x).attr('y', c.y).attr('width', c.w).attr('height', c.h).attr('stroke-width', 2 * sw);
    hit.attr('x', mg.l).attr('y', mg.t).attr('width', Math.max(0, width - mg.l - mg.r)).attr('height', Math.max(0, height - mg.t - mg.b));
    // the measured counts, for the browser tests (row-major, −1 not computed)
    svg.attr('data-done', m.escaped.reduce((acc, v) => acc + (v >= 0 ? 1 : 0), 0)).attr('data-escaped', m.escaped.join(','));
  }

  hit.on('click', (ev: MouseEvent) => {
    const m = model;
    if (!m) return;
    const [px, py] = pointer(ev, svg.node());
    const lo = Math.log(m.grid.etaMin);
    const span = Math.log(m.grid.etaMax) - lo;
    const e = m.grid.etaCount > 1 && span > 0 ? Math.round(((Math.log(x.invert(px)) - lo) / span) * (m.grid.etaCount - 1)) : 0;
    const rows = m.grid.batches;
    const r = rows.findIndex((B) => {
      const top = y(B) ?? 0;
      return py >= top && py <= top + y.bandwidth();
    });
    if (r < 0) return;
    handlers.pick(r * m.grid.etaCount + Math.max(0, Math.min(m.grid.etaCount - 1, e)));
  });

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
