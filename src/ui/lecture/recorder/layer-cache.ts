import { svgLayerImage } from '../../export/export-png';
import type { PanelLayer } from '../../export/panel-layers';

interface Entry {
  picture: ImageBitmap;
  width: number;
  height: number;
  watch: MutationObserver;
  /** The layer changed since it was rasterised (the observer's callback says so; it empties the record queue takeRecords reads). */
  readonly changed: boolean;
}

const WATCH: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

/**
 * Each SVG layer of a recording rasterised once and kept until the layer
 * changes (README "Record a clip"). Rasterising an SVG (copy with its computed
 * styles, serialise, decode) was most of a frame's time, and most layers
 * (axes, titles, legends, the diagram's lines) do not change from one frame to
 * the next: a mutation observer on each layer says when one did. A change of
 * the page's own classes or styles (lecture mode, the theme) drops them all,
 * since it changes computed styles without touching the layers.
 */
export class LayerCache {
  private entries = new Map<SVGSVGElement, Entry>();
  private pageChanged = false;
  private page = new MutationObserver(() => {
    this.pageChanged = true;
  });
  /** Rasterisations done (the rest of the layers drawn were reused). */
  rasterised = 0;

  constructor() {
    for (const el of [document.documentElement, document.body]) this.page.observe(el, { attributes: true });
  }

  /** The layer at `scale` device pixels per CSS pixel, rasterised again only if it changed. */
  async picture(layer: PanelLayer & { el: SVGSVGElement }, scale: number): Promise<ImageBitmap> {
    if (this.page.takeRecords().length > 0 || this.pageChanged) this.clear();
    this.pageChanged = false;
    const width = Math.round(layer.width * scale);
    const height = Math.round(layer.height * scale);
    const old = this.entries.get(layer.el);
    if (old && !old.changed && old.watch.takeRecords().length === 0 && old.width === width && old.height === height) return old.picture;
    if (old) this.drop(layer.el, old);
    let changed = false;
    const watch = new MutationObserver(() => {
      changed = true;
    });
    // Watching starts before the copy is made: a change while it is decoded counts as a change.
    watch.observe(layer.el, WATCH);
    const img = await svgLayerImage(layer, scale);
    const picture = await createImageBitmap(img);
    const entry: Entry = {
      picture,
      width,
      height,
      watch,
      get changed() {
        return changed;
      },
    };
    this.entries.set(layer.el, entry);
    this.rasterised++;
    return picture;
  }

  clear(): void {
    for (const [el, e] of this.entries) this.drop(el, e);
  }

  dispose(): void {
    this.clear();
    this.page.disconnect();
  }

  private drop(el: SVGSVGElement, e: Entry): void {
    e.watch.disconnect();
    e.picture.close();
    this.entries.delete(el);
  }
}
