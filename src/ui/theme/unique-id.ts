let next = 0;

/** An id unique in the page for an SVG clip path or pattern (counted, so exported SVGs come out the same each time). */
export function uniqueId(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}
