import { textWidth } from '../theme/text-width';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  /** The point the label names. */
  x: number;
  y: number;
  text: string;
  fontSize: number;
  /** CSS font weight the text is drawn with (bold text is wider). */
  weight?: string;
  /** Higher goes first (the start minimum, the corner). */
  priority: number;
}

export interface PlacedLabel {
  /** The text's anchor point (baseline) and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  box: Box;
  /** Placed away from its point: draw a leader line from (x1, y1) to the point. */
  leader: { x1: number; y1: number } | null;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/**
 * Greedy label placement: in priority order, each label takes the first of a
 * few positions around its point (then farther out, with a leader line) that
 * stays inside `bounds` and overlaps no label placed before it and no obstacle
 * (a legend, the other marks). A label with no free place is left out (null):
 * its mark stays, as in a crowded atlas.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], bounds: Box): Array<PlacedLabel | null> {
  const order = requests.map((_r, i) => i).sort((a, b) => requests[b].priority - requests[a].priority);
  const taken: Box[] = [...obstacles];
  const out: Array<PlacedLabel | null> = requests.map(() => null);
  for (const i of order) {
    const r = requests[i];
    const w = textWidth(r.text, r.fontSize, r.weight) + 4;
    const h = r.fontSize * 1.2;
    const asc = r.fontSize * 0.9;
    for (const far of [1, 2.6, 4.2]) {
      const d = 10 * far;
      const candidates: Array<{ x: number; y: number; anchor: PlacedLabel['anchor'] }> = [
        { x: r.x + d, y: r.y - d * 0.6, anchor: 'start' },
        { x: r.x - d, y: r.y - d * 0.6, anchor: 'end' },
        { x: r.x + d, y: r.y + d * 0.6 + asc, anchor: 'start' },
        { x: r.x - d, y: r.y + d * 0.6 + asc, anchor: 'end' },
        { x: r.x, y: r.y - d, anchor: 'middle' },
        { x: r.x, y: r.y + d + asc, anchor: 'middle' },
      ];
      let placed: PlacedLabel | null = null;
      for (const c of candidates) {
        const left = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
        const box = { x: left, y: c.y - asc, w, h };
        if (!inside(box, bounds) || taken.some((t) => overlaps(t, box))) continue;
        const leader = far > 1 ? { x1: c.anchor === 'start' ? left : c.anchor === 'end' ? left + w : c.x, y1: c.y > r.y ? box.y : box.y + h } : null;
        placed = { x: c.x, y: c.y, anchor: c.anchor, box, leader };
        break;
      }
      if (placed) {
        out[i] = placed;
        taken.push(placed.box);
        break;
      }
    }
  }
  return out;
}
