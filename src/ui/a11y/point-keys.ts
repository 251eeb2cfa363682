/**
 * The hand-placed point (problem=point) by keyboard: ← → move a, ↑ ↓ move s, by a
 * hundredth of the rectangle's side (so a press means the same at any η and B),
 * ten times as far with Shift. Values are kept to four significant digits, as a
 * pointer drag writes them (stability-diagram.ts), and never below 0 (a ≥ 0, s ≥ 0).
 */
export interface PointKey {
  key: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const next = (v: number) => Math.max(0, Number(v.toPrecision(4)));

export function pointKeyMove(e: PointKey, at: { a: number; s: number }, side: { sharpnessMax: number; nonUniformityMax: number }): { a: number; s: number } | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const f = e.shiftKey ? 0.1 : 0.01;
  const da = f * side.sharpnessMax;
  const ds = f * side.nonUniformityMax;
  switch (e.key) {
    case 'ArrowLeft':
      return { a: next(at.a - da), s: at.s };
    case 'ArrowRight':
      return { a: next(at.a + da), s: at.s };
    case 'ArrowUp':
      return { a: at.a, s: next(at.s + ds) };
    case 'ArrowDown':
      return { a: at.a, s: next(at.s - ds) };
    default:
      return null;
  }
}
