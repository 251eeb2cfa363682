import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Why two MP4s of one link are compared by PSNR and not by frame hashes (README
// "Put a clip in PowerPoint or Keynote"): the smallest experiment, with WebCodecs
// alone. The same pictures are encoded twice and both encodes decoded; equal bytes
// mean equal frame hashes. Chromium's software encoders run on one thread below
// 640×480 and on more above it (two on this two-core machine); H.264 (OpenH264)
// stays byte-identical on one thread and not on two, while VP9 (libvpx) stays
// identical at 1080p. A fixed quantiser would take rate control out of the way,
// but this Chromium offers `bitrateMode: 'quantizer'` for VP9 and AV1, not H.264.

interface Encoded {
  /** SHA-256 of every encoded chunk's bytes, in order, joined. */
  bytes: string;
  size: number;
  /** SHA-256 of each decoded frame's RGBA pixels. */
  frames: string[];
}

const EXPERIMENT = `<!doctype html><script type="module">
const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
const sha = async (b) => hex(await crypto.subtle.digest('SHA-256', b));
/** Frame i of a chart-like clip: a curve and dots that move with i. */
function picture(g, w, h, i) {
  g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
  g.strokeStyle = '#246'; g.lineWidth = 3; g.beginPath();
  for (let x = 0; x < w; x += 8) g.lineTo(x, h / 2 + Math.sin(x / 90 + i / 5) * h / 3);
  g.stroke();
  g.fillStyle = '#c33';
  for (let k = 0; k < 200; k++) { g.beginPath(); g.arc((k * 97 + i * 13) % w, (k * 53 + i * 7) % h, 4, 0, 7); g.fill(); }
}
window.supports = async (config) => (await VideoEncoder.isConfigSupported(config)).supported;
/** The same n pictures through a fresh encoder, then through a decoder. */
window.encodeTwice = async (config, n) => {
  const once = async () => {
    const canvas = new OffscreenCanvas(config.width, config.height);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    const chunks = [];
    let decoderConfig;
    const enc = new VideoEncoder({ output: (c, m) => { if (m?.decoderConfig) decoderConfig = m.decoderConfig; const b = new Uint8Array(c.byteLength); c.copyTo(b); chunks.push({ b, type: c.type, timestamp: c.timestamp }); }, error: (e) => { throw e; } });
    enc.configure(config);
    for (let i = 0; i < n; i++) {
      picture(g, config.width, config.height, i);
      const f = new VideoFrame(canvas, { timestamp: Math.round((i * 1e6) / 30), duration: Math.round(1e6 / 30) });
      enc.encode(f, { keyFrame: i === 0 });
      f.close();
    }
    await enc.flush();
    enc.close();
    const decoded = [];
    const dec = new VideoDecoder({ output: (f) => decoded.push(f), error: (e) => { throw e; } });
    dec.configure(decoderConfig);
    for (const c of chunks) dec.decode(new EncodedVideoChunk({ type: c.type, timestamp: c.timestamp, data: c.b }));
    await dec.flush();
    dec.close();
    const frames = [];
    for (const f of decoded) { g.drawImage(f, 0, 0); f.close(); frames.push(await sha(g.getImageData(0, 0, config.width, config.height).data)); }
    const hashes = [];
    for (const c of chunks) hashes.push(await sha(c.b));
    return { bytes: hashes.join(''), size: chunks.reduce((s, c) => s + c.b.length, 0), frames };
  };
  return [await once(), await once()];
};
window.ready = true;
</script>`;

/** The experiment page's two encodes of the same n pictures with this encoder configuration. */
const encodeTwice = (page: Page, config: object, n: number) =>
  page.evaluate(([c, k]) => (window as unknown as { encodeTwice: (c: object, n: number) => Promise<[Encoded, Encoded]> }).encodeTwice(c as object, k as number), [config, n] as const);
const quantizer = (codec: string) => ({ codec, width: 1920, height: 1080, framerate: 30, bitrateMode: 'quantizer', latencyMode: 'quality' });
const h264 = (width: number, height: number) => ({ codec: 'avc1.640028', width, height, framerate: 30, bitrate: 3_000_000, latencyMode: 'quality', avc: { format: 'avc' } });
const vp9 = (width: number, height: number) => ({ codec: 'vp09.00.40.08', width, height, framerate: 30, bitrate: 3_000_000, latencyMode: 'quality' });

test.describe('the encoders WebCodecs offers here, on the same pictures twice', () => {
  test.setTimeout(180_000);

  test.beforeEach(async ({ page, baseURL }) => {
    const at = `${baseURL!.replace(/\/$/, '')}/__encoders/`;
    await page.route(at, (r) => r.fulfill({ contentType: 'text/html', body: EXPERIMENT }));
    await page.goto(at);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  });

  test('H.264 takes no fixed quantiser in this Chromium (VP9 and AV1 do): its rate control cannot be switched off', async ({ page }) => {
    const supports = (config: object) => page.evaluate((c) => (window as unknown as { supports: (c: object) => Promise<boolean> }).supports(c), config);
    // When this fails, H.264 has a fixed quantiser here: give the MP4 writer one, and test MP4s by equal frame hashes.
    expect(await supports(quantizer('avc1.640028'))).toBe(false);
    expect(await supports(quantizer('avc1.42001f'))).toBe(false);
    expect(await supports(quantizer('vp09.00.40.08'))).toBe(true);
    expect(await supports(quantizer('av01.0.08M.08'))).toBe(true);
  });

  test('on one encoder thread (below 640×480) two H.264 encodes of the same pictures are byte-identical; VP9 is identical at 1920×1080 (and what H.264 does above, printed)', async ({ page }) => {
    const [a, b] = await encodeTwice(page, h264(632, 480), 30);
    expect(a.frames).toHaveLength(30);
    expect(b.bytes).toBe(a.bytes);
    expect(b.frames).toEqual(a.frames);
    const [c, d] = await encodeTwice(page, vp9(1920, 1080), 8);
    expect(c.frames).toHaveLength(8);
    expect(d.bytes).toBe(c.bytes);
    expect(d.frames).toEqual(c.frames);
    // From 640×480 up Chromium gives the encoder two threads: the finding itself, printed and not asserted
    // (a nondeterministic encoder may agree by chance).
    for (const [w, h, n] of [[640, 480, 30], [1920, 1080, 8]] as const) {
      const [x, y] = await encodeTwice(page, h264(w, h), n);
      const same = x.frames.filter((f, i) => f === y.frames[i]).length;
      console.log(`H.264 ${w}×${h}: bytes ${x.bytes === y.bytes ? 'identical' : 'differ'} (${x.size} and ${y.size} B); ${same} of ${n} decoded frames equal`);
    }
  });
});
