import { framesIn } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
/** One drawn layer of a view: an SVG or a canvas, placed in the frame of the view's main chart. */
export interface PanelLayer {
  el: SVGSVGElement | HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The drawing of a view: its frame (the main SVG's size) and its layers in paint (DOM) order. */
export interface PanelDrawing {
  width: number;
  height: number;
  background: string;
  layers: PanelLayer[];
}

const transparent = (c: string) => c === '' || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);

/** The first opaque background colour from `el` up (white if none is set). */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!transparent(c)) return c;
  }
  return COLORS.paper;
}

/**
 * The SVG and canvas layers of a panel's chart (HTML around them, such as the
 * measured label or the coordinate pickers, is not part of the picture), as
 * its PlotFrames list them (charts/plot-frame.ts): the export and the recorder
 * ask the frames, they do not search the panel's elements. The largest frame
 * is the picture, the others are placed in it. Null when the panel draws no chart.
 */
export function panelDrawing(panel: HTMLElement): PanelDrawing | null {
  const box = panel.querySelector<HTMLElement>('.panel-body .chart-box') ?? panel.querySelector<HTMLElement>('.panel-body');
  if (!box) return null;
  const frames = framesIn(box);
  if (frames.length === 0) return null;
  const main = frames.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const f = main.node.getBoundingClientRect();
  const layers = frames.flatMap((fr) => {
    const r = fr.node.getBoundingClientRect();
    return fr.layers().map((l) => ({ ...l, x: l.x + r.left - f.left, y: l.y + r.top - f.top }));
  });
  return { width: Math.round(main.width), height: Math.round(main.height), background: backgroundOf(panel), layers: layers.filter((l) => l.width > 0 && l.height > 0) };
}
