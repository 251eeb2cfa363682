/**
 * WCAG 2.x contrast: the relative luminance of an sRGB colour and the ratio of two
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). Used to check the theme's
 * tokens (tests/ui/theme/) and by the browser test of lecture mode's contrast.
 */
/** An 8-bit sRGB channel, linearised. */
const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`a colour must be #rrggbb, got "${hex}"`);
  const v = Number.parseInt(m[1], 16);
  const f = linear;
  return 0.2126 * f((v >> 16) & 255) + 0.7152 * f((v >> 8) & 255) + 0.0722 * f(v & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
