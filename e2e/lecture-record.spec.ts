import { readFile, writeFile } from 'node:fs/promises';
import { simulateQuery } from '../src/core/simulate';
import { expect, test } from './fixtures';
import type { Browser, Page } from '@playwright/test';

const Q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=40';

interface ReadBack {
  mime: string;
  codec: string | null;
  width: number;
  height: number;
  duration: number;
  frames: number;
  stamps: number[];
  hashes: string[];
  /** The last decoded frame as a PNG (base64), kept with the screenshots. */
  last: string;
}

/**
 * Reads a WebM back with the same media library the recorder writes it with
 * (mediabunny, decoding through WebCodecs), on a bare page of the same origin
 * with no service worker: container, codec, size, duration, and a SHA-256 of
 * every decoded frame's pixels.
 */
async function readBack(browser: Browser, base: string, bytes: Buffer): Promise<ReadBack> {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const lib = await readFile('node_modules/mediabunny/dist/bundles/mediabunny.mjs');
  await page.route(`${base}/__readback/mediabunny.mjs`, (r) => r.fulfill({ contentType: 'text/javascript', body: lib }));
  await page.route(`${base}/__readback/`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><script type="module">
import * as mb from './mediabunny.mjs';
const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
window.readVideo = async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const input = new mb.Input({ source: new mb.BufferSource(bytes.buffer), formats: mb.ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  const width = track.displayWidth, height = track.displayHeight;
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  const hashes = [], stamps = [];
  for await (const s of new mb.VideoSampleSink(track).samples()) {
    stamps.push(s.timestamp);
    s.draw(g, 0, 0);
    hashes.push(hex(await crypto.subtle.digest('SHA-256', g.getImageData(0, 0, width, height).data)));
    s.close();
  }
  const png = await canvas.convertToBlob({ type: 'image/png' });
  const last = btoa(Array.from(new Uint8Array(await png.arrayBuffer()), (x) => String.fromCharCode(x)).join(''));
  return { mime: await input.getMimeType(), codec: track.codec, width, height, duration: await input.computeDuration(), frames: hashes.length, stamps, hashes, last };
};
window.ready = true;
</script>`,
    }),
  );
  await page.goto(`${base}/__readback/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  const r = await page.evaluate((b64) => (window as unknown as { readVideo: (s: string) => Promise<ReadBack> }).readVideo(b64), bytes.toString('base64'));
  await ctx.close();
  return r;
}

async function openRecorder(page: Page, view: string, spf: number) {
  await page.getByTestId('record-button').click();
  await page.getByTestId('record-view').selectOption(view);
  await page.getByTestId('record-spf').fill(String(spf));
}

/** Record and return the saved file's bytes and the panel's figures. */
async function record(page: Page): Promise<{ bytes: Buffer; name: string; frames: number; width: number; height: number }> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('record-start').click();
  const d = await download;
  const saved = page.getByTestId('recorder-saved');
  await expect(saved).toBeVisible();
  const num = async (k: string) => Number(await saved.getAttribute(`data-${k}`));
  return { bytes: await readFile((await d.path())!), name: d.suggestedFilename(), frames: await num('frames'), width: await num('width'), height: await num('height') };
}

test.describe('recording a run as a video', () => {
  test.setTimeout(240_000);

  test('a recording of the diagram has one frame per 2 steps at 30 fps, the status line burned in, and two recordings of one link have equal frame hashes', async ({ page, browser, baseURL }) => {
    const base = baseURL!.replace(/\/$/, '');
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await openRecorder(page, 'diagram', 2);
    const a = await record(page);
    // 40 steps at 2 per frame: steps 0, 2, …, 40.
    expect(a.frames).toBe(21);
    expect(a.name).toBe(`sgd-explorer-diagram-${simulateQuery(Q).runs.sgd!.checksum}.webm`);
    // the run ended where the command line ends it, paused on its last frame
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${simulateQuery(Q).runs.sgd!.checksum}`);
    await page.screenshot({ path: 'e2e/output/screens/lecture-recorder.png' });

    const va = await readBack(browser, base, a.bytes);
    await writeFile('e2e/output/screens/lecture-recording-last-frame.png', Buffer.from(va.last, 'base64'));
    expect(va.mime).toMatch(/^video\/webm/);
    expect(['vp9', 'vp8']).toContain(va.codec);
    expect(va.frames).toBe(21);
    expect([va.width, va.height]).toEqual([a.width, a.height]);
    expect(va.width % 2).toBe(0);
    expect(va.height % 2).toBe(0);
    expect(va.duration).toBeCloseTo(21 / 30, 3);
    expect(va.stamps.map((t) => Math.round(t * 30))).toEqual(Array.from({ length: 21 }, (_, i) => i));
    // the picture moves: the first and last frames differ
    expect(new Set(va.hashes).size).toBeGreaterThan(5);

    const b = await record(page);
    const vb = await readBack(browser, base, b.bytes);
    expect(vb.hashes).toEqual(va.hashes);
  });

  test('all four views as laid out, in one frame', async ({ page, browser, baseURL }) => {
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await openRecorder(page, 'four', 10);
    const r = await record(page);
    const v = await readBack(browser, baseURL!.replace(/\/$/, ''), r.bytes);
    await writeFile('e2e/output/screens/lecture-recording-four-last-frame.png', Buffer.from(v.last, 'base64'));
    expect(v.frames).toBe(5);
    // the four panels span wider than the diagram alone
    expect(v.width).toBeGreaterThan(1000);
    expect(v.width).toBeLessThanOrEqual(1920);
  });

  test('Cancel halfway saves nothing, says so, and the page keeps working', async ({ page }) => {
    const q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=400';
    await page.goto(`/?${q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    let downloads = 0;
    page.on('download', () => downloads++);
    await openRecorder(page, 'diagram', 1);
    await page.getByTestId('record-start').click();
    await expect.poll(async () => Number(await page.getByTestId('record-progress').getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
    // the page stays usable while it renders: the QR code opens and closes
    await page.keyboard.press('q');
    await expect(page.getByTestId('qr-code')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByTestId('record-cancel').click();
    const msg = page.getByTestId('recorder-cancelled');
    await expect(msg).toContainText(/Recording cancelled at frame \d+ of 401; nothing was saved/);
    expect(downloads).toBe(0);
    await page.locator('[data-panel=burst] .panel-body').click();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${simulateQuery(q).runs.sgd!.checksum}`);
  });

  test('a change of η during the recording stops it with a message, and nothing is saved', async ({ page }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=400');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await openRecorder(page, 'diagram', 1);
    await page.getByTestId('record-start').click();
    await expect.poll(async () => Number(await page.getByTestId('record-progress').getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await page.locator('[data-panel=burst] .panel-body').click();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('recorder-config-changed')).toContainText('the configuration changed during the recording');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', /running|done|paused/);
  });

  test('going offline mid-recording is reported, and the recording completes', async ({ page, context }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=60');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await openRecorder(page, 'landscape', 1);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('record-start').click();
    await expect.poll(async () => Number(await page.getByTestId('record-progress').getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await context.setOffline(true);
    await expect(page.getByTestId('recorder-offline')).toContainText('The network went offline during the recording');
    await download;
    await expect(page.getByTestId('recorder-saved')).toHaveAttribute('data-frames', '61');
    await context.setOffline(false);
  });
});
