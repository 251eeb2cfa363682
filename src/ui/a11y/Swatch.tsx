/**
 * A legend's colour key inside a sentence: a drawn mark (not a coloured glyph), so
 * the words beside it stay in the page's ink at full contrast (WCAG 1.4.3) while the
 * mark keeps the chart's colour and shape (a graphic needs 3:1, WCAG 1.4.11).
 */
export function Swatch({ color, shape }: { color: string; shape: 'square' | 'circle' | 'open-square' }) {
  return (
    <svg className="swatch" viewBox="0 0 10 10" width="0.8em" height="0.8em" aria-hidden="true">
      {shape === 'circle' ? <circle cx="5" cy="5" r="4.5" fill={color} /> : shape === 'square' ? <rect x="0.5" y="0.5" width="9" height="9" fill={color} /> : <rect x="1.25" y="1.25" width="7.5" height="7.5" fill="none" stroke={color} strokeWidth="2.5" />}
    </svg>
  );
}
