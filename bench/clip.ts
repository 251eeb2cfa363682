/**
 * The clip measurement (README "Put a clip in PowerPoint or Keynote"): the
 * toy's four views as laid out at 1920×1080, recorded by the page's own
 * recorder as a 10 s MP4 at 30 fps and as a GIF at 960×540, 12 fps, of the
 * same run. Reports the seconds from Record to the file (render and encode)
 * and each file's size, against the targets: ≤ 10 s, ≤ 5 MB MP4, ≤ 8 MB GIF.
 *   npx tsx bench/clip.ts            the full clip (300 MP4 frames, 121 GIF frames)
 *   npx tsx bench/clip.ts --short    a few frames, to check the bench itself runs
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.mjs';
import { CLIP_FULL, CLIP_SHORT, CLIP_TARGETS, type ClipSizes } from './options';
import { buildProduction, startPreview } from './preview-server';

export interface ClipFile {
  format: 'mp4' | 'gif';
  frames: number;
  width: number;
  height: number;
  seconds: number;
  bytes: number;
}

const query = (steps: number) => `?problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=${steps}`;

/** One recording through the page's recorder: from the click on Record to the saved file. */
async function recordOnce(browser: Browser, base: string, format: 'mp4' | 'gif', steps: number, spf: number): Promise<ClipFile> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(base + query(steps));
    await page.waitForSelector('[data-testid=status-line][data-state=done]', { timeout: 120_000 });
    await page.getByTestId('record-button').click();
    await page.getByTestId('record-format').selectOption(format);
    await page.getByTestId('record-view').selectOption('all');
    await page.getByTestId('record-spf').fill(String(spf));
    const download = page.waitForEvent('download', { timeout: 600_000 });
    const t0 = performance.now();
    await page.getByTestId('record-start').click();
    const d = await download;
    const seconds = (performance.now() - t0) / 1000;
    const saved = page.getByTestId('recorder-saved');
    await saved.waitFor();
    const num = async (k: string) => Number(await saved.getAttribute(`data-${k}`));
    const bytes = (await readFile((await d.path())!)).length;
    return { format, frames: await num('frames'), width: await num('width'), height: await num('height'), seconds, bytes };
  } finally {
    await context.close();
  }
}

/** The MP4 and the GIF of one run, each in a fresh page. */
export async function measureClip(browser: Browser, base: string, sizes: ClipSizes = CLIP_FULL): Promise<ClipFile[]> {
  return [await recordOnce(browser, base, 'mp4', sizes.steps, sizes.mp4Spf), await recordOnce(browser, base, 'gif', sizes.steps, sizes.gifSpf)];
}

export const clipLine = (c: ClipFile) =>
  `${c.format.toUpperCase()} ${c.width}×${c.height}, ${c.frames} frames: ${c.seconds.toFixed(1)} s to render (target ≤ ${CLIP_TARGETS.seconds} s), ${(c.bytes / 1e6).toFixed(2)} MB (target ≤ ${((c.format === 'mp4' ? CLIP_TARGETS.mp4Bytes : CLIP_TARGETS.gifBytes) / 1e6).toFixed(0)} MB)`;

async function main(): Promise<void> {
  const found = findChromium();
  if (!found) throw new Error('no Chromium found (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)');
  const build = buildProduction();
  if ('error' in build) throw new Error(build.error);
  const server = await startPreview(build.dist);
  const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox', '--no-first-run'] });
  try {
    const files = await measureClip(browser, server.url, process.argv.includes('--short') ? CLIP_SHORT : CLIP_FULL);
    for (const f of files) console.log(clipLine(f));
  } finally {
    await browser.close();
    await server.stop();
    build.dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
