/**
 * Whether a pointer is held down anywhere on the page: a slider, the
 * rectangle's corner or the hand-placed point being dragged. While it is, the
 * charts' axes only widen (the diagram's do not move at all), so a drag shows
 * the rectangle and the runs move against still axes, and every restart of the
 * run does not rebuild them; when it is let go, they settle on the new
 * configuration (README "Features", the stability diagram).
 */
let held = false;
const releases = new Set<() => void>();
let installed = false;

function down(): void {
  held = true;
}

function up(): void {
  if (!held) return;
  held = false;
  for (const fn of releases) fn();
}

function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // Capture: a handler that stops propagation (d3-drag does) must not hide the press or the release.
  window.addEventListener('pointerdown', down, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
  window.addEventListener('blur', up);
}

export function pointerHeld(): boolean {
  install();
  return held;
}

/** Call fn each time a held pointer is let go; returns the unsubscribe. */
export function onPointerRelease(fn: () => void): () => void {
  install();
  releases.add(fn);
  return () => releases.delete(fn);
}
