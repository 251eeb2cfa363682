import { framesIn } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
/** One drawn layer of a view: an SVG or a canvas, placed in the frame of the view's main SVG. */
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

const area = (e: Element) => e.getBoundingClientRect().width * e.getBoundingClientRect().height;

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
 * its PlotFrame lists them (charts/plot-frame.ts). A chart not on a frame is found
 * by its elements: the largest SVG, the one with the axes.
 */
export function panelDrawing(panel: HTMLElement): PanelDrawing | null {
  const box = panel.querySelector<HTMLElement>('.panel-body .chart-box') ?? panel.querySelector<HTMLElement>('.panel-body');
  if (!box) return null;
  const frames = framesIn(box);
  if (frames.length > 0) {
    // The charts on a PlotFrame say what they drew: the largest frame is the picture, the others placed in it.
    const main = frames.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const f = main.node.getBoundingClientRect();
    const layers = frames.flatMap((fr) => {
      const r = fr.node.getBoundingClientRect();
      return fr.layers().map((l) => ({ ...l, x: l.x + r.left - f.left, y: l.y + r.top - f.top }));
    });
    return { width: Math.round(main.width), height: Math.round(main.height), background: backgroundOf(panel), layers: layers.filter((l) => l.width > 0 && l.height > 0) };
  }
  const els = Array.from(box.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')).filter(
    // only top-level layers: an <svg> nested in another is drawn with its parent
    (e) => !(e instanceof SVGSVGElement && e.parentElement?.closest('svg')),
  );
  const svgs = els.filter((e): e is SVGSVGElement => e instanceof SVGSVGElement);
  if (svgs.length === 0) return null;
  const frame = svgs.reduce((a, b) => (area(b) > area(a) ? b : a));
  const f = frame.getBoundingClientRect();
  const layers = els
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { el, x: r.left - f.left, y: r.top - f.top, width: r.width, height: r.height };
    })
    .filter((l) => l.width > 0 && l.height > 0);
  return { width: Math.round(f.width), height: Math.round(f.height), background: backgroundOf(panel), layers };
}
