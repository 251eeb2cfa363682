import { axisBottom, axisLeft } from 'd3-axis';
import { onPointerRelease, pointerHeld } from '../charts/pointer-held';
import { drag } from 'd3-drag';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { line } from 'd3-shape';
import { batchFactor } from '../../core/batch-factor';
import { batchForHeight, exactRegionBoundary, stabilityRectangle } from '../../core/stability-region';
import type { Chart } from '../charts/chart';
import { nodeSize } from '../charts/chart';
import { placeLabels, type Box, type LabelRequest } from '../charts/label-placement';
import { drawLegend, layoutLegend, type LegendItem, type LegendLayout } from '../charts/legend';
import { markPath } from '../charts/marks';
import { chartType, tidyAxisEnds } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
import { textWidth } from '../theme/text-width';
import { familyBatches, familyEtas, fmt, minimumStatus, pointStatus, type DiagramModel } from './diagram-model';
import { uniqueId } from '../theme/unique-id';
import { sizes } from '../theme/sizes';

export interface DiagramHandlers {
  /** The corner was dragged to (a, s): η = 2/a and the B whose height is s. */
  corner(eta: number, B: number): void;
  /** The hand-placed point was dragged. */
  point(a: number, s: number): void;
}

export type DiagramHandle = Chart<DiagramModel>;

type Scale = ScaleContinuousNumeric<number, number>;
type G = Selection<SVGGElement, unknown, null, undefined>;

const ANIMATE_MS = 280;
/** A finger needs a larger handle than a mouse (a phone, a touch board in a hall). */
const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * Wu–Ma–E's sharpness–non-uniformity diagram (§3.1, eq. 9, Fig. 3): the SGD
 * rectangle, GD's strip, the exact 1D region, a Fig. 3 family, the minima of
 * the current problem and a hand-placed point. D3 owns the SVG; React only
 * passes models in. The axes glide to a new range when η or B moves by orders
 * of magnitude, and hold still while the corner is being dragged.
 */
export function createStabilityDiagram(node: HTMLDivElement, handlers: DiagramHandlers): DiagramHandle {
  const svg = select(node).append('svg');
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
  const plotArea = root.append('rect').attr('data-plot-area', '').attr('fill', 'none').attr('pointer-events', 'none');
  const plot = root.append('g').attr('clip-path', `url(#${clipId})`);
  const gdStrip = plot.append('rect').attr('data-testid', 'gd-strip').attr('fill', `url(#${clipId}-hatch)`);
  const refs = plot.append('g').attr('class', 'references');
  const family = plot.append('g').attr('class', 'family');
  const rect = plot.append('rect').attr('data-testid', 'sgd-rectangle').attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd);
  const ellipse = plot.append('path').attr('data-testid', 'exact-region').attr('fill', COLORS.exactFill).attr('stroke', COLORS.exact);
  const gdLine = plot.append('line').attr('stroke', COLORS.gd).attr('stroke-dasharray', '8 5');
  const compareRects = plot.append('g').attr('class', 'comparisons');
  const minimaG = plot.append('g').attr('class', 'minima');
  const over = root.append('g');
  const compareCorners = over.append('g').attr('class', 'comparison-corners');
  const cornerLabel = over.append('text').attr('class', 'corner-label').attr('data-testid', 'corner-label');
  const corner = over.append('circle').attr('data-testid', 'rect-corner').attr('r', 10).attr('fill', COLORS.sgd).attr('stroke', COLORS.paper).attr('tabindex', -1).style('cursor', 'move');
  const pointG = over.append('g').attr('class', 'hand-point');
  const pointMark = pointG.append('circle').attr('data-testid', 'hand-point').attr('r', 11).attr('stroke', COLORS.ink).style('cursor', 'move');
  const pointLabel = pointG.append('text').attr('class', 'point-label').attr('data-testid', 'point-label');
  const legend = root.append('g').attr('data-testid', 'diagram-legend');
  const leaders = root.append('g').attr('class', 'leaders');

  let width = 800;
  let height = 560;
  let model: DiagramModel | null = null;
  let shown = { x: 1, y: 1 }; // current domain tops (linear) — animated toward the target
  let target = { x: 1, y: 1 };
  let dragging = false;
  let drawnAxes = '';
  // A slider drag holds the axes as a corner drag does; they glide to the new η when it is let go.
  const offRelease = onPointerRelease(() => retarget());
  let anim = 0;
  let x: Scale = scaleLinear();
  let y: Scale = scaleLinear();
  /** The legend's place (a band under the axis, or a column at the right), set by layoutFor. */
  let legendLayout: LegendLayout | null = null;
  let legendBox: Box = { x: 0, y: 0, w: 0, h: 0 };
  /** What the legend and margins were last laid out for (a drag changes neither). */
  let layoutKey = '';
  let margins = { l: 84, r: 24, t: 20, b: 70 };

  const type = () => chartType(model?.lecture ?? false, width < 520 || height < 360);
  const margin = () => margins;
  const k = () => type().stroke;

  /** Margins and the legend: outside the data area by construction (docs/architecture.md#charts). */
  function layoutFor(m: DiagramModel): void {
    const items = legendItems(m);
    const t = type();
    const key = `${width}x${height}|${t.legend}|${items.map((i) => i.label).join('|')}`;
    if (key === layoutKey) return;
    layoutKey = key;
    legendLayout = layoutLegend(items, { width: width - 16, height, fontSize: t.legend, maxBottom: 0.22, maxRight: 0.3 });
    const left = Math.ceil(textWidth('0.000', t.tick) + 14 + t.label * 1.6);
    const axisBand = Math.ceil(t.tick * 1.6 + t.label * 1.5);
    const L = legendLayout;
    margins = {
      l: left,
      r: L.side === 'right' ? L.width + 28 : Math.max(16, t.tick),
      t: Math.ceil(t.tick * 0.9),
      b: axisBand + (L.side === 'bottom' ? L.height + 8 : 0),
    };
    const mg = margins;
    legendBox =
      L.side === 'right'
        ? { x: width - L.width - 12, y: mg.t, w: L.width, h: L.height }
        : { x: 8, y: height - L.height - 4, w: L.width, h: L.height };
    drawLegend(legend, items, L, t.stroke);
    legend.attr('transform', `translate(${legendBox.x},${legendBox.y})`);
  }

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
    layoutFor(m);
    scales(m);
    const mg = margin();
    const t = type();
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
    plotArea.attr('x', mg.l).attr('y', mg.t).attr('width', Math.max(0, width - mg.l - mg.r)).attr('height', Math.max(0, height - mg.t - mg.b));
    hatchLine.attr('stroke-width', 1.2 * sw);

    const fontPx = t.label;
    const plotW = width - mg.l - mg.r;
    const plotH = height - mg.t - mg.b;
    // The axes are rebuilt only when they change: while η is dragged they hold still, and
    // rebuilding them on every input was most of a drag's main-thread time (bench).
    const axesKey = `${x.domain()}|${x.range()}|${y.domain()}|${y.range()}|${m.axes}|${t.tick}|${sw}|${width}`;
    if (axesKey !== drawnAxes) {
      drawnAxes = axesKey;
      gx.attr('transform', `translate(0,${height - mg.b})`).call(axisBottom(x).ticks(Math.max(2, Math.min(m.axes === 'log' ? 6 : 10, Math.floor(plotW / (t.tick * 4.5)))), m.axes === 'log' ? '~g' : undefined));
      gy.attr('transform', `translate(${mg.l},0)`).call(axisLeft(y).ticks(Math.max(2, Math.min(m.axes === 'log' ? 6 : 8, Math.floor(plotH / (t.tick * 2.2)))), m.axes === 'log' ? '~g' : undefined));
      for (const g of [gx, gy] as G[]) {
        g.selectAll('text').attr('font-size', t.tick);
        g.selectAll('line,path').attr('stroke-width', sw);
      }
      tidyAxisEnds(gx, mg.l - 6, width - 2, t.tick);
    }
    const xTitles = ['sharpness a = λmax(H)', 'sharpness a'];
    const yTitles = ['non-uniformity s = √λmax(Σ)', 'non-uniformity s', 'non-unif. s', 's'];
    xLabel
      .attr('x', mg.l + plotW / 2)
      .attr('y', height - mg.b + t.tick * 1.6 + t.label * 1.1)
      .attr('font-size', fontPx)
      .text(xTitles.find((s) => textWidth(s, fontPx, '600') < plotW) ?? xTitles[1]);
    yLabel
      .attr('transform', `translate(${fontPx * 0.9},${mg.t + plotH / 2}) rotate(-90)`)
      .attr('font-size', fontPx)
      .text(yTitles.find((s) => textWidth(s, fontPx, '600') < plotH) ?? 's');

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
      .attr('r', sizes(m.lecture).handle * (coarse ? 1.6 : 1))
      .attr('stroke-width', 2 * sw)
      .attr('data-eta', m.eta)
      .attr('data-b', m.B)
      .attr('data-a', a2)
      .attr('data-s', finite ? r.nonUniformityMax : 'Infinity');
    drawComparisons(m, sw, fontPx, x0, y0, yTop);
    drawMinima(m, sw);
    const pointBox = drawPoint(m, sw, fontPx);
    drawLabels(m, r, finite, Math.max(yTop, cy), fontPx, pointBox);
  }

  /**
   * The corner label and the minima's names, placed so that none overlaps
   * another, the legend, the hand-placed point's text or a mark; far from its
   * point a label gets a leader line, and one with no free place is left out.
   */
  function drawLabels(m: DiagramModel, r: { sharpnessMax: number; nonUniformityMax: number }, finite: boolean, cy: number, fontPx: number, pointBox: Box | null): void {
    const t = type();
    const mgn = margin();
    const bounds = { x: mgn.l, y: mgn.t, w: width - mgn.l - mgn.r, h: height - mgn.t - mgn.b };
    const cornerFull = finite ? `2/η = ${fmt(r.sharpnessMax)},  1/(η√c) = ${fmt(r.nonUniformityMax)}` : `2/η = ${fmt(r.sharpnessMax)};  B = n: GD's strip only`;
    const cornerShort = finite ? `2/η = ${fmt(r.sharpnessMax)}, 1/(η√c) = ${fmt(r.nonUniformityMax)}` : `2/η = ${fmt(r.sharpnessMax)}`;
    const cornerText = textWidth(cornerFull, fontPx, '650') < bounds.w * 0.7 ? cornerFull : cornerShort;
    const many = m.minima.length > 40;
    const labelled = many ? m.minima.filter((d) => d.isStart) : m.minima;
    const markR = (many ? 4 : 8) * sizes(m.lecture).mark + 3;
    const marks: Box[] = m.minima.slice(0, 400).map((d) => ({ x: x(Math.max(d.a, 1e-12)) - markR, y: y(Math.max(d.s, 1e-12)) - markR, w: 2 * markR, h: 2 * markR }));
    const cr = sizes(m.lecture).handle * (coarse ? 1.6 : 1) + 2;
    const obstacles: Box[] = [...marks, { x: x(r.sharpnessMax) - cr, y: cy - cr, w: 2 * cr, h: 2 * cr }, ...(pointBox ? [pointBox] : [])];
    const requests: LabelRequest[] = [
      { x: x(r.sharpnessMax), y: cy, text: cornerText, fontSize: fontPx, weight: '650', priority: 10 },
      ...labelled.map((d) => ({ x: x(Math.max(d.a, 1e-12)), y: y(Math.max(d.s, 1e-12)), text: `${d.label}${d.isStart ? ' (start)' : ''}`, fontSize: t.tick, weight: d.isStart ? '700' : undefined, priority: d.isStart ? 5 : 1 })),
    ];
    const placed = placeLabels(requests, obstacles, bounds);
    const c = placed[0];
    cornerLabel
      .attr('display', c ? null : 'none')
      .attr('x', c?.x ?? 0)
      .attr('y', c?.y ?? 0)
      .attr('text-anchor', c?.anchor ?? 'start')
      .attr('font-size', fontPx)
      .text(cornerText);
    const rows = labelled.map((d, i) => ({ d, p: placed[i + 1] })).filter((row) => row.p !== null);
    minimaG
      .selectAll<SVGTextElement, (typeof rows)[number]>('text')
      .data(rows)
      .join('text')
      .attr('x', (row) => row.p!.x)
      .attr('y', (row) => row.p!.y)
      .attr('text-anchor', (row) => row.p!.anchor)
      .attr('font-size', t.tick)
      .attr('font-weight', (row) => (row.d.isStart ? 700 : 400))
      .text((row) => `${row.d.label}${row.d.isStart ? ' (start)' : ''}`);
    const withLeaders = placed.map((p, i) => ({ p, q: requests[i] })).filter((row) => row.p?.leader);
    leaders
      .selectAll('line')
      .data(withLeaders)
      .join('line')
      .attr('x1', (row) => row.p!.leader!.x1)
      .attr('y1', (row) => row.p!.leader!.y1)
      .attr('x2', (row) => row.q.x)
      .attr('y2', (row) => row.q.y)
      .attr('stroke', COLORS.ink)
      .attr('stroke-width', 1);
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

  /** Each comparison's rectangle (Wu eq. 9 at its η and B) and its corner with its letter; the main corner is then A. */
  function drawComparisons(m: DiagramModel, sw: number, fontPx: number, x0: number, y0: number, yTop: number): void {
    const list = (m.comparisons ?? []).map((c) => ({ ...c, ...stabilityRectangle(c.eta, m.n, c.B, c.sampling) }));
    type Item = (typeof list)[number];
    const topOf = (d: Item) => (Number.isFinite(d.nonUniformityMax) ? y(d.nonUniformityMax) : yTop);
    const rects = compareRects.selectAll<SVGRectElement, Item>('rect').data(list, (d) => d.label);
    rects.exit().remove();
    rects
      .enter()
      .append('rect')
      .attr('fill', 'none')
      .merge(rects)
      .attr('data-testid', (d) => `compare-rectangle-${d.label}`)
      .attr('data-eta', (d) => d.eta)
      .attr('data-b', (d) => d.B)
      .attr('stroke', (d) => d.color)
      .attr('stroke-dasharray', (d) => d.dash.join(' '))
      .attr('stroke-width', 2.5 * sw)
      .attr('x', x0)
      .attr('y', (d) => Math.max(yTop, topOf(d)))
      .attr('width', (d) => Math.max(0, x(d.sharpnessMax) - x0))
      .attr('height', (d) => Math.max(0, y0 - Math.max(yTop, topOf(d))));
    const marks = list.map((d) => ({ label: d.label, color: d.color, a: d.sharpnessMax, top: Math.max(yTop, topOf(d)) }));
    if (list.length > 0) {
      const r = stabilityRectangle(m.eta, m.n, m.B, m.sampling);
      marks.unshift({ label: 'A', color: COLORS.sgd, a: r.sharpnessMax, top: Math.max(yTop, Number.isFinite(r.nonUniformityMax) ? y(r.nonUniformityMax) : yTop) });
    }
    type Mark = (typeof marks)[number];
    const g = compareCorners.selectAll<SVGGElement, Mark>('g').data(marks, (d) => d.label);
    g.exit().remove();
    const ge = g.enter().append('g');
    ge.append('rect');
    ge.append('text').attr('font-weight', 700).attr('pointer-events', 'none');
    const all = ge.merge(g).attr('data-testid', (d) => `compare-corner-${d.label}`);
    const side = fontPx * 0.7;
    all
      .select('rect')
      .attr('x', (d) => x(d.a) - side / 2)
      .attr('y', (d) => d.top - side / 2)
      .attr('width', (d) => (d.label === 'A' ? 0 : side))
      .attr('height', (d) => (d.label === 'A' ? 0 : side))
      .attr('fill', (d) => d.color)
      .attr('stroke', COLORS.paper)
      .attr('stroke-width', sw);
    all
      .select('text')
      .attr('x', (d) => x(d.a) + side)
      // Above the corner, or below it when the corner is at the top of the plot (the letter stays inside).
      .attr('y', (d) => (d.top - side * 0.8 - fontPx * 1.1 < yTop ? d.top + fontPx * 1.3 : d.top - side * 0.8))
      .attr('font-size', fontPx * 1.1)
      .attr('fill', (d) => d.color)
      .attr('paint-order', 'stroke')
      .attr('stroke', COLORS.paper)
      .attr('stroke-width', 3)
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

  function drawMinima(m: DiagramModel, sw: number): void {
    const many = m.minima.length > 40;
    const sel = minimaG.selectAll<SVGPathElement, DiagramModel['minima'][number]>('path').data(m.minima);
    sel.exit().remove();
    const size = (many ? 4 : 8) * sizes(m.lecture).mark;
    sel
      .enter()
      .append('path')
      .attr('data-testid', 'minimum')
      .merge(sel)
      .attr('d', (d) => (d.saddle ? markPath('hourglass', size) : d.stableSGD ? markPath('circle', size) : d.stableGD ? markPath('triangle', size * 1.2) : markPath('cross', size)))
      .attr('transform', (d) => `translate(${x(Math.max(d.a, 1e-12))},${y(Math.max(d.s, 1e-12))})`)
      .attr('fill', (d) => (d.stableSGD || d.stableGD ? minimumColor(d) : 'none'))
      .attr('stroke', (d) => (d.stableSGD || d.stableGD ? COLORS.ink : minimumColor(d)))
      .attr('stroke-width', (d) => (d.stableSGD || d.stableGD ? 1 : 3) * sw)
      .attr('data-status', (d) => minimumStatus(d))
      .attr('data-label', (d) => d.label);
  }

  /** The hand-placed point and its three lines of text; returns the text's box (for the other labels). */
  function drawPoint(m: DiagramModel, sw: number, fontPx: number): Box | null {
    pointG.attr('display', m.point ? null : 'none');
    if (!m.point) return null;
    const st = pointStatus(m.point.a, m.point.s, m.eta, m.n, m.B, m.sampling);
    const px = x(Math.max(m.point.a, 1e-12));
    const py = y(Math.max(m.point.s, 1e-12));
    pointMark
      .attr('cx', px)
      .attr('cy', py)
      .attr('r', sizes(m.lecture).ring)
      .attr('stroke-width', 2 * sw)
      .attr('fill', st.insideEllipse ? COLORS.stable : COLORS.unstable)
      .attr('data-inside', st.insideEllipse ? '1' : '0')
      .attr('data-in-rectangle', st.insideRectangle ? '1' : '0')
      .attr('data-factor', st.factor);
    const inside = st.insideEllipse ? 'inside' : 'outside';
    const inRect = `${st.insideRectangle ? 'inside' : 'outside'} the rectangle`;
    const full = [`(a, s) = (${fmt(m.point.a)}, ${fmt(m.point.s)}), n = ${m.n}`, `(1−ηa)² + η²c s² = ${fmt(st.factor)}: ${inside} the exact region`, inRect];
    const short = [`(a, s) = (${fmt(m.point.a)}, ${fmt(m.point.s)})`, `factor ${fmt(st.factor)}: ${inside} the exact region`, inRect];
    const fs = fontPx - 1;
    const widthOf = (ls: string[]) => Math.max(...ls.map((l) => textWidth(l, fs, '600')));
    const mg = margin();
    const lo = mg.l + 4;
    const hi = width - mg.r - 4;
    const roomRight = hi - (px + 20);
    const roomLeft = px - 20 - lo;
    // The full text where it fits on either side, else the short one on the roomier side, kept inside the chart.
    const tiny = [`(a, s) = (${fmt(m.point.a)}, ${fmt(m.point.s)})`, `${inside} the exact region`, `${st.insideRectangle ? 'in' : 'out of'} the rectangle`];
    const lines = [full, short].find((ls) => widthOf(ls) <= Math.max(roomRight, roomLeft)) ?? tiny;
    const tw = widthOf(lines);
    const right = tw <= roomRight || roomRight >= roomLeft;
    const left = Math.max(lo, right ? Math.min(px + 20, hi - tw) : px - 20 - tw);
    const lineH = fontPx * 1.15;
    const top = Math.max(mg.t + fs, Math.min(py + 6, height - mg.b - 2 * lineH - fs * 0.3));
    const t = pointLabel.attr('x', left).attr('y', top).attr('text-anchor', 'start').attr('font-size', fs);
    t.selectAll('tspan')
      .data(lines)
      .join('tspan')
      .attr('x', left)
      .attr('dy', (_d, i) => (i === 0 ? 0 : lineH))
      .text((d) => d);
    return { x: left, y: top - fs, w: tw, h: fs * 1.2 + 2 * lineH };
  }

  function legendItems(m: DiagramModel): LegendItem[] {
    const items: LegendItem[] = [
      { key: 'rect', label: 'SGD rectangle a ≤ 2/η, s ≤ 1/(η√c) (Wu eq. 9)', short: 'SGD rectangle', swatch: { kind: 'area', fill: COLORS.sgdFill, stroke: COLORS.sgd } },
      { key: 'ellipse', label: 'exact 1D region (1−ηa)² + η²cs² ≤ 1', short: 'exact region', swatch: { kind: 'area', fill: COLORS.exactFill, stroke: COLORS.exact, round: true } },
      { key: 'gd', label: "GD's strip a ≤ 2/η", short: 'GD strip', swatch: { kind: 'area', fill: `url(#${clipId}-hatch)`, stroke: COLORS.gd, dash: '5 3' } },
    ];
    if (m.minima.length)
      items.push(
        { key: 'm1', label: 'minimum stable for SGD: ρ(𝒯) ≤ 1 (theory)', short: 'SGD-stable', swatch: { kind: 'mark', shape: 'circle', fill: COLORS.stable, stroke: COLORS.ink } },
        { key: 'm2', label: 'stable for GD only: a ≤ 2/η', short: 'GD only', swatch: { kind: 'mark', shape: 'triangle', fill: COLORS.gdOnly, stroke: COLORS.ink } },
        { key: 'm3', label: 'unstable for both', short: 'unstable', swatch: { kind: 'mark', shape: 'cross', fill: 'none', stroke: COLORS.unstable } },
      );
    if (m.minima.some((d) => d.saddle)) items.push({ key: 'm4', label: 'saddle, not a minimum: λ_min(H) < 0', short: 'saddle', swatch: { kind: 'mark', shape: 'hourglass', fill: 'none', stroke: COLORS.unstable } });
    for (const c of m.comparisons ?? []) items.push({ key: `cmp-${c.label}`, label: `${c.label}: η = ${fmt(c.eta)}, B = ${c.B}${c.sampling === m.sampling ? '' : `, ${c.sampling}`}`, short: c.label, swatch: { kind: 'area', fill: 'none', stroke: c.color, dash: c.dash.join(' ') } });
    if (m.references.length) items.push({ key: 'ref', label: "paper's published data (reference)", short: 'paper (reference)', swatch: { kind: 'area', fill: 'none', stroke: COLORS.reference, dash: '2 3' } });
    return items;
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
    if (!model || dragging || pointerHeld()) return;
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
    resize() {
      const size = nodeSize(node, 240, 200);
      width = size.width;
      height = size.height;
      draw();
    },
    destroy() {
      offRelease();
      cancelAnimationFrame(anim);
      svg.remove();
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
  for (const c of m.comparisons ?? []) {
    const rc = stabilityRectangle(c.eta, m.n, c.B, c.sampling);
    xs = Math.max(xs, rc.sharpnessMax * 1.15);
    if (Number.isFinite(rc.nonUniformityMax)) ys = Math.max(ys, rc.nonUniformityMax * 1.15);
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

