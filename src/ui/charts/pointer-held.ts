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
/** Where and when the pointer went down: a release near both is a click, not a drag. */
let downX = 0;
let downY = 0;
let downT = 0;
/** A press that moved less than this (px) and lasted less than CLICK_MS is a click. */
const CLICK_PX = 4;
const CLICK_MS = 300;

function down(e: PointerEvent): void {
  held = true;
  downX = e.clientX;
  downY = e.clientY;
  downT = e.timeStamp;
}

/**
 * The release's work (every chart redrawn in full, the axes settling, the run
 * given its whole share back) runs after the frame that follows the release has
 * been painted, not inside pointerup or keyup: there it made the release the
 * slowest event of a drag (56–128 ms from the event to the next paint in `npm run
 * bench`, the drag's Interaction to Next Paint). A gesture begun again before then
 * takes the work over to its own release. A click is settled at once, inside
 * pointerup as before: what the click does (Record, an export) must find the
 * charts as drawn for the configuration, not as drawn during a press.
 */
let releasePending = false;
function release(): void {
  if (releasePending) return;
  releasePending = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fireReleases, 0));
  else fireReleases();
}

function fireReleases(): void {
  releasePending = false;
  if (!gestureHeld()) for (const fn of releases) fn();
}

function up(e?: Event): void {
  if (!held) return;
  held = false;
  const click = e instanceof PointerEvent && e.type === 'pointerup' && Math.hypot(e.clientX - downX, e.clientY - downY) < CLICK_PX && e.timeStamp - downT < CLICK_MS;
  if (click) fireReleases();
  else release();
}

/** Until when a held key's auto-repeat counts as a gesture in progress (↑ held down moves η like a drag). */
let repeatingUntil = 0;
const REPEAT_GRACE_MS = 150;

function keyDown(e: KeyboardEvent): void {
  if (e.repeat) repeatingUntil = performance.now() + REPEAT_GRACE_MS;
}

function keyUp(): void {
  if (repeatingUntil === 0) return;
  repeatingUntil = 0;
  release();
}

function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('keydown', keyDown, true);
  window.addEventListener('keyup', keyUp, true);
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

/**
 * A gesture in progress: a pointer held, or a key held down and repeating (↑ at
 * 30 a second steps η as a drag would). The live runs restart and redraw at a
 * gesture's pace while it lasts (the run handle's spacing).
 */
export function gestureHeld(): boolean {
  install();
  return held || (repeatingUntil > 0 && performance.now() < repeatingUntil);
}

/** Call fn each time a held pointer (or a repeating key) is let go, once the next frame is painted (release()); returns the unsubscribe. */
export function onPointerRelease(fn: () => void): () => void {
  install();
  releases.add(fn);
  return () => releases.delete(fn);
}
