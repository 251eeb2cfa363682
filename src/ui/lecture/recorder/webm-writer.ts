import type { FrameWriter } from './frame-writer';

/** WebM through WebCodecs, muxed by mediabunny: frame i is stamped i/fps and lasts 1/fps, whatever the time it took to render. */
async function webCodecsWriter(canvas: HTMLCanvasElement, fps: number): Promise<FrameWriter | null> {
  // Loaded on the first recording only: the muxer is most of the recorder's weight.
  const { BufferTarget, CanvasSource, getFirstEncodableVideoCodec, Output, QUALITY_HIGH, WebMOutputFormat } = await import('mediabunny');
  const codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], { width: canvas.width, height: canvas.height });
  if (codec === null) return null;
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  // A key frame every second, so a clip seeks well in a course page's player.
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 1, latencyMode: 'quality' });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    how: `${codec.toUpperCase()} through WebCodecs`,
    mime: 'video/webm',
    ext: 'webm',
    add: (i) => source.add(i / fps, 1 / fps),
    async finish() {
      await output.finalize();
      const buf = output.target.buffer;
      if (!buf) throw new Error('the muxer returned no data');
      return new Blob([buf], { type: 'video/webm' });
    },
    cancel: () => output.cancel(),
  };
}

/**
 * Where WebCodecs is missing: MediaRecorder on the canvas's stream, each frame
 * pushed by hand and held for 1/fps of real time. The pictures are the same;
 * the timestamps are the recorder's clock, so the frame timing is approximate.
 */
function mediaRecorderWriter(canvas: HTMLCanvasElement, fps: number): FrameWriter | null {
  if (typeof MediaRecorder === 'undefined' || typeof canvas.captureStream !== 'function') return null;
  const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
  if (!type) return null;
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as MediaStreamTrack & { requestFrame?: () => void };
  const rec = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 8_000_000 });
  const chunks: Blob[] = [];
  rec.ondataavailable = (e) => chunks.push(e.data);
  rec.start();
  const stopped = () => new Promise<void>((r) => rec.addEventListener('stop', () => r(), { once: true }));
  return {
    how: `${type} through MediaRecorder (this browser has no WebCodecs; frame timing is approximate)`,
    mime: 'video/webm',
    ext: 'webm',
    async add() {
      track.requestFrame?.();
      await new Promise((r) => setTimeout(r, 1000 / fps));
    },
    async finish() {
      const done = stopped();
      rec.stop();
      await done;
      stream.getTracks().forEach((t) => t.stop());
      return new Blob(chunks, { type: 'video/webm' });
    },
    async cancel() {
      const done = stopped();
      rec.stop();
      await done;
      stream.getTracks().forEach((t) => t.stop());
    },
  };
}

export async function openWebmWriter(canvas: HTMLCanvasElement, fps: number): Promise<FrameWriter> {
  const w = (typeof VideoEncoder !== 'undefined' ? await webCodecsWriter(canvas, fps) : null) ?? mediaRecorderWriter(canvas, fps);
  if (!w) throw new Error('this browser can encode no WebM video (neither WebCodecs nor MediaRecorder with VP8 or VP9)');
  return w;
}
