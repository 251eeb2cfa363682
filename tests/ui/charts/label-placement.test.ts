import { describe, expect, it } from 'vitest';
import { placeLabels, type Box, type LabelRequest } from '../../../src/ui/charts/label-placement';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const BOUNDS = { x: 0, y: 0, w: 400, h: 300 };
const label = (x: number, y: number, text: string, priority = 0): LabelRequest => ({ x, y, text, fontSize: 13, priority });

describe('the label placement', () => {
  it('puts a lone label up and to the right of its point, with no leader line', () => {
    const [p] = placeLabels([label(100, 100, 'minimum A')], [], BOUNDS);
    expect(p).toMatchObject({ x: 110, y: 94, anchor: 'start', leader: null });
  });

  it('places labels of the same point apart, each inside the bounds', () => {
    const placed = placeLabels([label(200, 150, 'first', 2), label(200, 150, 'second', 1), label(200, 150, 'third', 0)], [], BOUNDS);
    expect(placed.every((p) => p !== null)).toBe(true);
    const b = placed.map((p) => p!.box);
    for (const box of b) expect(inside(box, BOUNDS)).toBe(true);
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(overlap(b[i], b[j])).toBe(false);
  });

  it('gives the higher priority the first place, whatever the order asked', () => {
    const [low, high] = placeLabels([label(200, 150, 'low', 0), label(200, 150, 'high', 5)], [], BOUNDS);
    expect(high).toMatchObject({ x: 210, anchor: 'start', leader: null });
    expect(overlap(low!.box, high!.box)).toBe(false);
  });

  it('keeps off an obstacle (a legend) and moves to the other side of the point', () => {
    const legend = { x: 205, y: 120, w: 150, h: 40 };
    const [p] = placeLabels([label(200, 150, 'corner')], [legend], BOUNDS);
    expect(overlap(p!.box, legend)).toBe(false);
    expect(p!.anchor).toBe('end');
  });

  it('draws a leader line to a label it had to place farther out', () => {
    const blocks = [{ x: 150, y: 120, w: 100, h: 60 }];
    const [p] = placeLabels([label(200, 150, 'x')], blocks, BOUNDS);
    expect(p).not.toBeNull();
    expect(p!.leader).not.toBeNull();
    expect(overlap(p!.box, blocks[0])).toBe(false);
  });

  it('leaves out a label with no free place (its mark stays) instead of overlapping', () => {
    const [p] = placeLabels([label(200, 150, 'nowhere')], [BOUNDS], BOUNDS);
    expect(p).toBeNull();
  });
});
