import { namespace, selection } from 'd3-selection';

/**
 * D3's `attr` and `text`, made to skip a write whose value the node already
 * has. Chromium invalidates an SVG element's layout and paint on every write,
 * even of the same value (measured: an unchanged `x` or text set once a frame
 * costs a layout and two paints each frame), and every chart redraws its frame,
 * labels and axes on each update. During a drag that is most of the page's
 * rendering time (README "Performance", the drag). The DOM a chart ends with is
 * the same as D3's: only writes that change nothing are left out.
 *
 * Installed once by the page (`src/main.tsx`), for every chart at once.
 */
type Value = string | number | boolean | null | undefined;
type ValueFn = (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => Value;
interface Each {
  each(fn: (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => void): unknown;
  node(): Element | null;
}

let installed = false;

/** Set `name` to `value` on `el` unless it already has exactly that value (null removes it). */
export function writeAttr(el: Element, name: string, value: Value): void {
  const full = namespace(name);
  if (typeof full === 'string') {
    if (value == null) {
      if (el.hasAttribute(full)) el.removeAttribute(full);
      return;
    }
    const s = String(value);
    if (el.getAttribute(full) !== s) el.setAttribute(full, s);
    return;
  }
  if (value == null) {
    if (el.hasAttributeNS(full.space, full.local)) el.removeAttributeNS(full.space, full.local);
    return;
  }
  const s = String(value);
  if (el.getAttributeNS(full.space, full.local) !== s) el.setAttributeNS(full.space, full.local, s);
}

/** Make `el`'s content the one text `value`, unless that is already all it holds. */
export function writeText(el: Node, value: Value): void {
  const s = value == null ? '' : String(value);
  const only = el.firstChild;
  if (only === null ? s === '' : only === el.lastChild && only.nodeType === 3 && (only as Text).data === s) return;
  el.textContent = s;
}

export function installQuietWrites(): void {
  if (installed) return;
  installed = true;
  const proto = selection.prototype as unknown as Record<string, unknown>;
  const attr0 = proto.attr as (this: Each, ...args: unknown[]) => unknown;
  const text0 = proto.text as (this: Each, ...args: unknown[]) => unknown;
  proto.attr = function (this: Each, name: string, value?: Value | ValueFn) {
    if (arguments.length < 2) return attr0.call(this, name);
    this.each(function (d, i, nodes) {
      writeAttr(this, name, typeof value === 'function' ? value.call(this, d, i, nodes) : value);
    });
    return this;
  };
  proto.text = function (this: Each, value?: Value | ValueFn) {
    if (arguments.length === 0) return text0.call(this);
    this.each(function (d, i, nodes) {
      writeText(this, typeof value === 'function' ? value.call(this, d, i, nodes) : value);
    });
    return this;
  };
}
