/**
 * prefers-reduced-motion (WCAG 2.3.3): a reader who asks for less motion gets the new
 * picture at once instead of a glide. Read at each glide, so changing the setting
 * applies without a reload.
 */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A glide's length: `ms`, or 0 when the reader asked for reduced motion. */
export function glideMs(ms: number): number {
  return reducedMotion() ? 0 : ms;
}
