import { axisBottom, axisLeft } from 'd3-axis';
import { drag } from 'd3-drag';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import { batchFactor } from '../../core/batch-factor';
import { batchForHeight, exactRegionBoundary, stabilityRectangle } from '../../core/stability-region';
import { COLORS } from '../theme/colors';
import { familyBatches, familyEtas, fmt, pointStatus, type DiagramModel } from './diagram-model';
import { textWidth } from '../theme/text-width';
import { uniqueId } from '../theme/unique-id';

export interface DiagramHandlers {
  /** The corner was dragged to (a, s): η = 2/a and the B whose height is s. */
  corner(eta: number, B: number): void;
  /** The hand-placed point was dragged. */
  point(a: number, s: number): void;
}

export interface DiagramHandle {
  update(model: DiagramModel): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

type Scale = ScaleContinuousNumeric<number, number>;
type G = Selection<SVGGElement, unknown, null, undefined>;

const ANIMATE_MS = 280;

/**
 * Wu–Ma–E's sharpness–non-uniformity diagram (§3.1, eq. 9, Fig. 3): the SGD
 * rectangle, GD's strip, the exact 1D region, a Fig. 3 family, the minima of
 * the current problem and a hand-placed point. D3 owns the SVG; React only
 * passes models in. The axes glide to a new range when η or B moves by orders
 * of magnitude, and hold still while the corner is being dragged.
 */
export function createStabilityDiagram(svgEl: SVGSVGElement, handlers: DiagramHandlers): DiagramHandle {
  const svg = select(svgEl);
  svg.attr('data-testid', 'stability-diagram').attr('role', 'img').attr('aria-label', 'sharpness–non-uniformity diagram');
  const defs = svg.append('defs');
  const clipId = uniqueId('clip');
  const clipRect = defs.append('clipPath').attr('id', clipId).append('rect');
  const hatch = defs.append('pattern').attr('id', `${clipId}-hatch`).attr('patternUnits', 'userSpaceOnUse').attr('width', 10).attr('height', 10).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 10).attr('height', 10).attr('fill', COLORS.gdFill);
  const hatchLine = hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 10).attr('stroke', COLORS.gd);

  const root = svg.append('g');
  const gx = root.append('g').attr('class', 'axis axis-x');
  const gy = root.append('g').attr('class', 'axis axis-y');
  const xLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const plot = root.append('g').attr('clip-path', `url(#${clipId})`);
  const gdStrip = plot.append('rect').attr('data-testid', 'gd-strip').attr('fill', `url(#${clipId}-hatch)`);
  const refs = plot.append('g').attr('class', 'references');
  const family = plot.append('g').attr('class', 'family');
  const rect = plot.append('rect').attr('data-testid', 'sgd-rectangle').attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd);
  const ellipse = plot.append('path').attr('data-testid', 'exact-region').attr('fill', COLORS.exactFill).attr('stroke', COLORS.exact);
  const gdLine = plot.append('line').attr('stroke', COLORS.gd).attr('stroke-dasharray', '8 5');
  const minimaG = plot.append('g').attr('class', 'minima');
  const over = root.append('g');
  const cornerLabel = over.append('text').attr('class', 'corner-label').attr('data-testid', 'corner-label');
  const corner = over.append('circle').attr('data-testid', 'rect-corner').attr('r', 10).attr('fill', COLORS.sgd).attr('stroke', '#fff').attr('tabindex', -1).style('cursor', 'move');
  const pointG = over.append('g').attr('class', 'hand-point');
  const pointMark = pointG.append('circle').attr('data-testid', 'hand-point').attr('r', 11).attr('stroke', COLORS.ink).style('cursor', 'move');
  const pointLabel = pointG.append('text').attr('class', 'point-label').attr('data-testid', 'point-label');
  const legend = root.append('g').attr('class', 'legend').attr('data-testid', 'diagram-legend');

  let width = 800;
  let height = 560;
  let model: DiagramModel | null = null;
  let shown = { x: 1, y: 1 }; // current domain tops (linear) — animated toward the target
  let target = { x: 1, y: 1 };
  let dragging = false;
  let anim = 0;
  let x: Scale = scaleLinear();
  let y: Scale = scaleLinear();
  /** Room under the axis for the legend rows (set by drawLegend). */
  let legendHeight = 60;
  /** What the legend was last built for (drawLegend skips an unchanged rebuild). */
  let legendKey = '';

  const margin = () => (model?.lecture ? { l: 110, r: 28, t: 28, b: 92 + legendHeight } : { l: 84, r: 24, t: 20, b: 70 + legendHeight });
  const k = () => (model?.lecture ? 1.8 : 1);

  function scales(m: DiagramModel): void {
    const mg = margin();
    const xr = [mg.l, width - mg.r];
    const yr = [height - mg.b, mg.t];
    if (m.axes === 'log') {
      x = scaleLog().domain([shown.x / 1e3, shown.x]).range(xr).clamp(true);
      y = scaleLog().domain([shown.y / 1e3, shown.y]).range(yr).clamp(true);
    } else {
      x = scaleLinear().domain([0, shown.x]).range(xr);
      y = scaleLinear().domain([0, shown.y]).range(yr);
    }
  }

  function draw(): void {
    const m = model;
    if (!m) return;
    scales(m);
    const mg = margin();
    const sw = k();
    const r = stabilityRectangle(m.eta, m.n, m.B, m.sampling);
    const c = batchFactor(m.n, m.B, m.sampling);
    const a2 = r.sharpnessMax;
    const finite = Number.isFinite(r.nonUniformityMax);
    const yTop = y.range()[1];
    const x0 = x(m.axes === 'log' ? x.domain()[0] : 0);
    const y0 = y(m.axes === 'log' ? y.domain()[0] : 0);

    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    clipRect.attr('x', mg.l).attr('y', mg.t).attr('width', Math.max(0, width - mg.l - mg.r)).attr('height', Math.max(0, height - mg.t - mg.b));
    hatchLine.attr('stroke-width', 1.2 * sw);

    const fontPx = m.lecture ? 26 : 17;
    gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).ticks(Math.max(3, Math.min(m.axes === 'log' ? 6 : 10, Math.floor((width - mg.l - mg.r) / (m.lecture ? 110 : 80)))), m.axes === 'log' ? '~g' : undefined));
    gy.attr('transform', `translate(${mg.l},0)`).call(axisLeft(y).ticks(Math.max(3, Math.min(m.axes === 'log' ? 6 : 8, Math.floor((height - mg.t - mg.b) / (m.lecture ? 55 : 40)))), m.axes === 'log' ? '~g' : undefined));
    for (const g of [gx, gy] as G[]) {
      g.selectAll('text').attr('font-size', fontPx - 2);
      g.selectAll('line,path').attr('stroke-width', sw);
    }
    xLabel.attr('x', (mg.l + width - mg.r) / 2).attr('y', height - legendHeight - (m.lecture ? 22 : 18)).attr('font-size', fontPx).text(m.lecture ? 'sharpness a' : 'sharpness a = λmax(H)');
    yLabel.attr('transform', `translate(${m.lecture ? 30 : 24},${(mg.t + height - mg.b) / 2}) rotate(-90)`).attr('font-size', fontPx).text(m.lecture ? 'non-uniformity s' : 'non-uniformity s = √λmax(Σ)');

    // GD's strip 0 ≤ a ≤ 2/η, all heights (Wu §3.1).
    gdStrip.attr('x', x0).attr('y', yTop).attr('width', Math.max(0, x(a2) - x0)).attr('height', Math.max(0, y0 - yTop));
    gdLine.attr('x1', x(a2)).attr('x2', x(a2)).attr('y1', yTop).attr('y2', y0).attr('stroke-width', 2.5 * sw);

    // Wu eq. 9: 0 ≤ a ≤ 2/η, 0 ≤ s ≤ 1/(η√c).
    const top = finite ? y(r.nonUniformityMax) : yTop;
    rect
      .attr('display', finite ? null : 'none')
      .attr('x', x0)
      .attr('y', top)
      .attr('width', Math.max(0, x(a2) - x0))
      .attr('height', Math.max(0, y0 - top))
      .attr('stroke-width', 3 * sw);

    // The exact 1D region (1 − ηa)² + η²c s² ≤ 1 (Wu eqs. 1–3).
    const boundary = exactRegionBoundary(m.eta, c, m.axes === 'log' ? 721 : 241).filter(([, s]) => m.axes !== 'log' || s > 0);
    ellipse
      .attr('display', boundary.length ? null : 'none')
      .attr('d', boundary.length ? line()(boundary.map(([a, s]) => [x(a), y(s)] as [number, number])) + 'Z' : '')
      .attr('stroke-width', 2.5 * sw);

    drawFamily(m, sw, fontPx);
    drawReferences(m, sw, fontPx);

    // The corner handle and its label with both values.
    const cy = finite ? y(r.nonUniformityMax) : yTop + 12;
    corner
      .attr('cx', x(a2))
      .attr('cy', Math.max(yTop, cy))
      .attr('r', m.lecture ? 15 : 10)
      .attr('stroke-width', 2 * sw)
      .attr('data-eta', m.eta)
      .attr('data-b', m.B)
      .attr('data-a', a2)
      .attr('data-s', finite ? r.nonUniformityMax : 'Infinity');
    const cornerText = finite ? `2/η = ${fmt(a2)},  1/(η√c) = ${fmt(r.nonUniformityMax)}` : `2/η = ${fmt(a2)};  B = n: GD's strip only`;
    const leftSide = x(a2) > width - mg.r - 360 * (m.lecture ? 1.5 : 1);
    cornerLabel
      .attr('x', x(a2) + (leftSide ? -16 : 16))
      .attr('y', Math.max(yTop + fontPx, Math.max(yTop, cy) - 14))
      .attr('text-anchor', leftSide ? 'end' : 'start')
      .attr('font-size', fontPx)
      .text(cornerText);

    drawMinima(m, sw, fontPx);
    drawPoint(m, sw, fontPx);
    drawLegend(m, sw, fontPx);
  }

  function drawFamily(m: DiagramModel, sw: number, fontPx: number): void {
    type Item = { key: string; a: number; s: number; label: string };
    let items: Item[] = [];
    if (m.family === 'batch')
      items = familyBatches(m.n, m.B).map((b) => {
        const r = stabilityRectangle(m.eta, m.n, b, m.sampling);
        return { key: `B${b}`, a: r.sharpnessMax, s: r.nonUniformityMax, label: b === m.n && m.sampling === 'without' ? `B = ${b} (GD)` : `B = ${b}` };
      });
    if (m.family === 'eta')
      items = familyEtas(m.eta).map((e) => {
        const r = stabilityRectangle(e, m.n, m.B, m.sampling);
        return { key: `e${e}`, a: r.sharpnessMax, s: r.nonUniformityMax, label: `η = ${fmt(e)}` };
      });
    const x0 = x(m.axes === 'log' ? x.domain()[0] : 0);
    const y0 = y(m.axes === 'log' ? y.domain()[0] : 0);
    const yTop = y.range()[1];
    const g = family.selectAll<SVGGElement, Item>('g').data(items, (d) => d.key);
    g.exit().remove();
    const ge = g.enter().append('g').attr('data-testid', 'family-member');
    ge.append('rect').attr('fill', 'none').attr('stroke', COLORS.family).attr('stroke-dasharray', '3 3');
    ge.append('text').attr('fill', COLORS.family);
    const all = ge.merge(g);
    all
      .select('rect')
      .attr('x', x0)
      .attr('y', (d) => (Number.isFinite(d.s) ? y(d.s) : yTop))
      .attr('width', (d) => Math.max(0, x(d.a) - x0))
      .attr('height', (d) => Math.max(0, y0 - (Number.isFinite(d.s) ? y(d.s) : yTop)))
      .attr('stroke-width', 1.6 * sw);
    all
      .select('text')
      .attr('x', (d) => x(d.a) - 6)
      .attr('y', (d) => (Number.isFinite(d.s) ? y(d.s) : yTop) + fontPx + 2)
      .attr('text-anchor', 'end')
      .attr('font-size', fontPx - 2)
      .text((d) => d.label);
  }

  function drawReferences(m: DiagramModel, sw: number, fontPx: number): void {
    const g = refs.selectAll<SVGGElement, DiagramModel['references'][number]>('g').data(m.references, (d) => d.label);
    g.exit().remove();
    const ge = g.enter().append('g').attr('data-testid', 'reference-mark');
    ge.append('rect').attr('fill', 'none').attr('stroke', COLORS.reference).attr('stroke-dasharray', '2 3');
    ge.append('text').attr('fill', COLORS.reference);
    const all = ge.merge(g);
    all
      .select('rect')
      .attr('x', (d) => x(d.a[0]) - (d.a[0] === d.a[1] ? 5 : 0))
      .attr('y', (d) => y(d.s[1]) - (d.s[0] === d.s[1] ? 5 : 0))
      .attr('width', (d) => Math.max(10, x(d.a[1]) - x(d.a[0])))
      .attr('height', (d) => Math.max(10, y(d.s[0]) - y(d.s[1])))
      .attr('stroke-width', 2 * sw);
    all
      .select('text')
      .attr('x', (d) => x(d.a[1]) + 8)
      .attr('y', (d) => y(d.s[1]) + 4)
      .attr('font-size', fontPx - 3)
      .text((d) => d.label);
  }

  function drawMinima(m: DiagramModel, sw: number, fontPx: number): void {
    const many = m.minima.length > 40;
    const sel = minimaG.selectAll<SVGPathElement, DiagramModel['minima'][number]>('path').data(m.minima);
    sel.exit().remove();
    const size = (many ? 4 : 8) * (m.lecture ? 1.5 : 1);
    sel
      .enter()
      .append('path')
      .attr('data-testid', 'minimum')
      .merge(sel)
      .attr('d', (d) => (d.stableSGD ? circlePath(size) : d.stableGD ? trianglePath(size * 1.2) : crossPath(size)))
      .attr('transform', (d) => `translate(${x(Math.max(d.a, 1e-12))},${y(Math.max(d.s, 1e-12))})`)
      .attr('fill', (d) => (d.stableSGD || d.stableGD ? minimumColor(d) : 'none'))
      .attr('stroke', (d) => (d.stableSGD || d.stableGD ? COLORS.ink : minimumColor(d)))
      .attr('stroke-width', (d) => (d.stableSGD || d.stableGD ? 1 : 3) * sw)
      .attr('data-status', (d) => (d.stableSGD ? 'sgd-stable' : d.stableGD ? 'gd-only' : 'unstable'))
      .attr('data-label', (d) => d.label);
    const labels = minimaG.selectAll<SVGTextElement, DiagramModel['minima'][number]>('text').data(many ? m.minima.filter((d) => d.isStart) : m.minima);
    labels.exit().remove();
    labels
      .enter()
      .append('text')
      .merge(labels)
      .attr('text-anchor', (d) => (x(Math.max(d.a, 1e-12)) > width - 200 ? 'end' : 'start'))
      .attr('x', (d) => x(Math.max(d.a, 1e-12)) + (x(Math.max(d.a, 1e-12)) > width - 200 ? -12 : 12))
      .attr('y', (d) => y(Math.max(d.s, 1e-12)) - 10)
      .attr('font-size', fontPx - 2)
      .attr('font-weight', (d) => (d.isStart ? 700 : 400))
      .text((d) => `${d.label}${d.isStart ? ' (start)' : ''}`);
  }

  function drawPoint(m: DiagramModel, sw: number, fontPx: number): void {
    pointG.attr('display', m.point ? null : 'none');
    if (!m.point) return;
    const st = pointStatus(m.point.a, m.point.s, m.eta, m.n, m.B, m.sampling);
    const px = x(Math.max(m.point.a, 1e-12));
    const py = y(Math.max(m.point.s, 1e-12));
    pointMark
      .attr('cx', px)
      .attr('cy', py)
      .attr('r', m.lecture ? 16 : 11)
      .attr('stroke-width', 2 * sw)
      .attr('fill', st.insideEllipse ? COLORS.stable : COLORS.unstable)
      .attr('data-inside', st.insideEllipse ? '1' : '0')
      .attr('data-in-rectangle', st.insideRectangle ? '1' : '0')
      .attr('data-factor', st.factor);
    const lines = [
      `(a, s) = (${fmt(m.point.a)}, ${fmt(m.point.s)}), n = ${m.n}`,
      `(1−ηa)² + η²c s² = ${fmt(st.factor)}: ${st.insideEllipse ? 'inside' : 'outside'} the exact region`,
      `${st.insideRectangle ? 'inside' : 'outside'} the rectangle`,
    ];
    const right = px < width - 460 * (m.lecture ? 1.5 : 1);
    const t = pointLabel
      .attr('x', px + (right ? 20 : -20))
      .attr('y', py + 6)
      .attr('text-anchor', right ? 'start' : 'end')
      .attr('font-size', fontPx - 1);
    t.selectAll('tspan')
      .data(lines)
      .join('tspan')
      .attr('x', px + (right ? 20 : -20))
      .attr('dy', (_d, i) => (i === 0 ? 0 : fontPx * 1.15))
      .text((d) => d);
  }

  function drawLegend(m: DiagramModel, sw: number, fontPx: number): void {
    const items: Array<{ key: string; swatch: (g: G) => void; text: string }> = [
      { key: 'rect', swatch: (g) => g.append('rect').attr('width', 26).attr('height', 16).attr('y', -12).attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd).attr('stroke-width', 2.5 * sw), text: m.lecture ? 'SGD rectangle' : 'SGD rectangle a ≤ 2/η, s ≤ 1/(η√c) (Wu eq. 9)' },
      { key: 'ellipse', swatch: (g) => g.append('rect').attr('width', 26).attr('height', 16).attr('y', -12).attr('rx', 8).attr('fill', COLORS.exactFill).attr('stroke', COLORS.exact).attr('stroke-width', 2 * sw), text: m.lecture ? 'exact region' : 'exact 1D region (1−ηa)² + η²cs² ≤ 1' },
      { key: 'gd', swatch: (g) => g.append('rect').attr('width', 26).attr('height', 16).attr('y', -12).attr('fill', `url(#${clipId}-hatch)`).attr('stroke', COLORS.gd).attr('stroke-dasharray', '5 3').attr('stroke-width', 2 * sw), text: m.lecture ? 'GD strip' : "GD's strip a ≤ 2/η" },
    ];
    if (m.minima.length)
      items.push(
        { key: 'm1', swatch: (g) => g.append('path').attr('d', circlePath(8)).attr('transform', 'translate(13,-4)').attr('fill', COLORS.stable).attr('stroke', COLORS.ink), text: m.lecture ? 'SGD-stable (theory)' : 'minimum stable for SGD: ρ(𝒯) ≤ 1 (theory)' },
        { key: 'm2', swatch: (g) => g.append('path').attr('d', trianglePath(9)).attr('transform', 'translate(13,-4)').attr('fill', COLORS.gdOnly).attr('stroke', COLORS.ink), text: m.lecture ? 'GD only' : 'stable for GD only: a ≤ 2/η' },
        { key: 'm3', swatch: (g) => g.append('path').attr('d', crossPath(8)).attr('transform', 'translate(13,-4)').attr('fill', 'none').attr('stroke', COLORS.unstable).attr('stroke-width', 3), text: m.lecture ? 'unstable' : 'unstable for both' },
      );
    if (m.references.length) items.push({ key: 'ref', swatch: (g) => g.append('rect').attr('width', 26).attr('height', 16).attr('y', -12).attr('fill', 'none').attr('stroke', COLORS.reference).attr('stroke-dasharray', '2 3').attr('stroke-width', 2), text: "paper's published data (reference)" });
    const mg = margin();
    // Measuring text forces a layout; rebuild only when what the legend shows or where it fits has changed
    // (a slider drag changes neither, and rebuilding on every frame was the drag's long tasks, bench).
    const key = `${items.map((it) => it.key + it.text).join('|')}|${fontPx}|${sw}|${width}|${height}|${mg.l}|${mg.r}`;
    if (key === legendKey) return;
    legendKey = key;
    legend.selectAll('*').remove();
    const lh = fontPx * 1.5;
    const avail = width - mg.l - mg.r;
    let cx = 0;
    let row = 0;
    for (const it of items) {
      const g = legend.append('g');
      it.swatch(g);
      g.append('text').attr('x', 34).attr('font-size', fontPx - 1).text(it.text);
      const tw = textWidth(it.text, fontPx - 1);
      const wItem = 34 + tw + 28;
      if (cx > 0 && cx + wItem > avail) {
        cx = 0;
        row++;
      }
      g.attr('transform', `translate(${cx},${row * lh})`);
      cx += wItem;
    }
    const rows = row + 1;
    const needed = rows * lh + 6;
    legend.attr('transform', `translate(${mg.l},${height - needed + fontPx * 0.3})`);
    if (Math.abs(needed - legendHeight) > 1) {
      legendHeight = needed;
      draw();
    }
  }

  // Dragging the corner: η from a = 2/η, B the nearest integer for the height (clamped to 1..n).
  corner.call(
    drag<SVGCircleElement, unknown>()
      .on('start', (ev) => {
        dragging = true;
        ev.sourceEvent?.stopPropagation?.();
      })
      .on('drag', (ev) => {
        const m = model;
        if (!m) return;
        const a = x.invert(Math.max(margin().l + 4, ev.x));
        const s = y.invert(Math.min(height - margin().b - 4, ev.y));
        const eta = 2 / Math.max(a, 1e-12);
        const b = batchForHeight(s, eta, m.n, m.sampling);
        const B = Math.min(m.n, Math.max(1, Math.round(Number.isFinite(b) ? b : m.n)));
        handlers.corner(Math.min(100, Math.max(1e-3, eta)), B);
      })
      .on('end', () => {
        dragging = false;
        retarget();
      }),
  );

  pointMark.call(
    drag<SVGCircleElement, unknown>()
      .on('start', (ev) => {
        dragging = true;
        ev.sourceEvent?.stopPropagation?.();
      })
      .on('drag', (ev) => {
        const a = Math.max(0, x.invert(ev.x));
        const s = Math.max(0, y.invert(ev.y));
        handlers.point(Number(a.toPrecision(4)), Number(s.toPrecision(4)));
      })
      .on('end', () => {
        dragging = false;
        retarget();
      }),
  );

  function retarget(): void {
    if (!model || dragging) return;
    target = targetDomain(model);
    if (Math.abs(Math.log(target.x / shown.x)) < 1e-9 && Math.abs(Math.log(target.y / shown.y)) < 1e-9) return;
    const from = { ...shown };
    const t0 = performance.now();
    cancelAnimationFrame(anim);
    const tick = () => {
      const u = Math.min(1, (performance.now() - t0) / ANIMATE_MS);
      const e = u * u * (3 - 2 * u);
      shown = { x: from.x * Math.pow(target.x / from.x, e), y: from.y * Math.pow(target.y / from.y, e) };
      draw();
      if (u < 1) anim = requestAnimationFrame(tick);
    };
    anim = requestAnimationFrame(tick);
  }

  return {
    update(m) {
      const first = model === null;
      model = m;
      if (first) {
        shown = targetDomain(m);
        target = shown;
      }
      draw(); // within this frame, at the current axes
      retarget();
    },
    resize(w, h) {
      width = Math.max(320, w);
      height = Math.max(240, h);
      draw();
    },
    destroy() {
      cancelAnimationFrame(anim);
      svg.selectAll('*').remove();
    },
  };
}

function targetDomain(m: DiagramModel): { x: number; y: number } {
  const r = stabilityRectangle(m.eta, m.n, m.B, m.sampling);
  let xs = r.sharpnessMax * 1.3;
  let ys = Number.isFinite(r.nonUniformityMax) ? r.nonUniformityMax * 1.3 : 0;
  const pts = [...m.minima.map((p) => [p.a, p.s]), ...(m.point ? [[m.point.a, m.point.s]] : []), ...m.references.map((q) => [q.a[1], q.s[1]])];
  for (const [a, s] of pts) {
    if (Number.isFinite(a)) xs = Math.max(xs, a * 1.12);
    if (Number.isFinite(s)) ys = Math.max(ys, s * 1.15);
  }
  if (m.family === 'eta') xs = Math.max(xs, (2 / Math.min(...familyEtas(m.eta))) * 1.1);
  if (m.family === 'batch') {
    const hs = familyBatches(m.n, m.B).map((b) => stabilityRectangle(m.eta, m.n, b, m.sampling).nonUniformityMax).filter(Number.isFinite);
    if (hs.length) ys = Math.max(ys, Math.max(...hs) * 1.1);
  }
  if (!(ys > 0)) ys = xs / 2;
  return { x: xs, y: ys };
}

function minimumColor(d: { stableSGD: boolean; stableGD: boolean }): string {
  return d.stableSGD ? COLORS.stable : d.stableGD ? COLORS.gdOnly : COLORS.unstable;
}

function circlePath(r: number): string {
  return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
}
function trianglePath(r: number): string {
  return `M0,${-r}L${r * 0.95},${r * 0.7}L${-r * 0.95},${r * 0.7}Z`;
}
function crossPath(r: number): string {
  return `M${-r},${-r}L${r},${r}M${-r},${r}L${r},${-r}`;
}
