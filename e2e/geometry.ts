import type { Page } from '@playwright/test';

/**
 * Layout checked by geometry, not pixels (the screens of README "The layout"): the page is read
 * in the browser and every broken rule comes back as a line naming the element.
 *
 * - A text box is an SVG `text` element, or the text nodes an HTML element holds
 *   directly (one rectangle per line, from a Range), or a KaTeX formula as a
 *   whole (its inner boxes overlap by design). Invisible ones are left out.
 * - A text box must lie inside its panel (`section.panel[data-panel]`), and
 *   inside every element between them that clips (overflow hidden/clip, an
 *   `svg`; an HTML text's own element across). Text inside a scroll container is
 *   reachable by scrolling: from there on the container's own box must fit.
 *   Transparent text (opacity 0, as an axis tick fading out) is not seen.
 * - No two text boxes in one panel overlap, a text and its own ancestor aside.
 * - No legend (`[data-legend]`) intersects its plot's data area
 *   (`[data-plot-area]`, the one sharing the deepest ancestor with the legend).
 * - With `minFontPx`, every visible text in the document (and every input,
 *   select and button) is at least that large as drawn: an SVG text's size is
 *   scaled by its screen transform.
 */
export interface PanelSummary {
  id: string;
  rect: Rect;
  texts: number;
  plotAreas: number;
  legends: number;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Layout {
  viewport: { width: number; height: number };
  panels: PanelSummary[];
  /** Texts outside their panel or cut by a clipping box inside it. */
  clipped: string[];
  overlaps: string[];
  legendOverPlot: string[];
  /** Texts smaller than minFontPx (empty without it). */
  small: string[];
  /** Texts counted in the font-size check. */
  fontChecked: number;
}

// readLayout runs in the page, sent as source by page.evaluate: its helpers must live inside it.
/* oxlint-disable unicorn/consistent-function-scoping */
/** In the page: see the module comment. */
function readLayout(args: { tol: number; minFontPx: number }): Layout {
  const { tol, minFontPx } = args;
  type R = { left: number; top: number; right: number; bottom: number };
  const rectOf = (d: DOMRect): R => ({ left: d.left, top: d.top, right: d.right, bottom: d.bottom });
  const sized = (r: R) => r.right - r.left > 1 && r.bottom - r.top > 1;
  const round = (r: R) => `[${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}]`;
  const overlap = (a: R, b: R) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
  const inside = (a: R, b: R, axes: { x: boolean; y: boolean }) =>
    (!axes.x || (a.left >= b.left - tol && a.right <= b.right + tol)) && (!axes.y || (a.top >= b.top - tol && a.bottom <= b.bottom + tol));
  const visible = (el: Element) => el.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true, contentVisibilityAuto: true });
  const describe = (el: Element, text: string) => {
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${cls} “${text.trim().replace(/\s+/g, ' ').slice(0, 40)}”`;
  };

  interface TextBox {
    el: Element;
    text: string;
    rects: R[];
    fontPx: number;
  }
  const texts: TextBox[] = [];
  const fontOnly: TextBox[] = [];
  const fontOf = (el: Element): number => {
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      return m ? px * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : px;
    }
    return px;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (['script', 'style', 'noscript', 'template', 'option', 'title', 'desc'].includes(tag)) continue;
    const katex = el.closest('.katex');
    if (katex && katex !== el) continue;
    if (!visible(el)) continue;
    // Visually hidden text (the diagram's description, the charts' data tables) is read, not drawn.
    if (el.closest('.sr-only')) continue;
    if (katex === el) {
      const r = rectOf(el.getBoundingClientRect());
      if (sized(r) && (el.textContent ?? '').trim()) texts.push({ el, text: el.textContent ?? '', rects: [r], fontPx: fontOf(el) });
      continue;
    }
    if (el instanceof SVGElement) {
      // One box per SVG text element; its tspans belong to it.
      if (tag !== 'text' || el.parentElement?.closest('text')) continue;
      const r = rectOf(el.getBoundingClientRect());
      if (sized(r) && (el.textContent ?? '').trim()) texts.push({ el, text: el.textContent ?? '', rects: [r], fontPx: fontOf(el) });
      continue;
    }
    if ((tag === 'input' && !['hidden', 'range', 'checkbox', 'radio', 'color'].includes((el as HTMLInputElement).type)) || tag === 'select' || tag === 'textarea') {
      const r = rectOf(el.getBoundingClientRect());
      if (sized(r)) fontOnly.push({ el, text: (el as HTMLInputElement).value ?? '', rects: [r], fontPx: fontOf(el) });
      continue;
    }
    const rects: R[] = [];
    let text = '';
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType !== Node.TEXT_NODE || !(child.textContent ?? '').trim()) continue;
      text += child.textContent;
      const range = document.createRange();
      range.selectNodeContents(child);
      for (const d of Array.from(range.getClientRects())) {
        const r = rectOf(d);
        if (sized(r)) rects.push(r);
      }
    }
    if (rects.length) texts.push({ el, text, rects, fontPx: fontOf(el) });
  }

  const clipped: string[] = [];
  const overlaps: string[] = [];
  const legendOverPlot: string[] = [];
  const small: string[] = [];
  const panels: PanelSummary[] = [];
  const union = (rs: R[]): R => ({
    left: Math.min(...rs.map((r) => r.left)),
    top: Math.min(...rs.map((r) => r.top)),
    right: Math.max(...rs.map((r) => r.right)),
    bottom: Math.max(...rs.map((r) => r.bottom)),
  });

  for (const panel of Array.from(document.querySelectorAll('section.panel[data-panel]'))) {
    if (!visible(panel)) continue;
    const id = panel.getAttribute('data-panel') ?? '?';
    const pr = rectOf(panel.getBoundingClientRect());
    const mine = texts.filter((t) => t.el.closest('section.panel[data-panel]') === panel);

    for (const t of mine) {
      let box = union(t.rects);
      // An HTML element clips its own text too (an ellipsis): across, since a tight
      // line-height lets the font's box, not the glyphs, stick out above and below.
      const own = !(t.el instanceof SVGElement) && !t.el.classList.contains('katex');
      for (let a: Element | null = own ? t.el : t.el.parentElement; a; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const ar = rectOf(a.getBoundingClientRect());
        const scrolls = (o: string) => o === 'auto' || o === 'scroll';
        const clips = (o: string) => o === 'hidden' || o === 'clip';
        if (a === panel) {
          if (!inside(box, ar, { x: true, y: true })) clipped.push(`${id}: ${describe(t.el, t.text)} ${round(box)} leaves the panel ${round(ar)}`);
          break;
        }
        const cut = { x: clips(cs.overflowX), y: clips(cs.overflowY) && a !== t.el };
        if ((cut.x || cut.y) && !inside(box, ar, cut)) {
          clipped.push(`${id}: ${describe(t.el, t.text)} ${round(box)} is cut by ${describe(a, '')} ${round(ar)}`);
          break;
        }
        // Reachable by scrolling inside `a`: from here on, `a` itself must fit.
        if (scrolls(cs.overflowX) || scrolls(cs.overflowY)) box = ar;
      }
    }

    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const a = mine[i];
        const b = mine[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const hit = a.rects.find((ra) => b.rects.some((rb) => overlap(ra, rb)));
        if (hit) overlaps.push(`${id}: ${describe(a.el, a.text)} ${round(union(a.rects))} overlaps ${describe(b.el, b.text)} ${round(union(b.rects))}`);
      }
    }

    const plots = Array.from(panel.querySelectorAll('[data-plot-area]')).filter(visible);
    const legends = Array.from(panel.querySelectorAll('[data-legend]')).filter(visible);
    const depth = (el: Element) => {
      let d = 0;
      for (let p: Element | null = el; p; p = p.parentElement) d++;
      return d;
    };
    const common = (a: Element, b: Element) => {
      for (let p: Element | null = a; p; p = p.parentElement) if (p.contains(b)) return depth(p);
      return 0;
    };
    for (const legend of legends) {
      if (plots.length === 0) continue;
      const plot = plots.reduce((best, p) => (common(legend, p) > common(legend, best) ? p : best));
      const lr = rectOf(legend.getBoundingClientRect());
      const plr = rectOf(plot.getBoundingClientRect());
      if (overlap(lr, plr)) legendOverPlot.push(`${id}: legend ${describe(legend, '')} ${round(lr)} intersects the plot area ${describe(plot, '')} ${round(plr)}`);
    }
    panels.push({ id, rect: pr, texts: mine.length, plotAreas: plots.length, legends: legends.length });
  }

  let fontChecked = 0;
  if (minFontPx > 0) {
    for (const t of [...texts, ...fontOnly]) {
      fontChecked++;
      if (t.fontPx < minFontPx - 0.05) small.push(`${describe(t.el, t.text)}: ${t.fontPx.toFixed(1)} px`);
    }
  }
  return { viewport: { width: innerWidth, height: innerHeight }, panels, clipped, overlaps, legendOverPlot, small, fontChecked };
}
/* oxlint-enable unicorn/consistent-function-scoping */

export function layoutOf(page: Page, opts: { tol?: number; minFontPx?: number } = {}): Promise<Layout> {
  return page.evaluate(readLayout, { tol: opts.tol ?? 1, minFontPx: opts.minFontPx ?? 0 });
}

/** The part of an element's box inside the viewport, as a fraction of the viewport's area. */
export function viewportShare(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return 0;
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return (w * h) / (innerWidth * innerHeight);
  }, selector);
}

/** Let axis transitions (they glide over about half a second) come to rest. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(800);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
