import { paintDrawing } from '../../export/export-png';
import { panelDrawing } from '../../export/panel-layers';
import type { FrameLayout } from './frame-layout';
import type { LayerCache } from './layer-cache';
import { RecordingError } from './recording-error';
import { COLORS } from '../../theme/colors';

const TITLE = 26;

/** The status line as it reads on the page, its parts joined, for burning into the frame. */
export function statusText(): string {
  const el = document.querySelector<HTMLElement>('[data-testid=status-line]');
  if (!el) return '';
  return Array.from(el.children)
    .map((c) => (c as HTMLElement).innerText?.trim() ?? '')
    .filter((t) => t !== '')
    .join('   ·   ');
}

/**
 * One video frame: each slot's title and picture (through the same export
 * path as PNG: SVG layers rasterised, canvas layers copied; an SVG layer that
 * did not change since the last frame is taken from `layers`), then the status
 * line burned in along the bottom.
 */
export async function paintFrame(ctx: CanvasRenderingContext2D, layout: FrameLayout, status: string, layers: LayerCache): Promise<void> {
  const k = layout.scale;
  const x0 = layout.left;
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  for (const s of layout.slots) {
    const panel = document.querySelector<HTMLElement>(`section.panel[data-panel="${s.panel}"]`);
    const d = panel ? panelDrawing(panel) : null;
    if (!panel || !d) throw new RecordingError('nothing-drawn', `The ${s.title} has nothing drawn (is it hidden?)`);
    ctx.fillStyle = d.background;
    ctx.fillRect(x0 + s.x * k, s.y * k, s.width * k, s.height * k);
    ctx.fillStyle = COLORS.ink;
    ctx.font = `600 ${15 * k}px ${layout.font}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(s.title, x0 + (s.x + 8) * k, (s.y + TITLE / 2) * k, (s.width - 16) * k);
    // Fit the picture under the title, keeping its aspect ratio (the page may have been resized since the start).
    const room = { w: s.width - 8, h: s.height - TITLE - 4 };
    const fit = Math.min(room.w / d.width, room.h / d.height);
    const x = s.x + 4 + (room.w - d.width * fit) / 2;
    const y = s.y + TITLE + (room.h - d.height * fit) / 2;
    await paintDrawing(ctx, d, x0 + x * k, y * k, fit * k, (l, scale) => layers.picture(l, scale));
  }
  const top = layout.height - layout.statusHeight * k;
  ctx.fillStyle = COLORS.paper;
  ctx.fillRect(0, top, layout.width, layout.statusHeight * k);
  ctx.fillStyle = COLORS.ink;
  ctx.font = `${15 * k}px ${layout.font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(status, 10 * k, top + (layout.statusHeight * k) / 2, layout.width - 20 * k);
}
