/**
 * The width of a line of text in the page's font, measured on a canvas: unlike an
 * SVG text's getComputedTextLength it forces no style recalculation or layout of
 * the document, which during a slider drag was the main thread's largest cost
 * (measured by `npm run bench`). Cached per text and size.
 */
let ctx: CanvasRenderingContext2D | null | undefined;
let family = '';
const cache = new Map<string, number>();

export function textWidth(text: string, px: number, weight = 'normal'): number {
  const key = `${weight}|${px}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) {
    // Node (the layout's unit tests) has no document: the estimate below, the same on every machine.
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = typeof document === 'undefined' ? '' : getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  }
  // Without a canvas (Node; never in a browser), a generous estimate.
  const w = ctx ? ((ctx.font = `${weight} ${px}px ${family}`), ctx.measureText(text).width) : text.length * px * 0.6;
  if (cache.size > 2000) cache.clear();
  cache.set(key, w);
  return w;
}
