import { cloneWithStyles } from './inline-styles';
import type { PanelDrawing, PanelLayer } from './panel-layers';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** One SVG layer as a standalone document of its own size, at `scale` (for rasterising sharp). */
export function layerSvgText(layer: PanelLayer & { el: SVGSVGElement }, scale = 1): string {
  const copy = cloneWithStyles(layer.el);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `0 0 ${layer.width} ${layer.height}`);
  copy.setAttribute('width', String(layer.width * scale));
  copy.setAttribute('height', String(layer.height * scale));
  copy.removeAttribute('x');
  copy.removeAttribute('y');
  return new XMLSerializer().serializeToString(copy);
}

/**
 * The view as one standalone SVG document: a background, then each layer in
 * paint order: SVG layers copied with their computed styles, canvas layers as
 * <image> elements holding the canvas's PNG as a data URL.
 */
export function drawingSvgText(d: PanelDrawing): string {
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', XLINK_NS);
  root.setAttribute('width', String(d.width));
  root.setAttribute('height', String(d.height));
  root.setAttribute('viewBox', `0 0 ${d.width} ${d.height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', d.background);
  root.appendChild(bg);
  for (const l of d.layers) {
    if (l.el instanceof HTMLCanvasElement) {
      const img = document.createElementNS(SVG_NS, 'image');
      const url = l.el.toDataURL('image/png');
      img.setAttribute('href', url);
      img.setAttributeNS(XLINK_NS, 'xlink:href', url);
      for (const [k, v] of [['x', l.x], ['y', l.y], ['width', l.width], ['height', l.height]] as const) img.setAttribute(k, String(v));
      img.setAttribute('preserveAspectRatio', 'none');
      root.appendChild(img);
    } else {
      const copy = cloneWithStyles(l.el);
      for (const [k, v] of [['x', l.x], ['y', l.y], ['width', l.width], ['height', l.height]] as const) copy.setAttribute(k, String(v));
      root.appendChild(copy);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}
