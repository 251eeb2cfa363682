import type { FrameWriter } from './frame-writer';
import { COLORS } from '../../theme/colors';

/** How long the one-frame probe may take before H.264 counts as missing (a stuck encoder must not hold the dialog). */
const PROBE_MS = 5000;

/** The MP4 muxer's options: `moov` before `mdat` ("fast start"), the layout PowerPoint and web players want. */
const FAST_START = { fastStart: 'in-memory' as const };

/**
 * MP4 with H.264 through WebCodecs, muxed by mediabunny: frame i is stamped
 * i/fps and lasts 1/fps. mediabunny picks the avc1 profile and level for the
 * size; WebCodecs' H.264 encoders take the canvas as 4:2:0 (yuv420p), the only
 * chroma layout of the Baseline, Main and High profiles.
 */
export async function openMp4Writer(canvas: HTMLCanvasElement | OffscreenCanvas, fps: number): Promise<FrameWriter> {
  const { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_MEDIUM } = await import('mediabunny');
  const output = new Output({ format: new Mp4OutputFormat(FAST_START), target: new BufferTarget() });
  // A key frame every second, so a clip seeks well in a slide or a player.
  const source = new CanvasSource(canvas, { codec: 'avc', quality: QUALITY_MEDIUM, keyFrameInterval: 1, latencyMode: 'quality' });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    how: 'H.264 (avc1) through WebCodecs, fast start',
    mime: 'video/mp4',
    ext: 'mp4',
    add: (i) => source.add(i / fps, 1 / fps),
    async finish() {
      await output.finalize();
      const buf = output.target.buffer;
      if (!buf) throw new Error('the muxer returned no data');
      return new Blob([buf], { type: 'video/mp4' });
    },
    cancel: () => output.cancel(),
  };
}

/**
 * Whether this browser really encodes H.264 at this size: one frame through
 * the same path as a recording (WebCodecs, mediabunny, MP4), not just
 * `VideoEncoder.isConfigSupported`, which some browsers answer yes to and
 * then fail on the first frame. Returns null when it works, or why not.
 */
export async function probeH264(width: number, height: number): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined') return 'this browser has no WebCodecs';
  const attempt = async (): Promise<string | null> => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d');
    if (!g) return 'no canvas to encode a test frame';
    // Any flat picture will do for the probe: the contour grey.
    g.fillStyle = COLORS.contour;
    g.fillRect(0, 0, width, height);
    const w = await openMp4Writer(canvas, 30);
    try {
      await w.add(0);
      const blob = await w.finish();
      return blob.size > 0 ? null : 'a test frame gave an empty file';
    } catch (e) {
      await w.cancel().catch(() => undefined);
      throw e;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((r) => {
    timer = setTimeout(() => r(`a test frame took more than ${PROBE_MS / 1000} s`), PROBE_MS);
  });
  try {
    return await Promise.race([attempt(), timeout]);
  } catch (e) {
    return `a test frame failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    clearTimeout(timer);
  }
}
