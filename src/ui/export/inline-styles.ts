/**
 * The computed properties that decide how SVG paints. Classes and CSS
 * variables (lecture mode's larger type and thicker strokes) do not travel
 * with a copied SVG, so their results are written onto each element.
 */
const PROPS = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
  'shape-rendering',
] as const;

/** A deep copy of an SVG with every element's computed paint written into its style attribute. */
export function cloneWithStyles(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  for (let i = 0; i < from.length; i++) {
    const cs = getComputedStyle(from[i]);
    const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
    to[i].removeAttribute('class');
    to[i].removeAttribute('tabindex');
  }
  return copy;
}
