import { layerSvgText } from './export-svg';
import type { PanelDrawing, PanelLayer } from './panel-layers';

/** An SVG document as a decoded image (through a blob URL, which the page's policy allows). */
async function svgImage(text: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** One SVG layer as a decoded image of `scale` × its CSS size: rasterised at the target size, not scaled up afterwards, so lines and text stay sharp. */
export const svgLayerImage = (l: PanelLayer & { el: SVGSVGElement }, scale: number): Promise<HTMLImageElement> => svgImage(layerSvgText(l, scale));

/** How an SVG layer becomes a picture: rasterised each time (an export), or kept while unchanged (the recorder's LayerCache). */
export type SvgPicture = (l: PanelLayer & { el: SVGSVGElement }, scale: number) => Promise<CanvasImageSource>;

/**
 * Paint a view onto a 2D context at (x, y), `scale` device pixels per CSS
 * pixel: the background, then each layer in paint order. SVG layers are
 * rasterised at the target size (`picture`); canvas layers are drawn as they
 * are, scaled to fit.
 */
export async function paintDrawing(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, d: PanelDrawing, x0: number, y0: number, scale: number, picture: SvgPicture = svgLayerImage): Promise<void> {
  ctx.fillStyle = d.background;
  ctx.fillRect(x0, y0, d.width * scale, d.height * scale);
  for (const l of d.layers) {
    const [x, y, w, h] = [x0 + l.x * scale, y0 + l.y * scale, l.width * scale, l.height * scale];
    if (l.el instanceof HTMLCanvasElement) ctx.drawImage(l.el, x, y, w, h);
    else ctx.drawImage(await picture({ ...l, el: l.el }, scale), x, y, w, h);
  }
}

/** The view as a PNG at `scale` × its CSS size (2 for slides). */
export async function drawingPng(d: PanelDrawing, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = d.width * scale;
  canvas.height = d.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  await paintDrawing(ctx, d, 0, 0, scale);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
