import { PANELS, type PanelId } from '../../panels/registry';
import { PAGE } from '../../theme/page';

/** The panels lecture mode shows to the room (registry places `main` and `side`), in registry order: a recording of all of them lays them out as the page does. */
const ROOM: PanelId[] = PANELS.filter((p) => p.lecture !== 'desk').map((p) => p.id);
const COUNT = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** What a recording shows: one live view (a registry line with a `record` name), or the room's views as they are laid out on the page. */
export type RecordView = PanelId | 'all';
export const RECORD_VIEWS: Array<[RecordView, string]> = [
  ...PANELS.flatMap((p): Array<[RecordView, string]> => ('record' in p ? [[p.id, p.record]] : [])),
  ['all', `all ${COUNT[ROOM.length] ?? ROOM.length}, as laid out`],
];

/** One panel's place in the video, in CSS pixels of the layout (times `scale` in the video). */
export interface Slot {
  panel: PanelId;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameLayout {
  /** Video size in pixels: even, as VP8 and VP9 want. */
  width: number;
  height: number;
  scale: number;
  /** Where the views start in the video, in pixels (all the room's views are centred in a 16:9 frame). */
  left: number;
  slots: Slot[];
  /** Height of the burned-in status band at the bottom, CSS pixels. */
  statusHeight: number;
  background: string;
  font: string;
}

export const STATUS_HEIGHT = 34;
const even = (v: number) => 2 * Math.max(1, Math.round(v / 2));

/**
 * The video's layout, fixed when the recording starts so every frame has the
 * same size: each chosen panel where the page has it (relative to their
 * union), scaled so that they and the status band fit in `maxWidth` ×
 * `maxHeight` pixels (and at most 2× the page). All the room's views fill a frame of
 * exactly that size, a slide's 16:9, centred on the background (README
 * "Record a clip"); one view keeps its own shape.
 */
export function frameLayout(view: RecordView, maxWidth = 1920, maxHeight = 1080): FrameLayout | string {
  const panels = view === 'all' ? ROOM : [view];
  const els = panels.map((p) => [p, document.querySelector<HTMLElement>(`section.panel[data-panel="${p}"]`)] as const);
  const missing = els.filter(([, el]) => !el || el.getBoundingClientRect().width === 0).map(([p]) => p);
  if (missing.length > 0) return `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not shown (a hidden panel, or another tab): show ${missing.length > 1 ? 'them' : 'it'} in the live tab, or record another view`;
  const rects = els.map(([p, el]) => ({ p, el: el!, r: el!.getBoundingClientRect() }));
  const left = Math.min(...rects.map((x) => x.r.left));
  const top = Math.min(...rects.map((x) => x.r.top));
  const w = Math.max(...rects.map((x) => x.r.right)) - left;
  const h = Math.max(...rects.map((x) => x.r.bottom)) - top;
  const scale = Math.min(2, maxWidth / w, maxHeight / (h + STATUS_HEIGHT));
  const [width, height] = view === 'all' ? [even(maxWidth), even(maxHeight)] : [even(w * scale), even((h + STATUS_HEIGHT) * scale)];
  const slots = rects.map(({ p, el, r }) => ({
    panel: p,
    title: el.querySelector('h2')?.textContent ?? p,
    x: r.left - left,
    y: r.top - top,
    width: r.width,
    height: r.height,
  }));
  const body = getComputedStyle(document.body);
  return {
    width,
    height,
    scale,
    left: Math.round((width - w * scale) / 2),
    slots,
    statusHeight: STATUS_HEIGHT,
    background: body.backgroundColor && !/rgba\([^)]*,\s*0\)$/.test(body.backgroundColor) ? body.backgroundColor : PAGE.default.bg,
    font: body.fontFamily || 'sans-serif',
  };
}
