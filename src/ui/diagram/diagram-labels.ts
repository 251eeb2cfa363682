import type { Selection } from 'd3-selection';
import { placeLabels, type Box, type LabelRequest } from '../charts/label-placement';
import { COLORS } from '../theme/colors';
import { sizes } from '../theme/sizes';
import { textWidth } from '../theme/text-width';
import { fmt, pointStatus, type DiagramModel } from './diagram-model';
import { coarse, type DiagramFrame, type G } from './diagram-frame';

type Text = Selection<SVGTextElement, unknown, null, undefined>;

export interface LabelLayers {
  cornerLabel: Text;
  minimaG: G;
  leaders: G;
}

export interface PointLayers {
  pointG: G;
  pointMark: Selection<SVGCircleElement, unknown, null, undefined>;
  pointLabel: Text;
}

/**
 * The corner label and the minima's names, placed so that none overlaps
 * another, the legend, the hand-placed point's text or a mark; far from its
 * point a label gets a leader line, and one with no free place is left out.
 */
export function drawLabels(layers: LabelLayers, m: DiagramModel, f: DiagramFrame, r: { sharpnessMax: number; nonUniformityMax: number }, finite: boolean, cy: number, pointBox: Box | null): void {
  const { x, y, width, height, fontPx, type: t, margin: mgn } = f;
  const { cornerLabel, minimaG, leaders } = layers;
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
/** The hand-placed point and its three lines of text; returns the text's box (for the other labels). */
export function drawPoint(layers: PointLayers, m: DiagramModel, f: DiagramFrame): Box | null {
  const { x, y, width, height, sw, fontPx } = f;
  const { pointG, pointMark, pointLabel } = layers;
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
  const mg = f.margin;
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