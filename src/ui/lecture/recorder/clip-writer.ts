import type { ClipFormat } from './clip-format';
import type { FrameWriter } from './frame-writer';
import { openGifWriter } from './gif-writer';
import { openMp4Writer, probeH264 } from './mp4-writer';
import { openWebmWriter } from './webm-writer';

export interface OpenedWriter {
  writer: FrameWriter;
  /** Set when the asked format could not be made and another was used instead: why, in words for the dialog. */
  fallback: string | null;
}

/**
 * The writer for the chosen format. MP4 is tried with a real one-frame encode
 * first (probeH264); where H.264 fails, the recording is a WebM instead and
 * the dialog says why.
 */
export async function openClipWriter(format: ClipFormat, canvas: HTMLCanvasElement, fps: number, background: string): Promise<OpenedWriter> {
  if (format === 'gif') return { writer: await openGifWriter(canvas, background), fallback: null };
  if (format === 'mp4') {
    const wrong = await probeH264(canvas.width, canvas.height);
    if (wrong === null) return { writer: await openMp4Writer(canvas, fps), fallback: null };
    return { writer: await openWebmWriter(canvas, fps), fallback: `This browser cannot encode H.264 (${wrong}), so this recording is a WebM instead of an MP4. PowerPoint and Keynote may not play it; a GIF plays everywhere.` };
  }
  return { writer: await openWebmWriter(canvas, fps), fallback: null };
}
