import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { pointer, select, type Selection } from 'd3-selection';
import { etaAt, type PhaseGridSpec } from '../../core/explore/phase-grid';
import type { PhaseBoundaries } from '../../worker/selection-protocol';
import { nodeSize, type Chart } from '../charts/chart';
import { labelSpaced } from '../charts/plot-frame';
import { fmt } from '../diagram/diagram-model';
import { BOUNDARY_STYLES, type BoundaryKey } from './phase-legend-styles';
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

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * The escape phase diagram: measured escape fractions over η (log) × B on a
 * canvas, the theory's boundaries and the axes on an SVG above it. A cell not
 * computed yet shows its coarse block's value faintly until its own arrives.
 */
export function createPhaseHeatmap(box: HTMLDivElement, handlers: PhaseHandlers): PhaseHandle {
  const canvas = select(box).append('canvas').attr('data-testid', 'phase-canvas').style('position', 'absolute');
  const svg = select(box).append('svg').attr('data-testid', 'phase-diagram').style('position', 'absolute').style('left', 0).style('top', 0);
  const plotArea = svg.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const lines = root.append('g').attr('class', 'boundaries');
  const ring = root.append('rect').attr('data-testid', 'phase-current').attr('fill', 'none').attr('stroke', COLORS.reference);
  const cursorRect = root.append('rect').attr('data-testid', 'phase-cursor').attr('fill', 'none').attr('stroke', COLORS.black).attr('stroke-dasharray', '4 3');
  const hit = root.append('rect').attr('fill', 'transparent').style('cursor', 'pointer');

  let width = 800;
  let height = 500;
  let model: PhaseModel | null = null;
  let x = scaleLog();
  let y = scaleBand<number>();

  const margin = () => sizes(model?.lecture ?? false).phase.margin;

  function scales(m: PhaseModel): void {
    const mg = margin();
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
    const dpr = globalThis.devicePixelRatio || 1;
    const node = canvas.node()!;
    canvas
      .attr('width', Math.round(width * dpr))
      .attr('height', Math.round(height * dpr))
      .style('width', `${width}px`)
      .style('height', `${height}px`);
    const ctx = node.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
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
      if (inRange(b.gd)) paths.push({ key: 'gd', d: `M${x(b.gd)},${height - margin().b}L${x(b.gd)},${margin().t}` });
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
    scales(m);
    const mg = margin();
    const z = sizes(m.lecture);
    const sw = z.stroke;
    const fontPx = z.phase.font;
    svg.attr('width', width).attr('height', height);
    plotArea.attr('x', mg.l).attr('y', mg.t).attr('width', Math.max(0, width - mg.l - mg.r)).attr('height', Math.max(0, height - mg.t - mg.b));
    canvas.style('left', '0px').style('top', '0px');
    drawCells(m);
    // Log-scale ticks come several to a decade: keep those whose labels do not touch.
    const ticks = labelSpaced(x.ticks(z.phase.ticks), (v) => x(v), fmt, fontPx - 2);
    gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).tickValues(ticks).tickFormat((v) => fmt(Number(v))));
    const rows = m.grid.batches;
    const every = Math.max(1, Math.ceil((rows.length * (fontPx + 6)) / Math.max(1, height - mg.t - mg.b)));
    gy.attr('transform', `translate(${mg.l},0)`).call(axisLeft(y).tickValues(rows.filter((_, i) => i % every === 0 || i === rows.length - 1)));
    for (const g of [gx, gy] as G[]) {
      g.selectAll('text').attr('font-size', fontPx - 2);
      g.selectAll('line,path').attr('stroke-width', sw);
    }
    xLabel.attr('x', (mg.l + width - mg.r) / 2).attr('y', height - z.phase.xTitle).attr('font-size', fontPx).text('learning rate η (log scale)');
    yLabel.attr('transform', `translate(${z.phase.yTitle},${(mg.t + height - mg.b) / 2}) rotate(-90)`).attr('font-size', fontPx).text('batch size B');
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
      ({ width, height } = nodeSize(box, 320, 220));
      draw();
    },
    destroy() {
      select(box).selectAll('canvas,svg').remove();
    },
  };
}
