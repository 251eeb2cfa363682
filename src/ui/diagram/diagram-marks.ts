import { stabilityRectangle } from '../../core/stability-region';
import { markPath } from '../charts/marks';
import { COLORS } from '../theme/colors';
import { sizes } from '../theme/sizes';
import { familyBatches, familyEtas, fmt, minimumStatus, type DiagramModel } from './diagram-model';
import type { DiagramFrame, G } from './diagram-frame';

/* The diagram's marks inside the plot, each drawn from the model on the frame of one drawing (stability-diagram.ts). */

/** A keyed join of groups, each a dashed outline and its label in one colour (the family's rectangles, the paper's references). */
function labelledBoxes<T>(parent: G, items: T[], key: (d: T) => string, testId: string, color: string, dash: string) {
  const g = parent.selectAll<SVGGElement, T>('g').data(items, key);
  g.exit().remove();
  const ge = g.enter().append('g').attr('data-testid', testId);
  ge.append('rect').attr('fill', 'none').attr('stroke', color).attr('stroke-dasharray', dash);
  ge.append('text').attr('fill', color);
  return ge.merge(g);
}

/** Wu Fig. 3's family of rectangles: several B at this η, or several η at this B. */
export function drawFamily(family: G, m: DiagramModel, f: DiagramFrame): void {
  const { x, y, sw, fontPx } = f;
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
  const all = labelledBoxes(family, items, (d) => d.key, 'family-member', COLORS.family, '3 3');
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
export function drawComparisons(compareRects: G, compareCorners: G, m: DiagramModel, f: DiagramFrame, x0: number, y0: number, yTop: number): void {
  const { x, y, sw, fontPx } = f;
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
/** The paper's published data, where the preset has some: dashed boxes with their labels. */
export function drawReferences(refs: G, m: DiagramModel, f: DiagramFrame): void {
  const { x, y, sw, fontPx } = f;
  const all = labelledBoxes(refs, m.references, (d) => d.label, 'reference-mark', COLORS.reference, '2 3');
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
/** The problem's minima at their (a, s), shaped and coloured by their status (theory: ρ(𝒯) ≤ 1, a ≤ 2/η). */
export function drawMinima(minimaG: G, m: DiagramModel, f: DiagramFrame): void {
  const { x, y, sw } = f;
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
function minimumColor(d: { stableSGD: boolean; stableGD: boolean }): string {
  return d.stableSGD ? COLORS.stable : d.stableGD ? COLORS.gdOnly : COLORS.unstable;
}

