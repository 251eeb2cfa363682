import { layerSvgText } from './export-svg';
import type { PanelDrawing } from './panel-layers';

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

/**
 * The view as a PNG at `scale` × its CSS size (2 for slides): the background,
 * then each layer in paint order. SVG layers are rasterised at the target size
 * (not scaled up afterwards) so lines and text stay sharp; canvas layers are
 * drawn as they are, scaled to fit.
 */
export async function drawingPng(d: PanelDrawing, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = d.width * scale;
  canvas.height = d.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.fillStyle = d.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const l of d.layers) {
    const [x, y, w, h] = [l.x * scale, l.y * scale, l.width * scale, l.height * scale];
    if (l.el instanceof HTMLCanvasElement) ctx.drawImage(l.el, x, y, w, h);
    else ctx.drawImage(await svgImage(layerSvgText({ ...l, el: l.el }, scale)), x, y, w, h);
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
