/**
 * The recorder's file formats. MP4 (H.264, the index at the front) is what
 * PowerPoint, Keynote, QuickTime and phones play; WebM (VP9/VP8) is the open
 * format; a looping GIF is for decks and chat tools that play neither.
 */
export type ClipFormat = 'mp4' | 'webm' | 'gif';

export const CLIP_FORMATS: Array<[ClipFormat, string]> = [
  ['mp4', 'MP4 (H.264) — PowerPoint, Keynote, phones'],
  ['webm', 'WebM (VP9 or VP8)'],
  ['gif', 'GIF, looping'],
];

/** A GIF is always this size and rate, stated in the dialog before it starts: the frame is fitted inside, centred. */
export const GIF_WIDTH = 960;
export const GIF_HEIGHT = 540;
export const GIF_FPS = 12;

export const EXTENSION: Record<ClipFormat, string> = { mp4: 'mp4', webm: 'webm', gif: 'gif' };

/**
 * Each GIF frame's delay in hundredths of a second (the format's unit): frame
 * i lasts round((i+1)·100/fps) − round(i·100/fps), so at 12 fps the delays
 * run 8, 9, 8, 8, 9, … and frame k starts within 5 ms of k/fps — the clip
 * keeps the stated rate instead of drifting to 12.5 fps with a fixed 8.
 */
export function gifDelay(i: number, fps: number): number {
  return Math.round(((i + 1) * 100) / fps) - Math.round((i * 100) / fps);
}

/** Where a w × h picture goes inside a W × H box: as large as fits, aspect kept, centred. */
export function fitInside(w: number, h: number, W: number, H: number): { x: number; y: number; width: number; height: number } {
  const k = Math.min(W / w, H / h);
  const width = w * k;
  const height = h * k;
  return { x: (W - width) / 2, y: (H - height) / 2, width, height };
}
