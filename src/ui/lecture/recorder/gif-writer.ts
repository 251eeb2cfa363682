import type { FrameWriter } from './frame-writer';
import { fitInside, GIF_FPS, GIF_HEIGHT, GIF_WIDTH, gifDelay } from './clip-format';

/** A task's pause, so the page answers between two frames' quantisation. */
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * A looping GIF at GIF_WIDTH × GIF_HEIGHT and GIF_FPS through gifenc 1.0.3:
 * each painted frame is fitted inside the box on the background, reduced to
 * its own 256-colour palette (gifenc's quantize, rgb565) and LZW-compressed
 * by gifenc; the first frame carries the NETSCAPE2.0 extension with a loop
 * count of 0, "forever". The same pixels give the same bytes.
 */
export async function openGifWriter(source: HTMLCanvasElement, background: string): Promise<FrameWriter> {
  const { GIFEncoder, applyPalette, quantize } = await import('gifenc');
  const canvas = document.createElement('canvas');
  canvas.width = GIF_WIDTH;
  canvas.height = GIF_HEIGHT;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas to scale the GIF frames on');
  const box = fitInside(source.width, source.height, GIF_WIDTH, GIF_HEIGHT);
  let encoder: ReturnType<typeof GIFEncoder> | null = GIFEncoder();
  return {
    how: `GIF ${GIF_WIDTH}×${GIF_HEIGHT} at ${GIF_FPS} fps through gifenc, looping`,
    mime: 'image/gif',
    ext: 'gif',
    async add(i) {
      if (!encoder) throw new Error('the GIF was already finished');
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, GIF_WIDTH, GIF_HEIGHT);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, box.x, box.y, box.width, box.height);
      const rgba = ctx.getImageData(0, 0, GIF_WIDTH, GIF_HEIGHT).data;
      const palette = quantize(rgba, 256);
      const index = applyPalette(rgba, palette);
      encoder.writeFrame(index, GIF_WIDTH, GIF_HEIGHT, { palette, delay: gifDelay(i, GIF_FPS) * 10, repeat: 0 });
      await macrotask();
    },
    async finish() {
      if (!encoder) throw new Error('the GIF was already finished');
      encoder.finish();
      const bytes = encoder.bytes();
      encoder = null;
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/gif' });
    },
    async cancel() {
      encoder = null;
    },
  };
}
