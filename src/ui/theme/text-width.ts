/**
 * The width of a line of text in the page's font, measured on a canvas: unlike an
 * SVG text's getComputedTextLength it forces no style recalculation or layout of
 * the document, which during a slider drag was the main thread's largest cost
 * (measured by `npm run bench`).
 *
 * A text is the sum of its characters' advances, each measured once per font
 * and size: a label whose number changes with every input of a drag (the
 * corner's 2/η, the hand-placed point's factor) then costs a few lookups, not a
 * font parse and a shaping of the whole string per frame. Kerning is left out
 * (a pixel or so on a label; the placement keeps a margin of 4 px).
 */
let ctx: CanvasRenderingContext2D | null | undefined;
let family = '';
/** The font last set on the canvas (its own font getter normalises the string). */
let lastFont = '';
/** Per font: each character's advance. */
const fonts = new Map<string, Map<string, number>>();

function advance(font: string, ch: string, px: number): number {
  let table = fonts.get(font);
  if (!table) fonts.set(font, (table = new Map()));
  let w = table.get(ch);
  if (w === undefined) {
    if (ctx && lastFont !== font) {
      ctx.font = font;
      lastFont = font;
    }
    // Without a canvas (Node; never in a browser), a generous estimate, the same on every machine.
    w = ctx ? ctx.measureText(ch).width : px * 0.6;
    table.set(ch, w);
  }
  return w;
}

export function textWidth(text: string, px: number, weight = 'normal'): number {
  if (ctx === undefined) {
    // Node (the layout's unit tests) has no document.
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = typeof document === 'undefined' ? '' : getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  }
  const font = `${weight} ${px}px ${family}`;
  let w = 0;
  for (const ch of text) w += advance(font, ch, px);
  return w;
}
