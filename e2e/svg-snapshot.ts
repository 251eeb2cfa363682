/**
 * A chart's SVG as a reviewable text file, the way Observable Plot keeps its
 * snapshots: one element per line, numbers rounded to a tenth of a pixel (so
 * sub-pixel noise does not show) and the page-unique ids (clip paths, patterns,
 * gradients) numbered in order of appearance, and each element's attributes
 * in name order (the order they were first set in is not part of the picture),
 * so the same picture always gives the same file and a change to it shows as a diff.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renamed = svg.replace(/\b([a-z][\w-]*?)-(\d+)\b(?=["#)])/g, (whole, prefix: string) => {
    if (!/^(plot-clip|gd-hatch|wws-hatch|legend-ramp|clip)$/.test(prefix)) return whole;
    if (!ids.has(whole)) ids.set(whole, `${prefix}-${ids.size + 1}`);
    return ids.get(whole)!;
  });
  const rounded = renamed.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => {
    const v = Math.round(Number(n) * 10) / 10;
    return Object.is(v, -0) ? '0' : String(v);
  });
  const sorted = rounded.replace(/<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")+)(\s*\/?)>/g, (_, name: string, attrs: string, end: string) => {
    const list = attrs.match(/[\w:-]+="[^"]*"/g) ?? [];
    return `<${name} ${list.sort((a, b) => (a.split('=')[0] < b.split('=')[0] ? -1 : 1)).join(' ')}${end}>`;
  });
  return `${sorted.replace(/></g, '>\n<').trim()}\n`;
}
