import { loadFormulaCompiler } from '../src/core/formula/load-formula-compiler';
import { simulateQuery } from '../src/core/simulate';
import { expect, test } from './fixtures';
import { serveUnder } from './lecture-support';
import type { Page } from '@playwright/test';

const PREFIX = '/course/sgd/';
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=50&steps=200';
const CUSTOM = 'problem=custom&f=min(x^2,0.3*(x-1)^2);min(x^2,2.6*(x-1)^2)&eta=0.6&B=1&seed=5&runs=30&steps=150';

let server: Awaited<ReturnType<typeof serveUnder>>;
test.beforeAll(async () => {
  server = await serveUnder('dist', PREFIX);
});
test.afterAll(async () => {
  await server.close();
});

const cliChecksum = (q: string) => {
  const out = simulateQuery(q);
  return out.runs.sgd?.checksum ?? out.runs.gd!.checksum;
};

async function expectDone(page: Page, q: string) {
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cliChecksum(q)}`);
}

/** KaTeX's fonts that the page has loaded, and any that failed. */
const katexFonts = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    const k = Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX'));
    return { loaded: k.filter((f) => f.status === 'loaded').length, failed: k.filter((f) => f.status === 'error').length };
  });

test.describe('hosting from a sub-path and working offline', () => {
  test('dist/ served by a plain static server under /course/sgd/ loads a permalink with the command line checksum; the links point there', async ({ page, context }) => {
    await page.goto(`${server.origin}${PREFIX}?${TOY}`);
    await expectDone(page, TOY);
    await expect(page.locator('.katex').first()).toBeVisible();
    // Copy link and the QR code point at the sub-path where the page is hosted.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copied')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${server.origin}${PREFIX}?${simulateQuery(TOY).permalink}`);
    await page.keyboard.press('q');
    await expect(page.getByTestId('qr-link')).toHaveText(copied);
    await page.keyboard.press('Escape');
    // A custom formula loads mathjs's chunk from the sub-path too.
    await loadFormulaCompiler();
    await page.goto(`${server.origin}${PREFIX}?${CUSTOM}`);
    await expectDone(page, CUSTOM);
    // The service worker is registered once the page has settled (src/ui/lecture/offline.ts): wait for it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Nothing was asked of the server outside the sub-path (workers, chunks, fonts, manifest, icons, service worker).
    expect(server.requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(server.requests).toContain(`${PREFIX}sw.js`);
    expect(server.requests).toContain(`${PREFIX}manifest.webmanifest`);
  });

  test('after one visit the explorer reloads offline and completes a run with the command line checksum, typesets with KaTeX, and opens a custom-formula link', async ({ page, context }) => {
    await page.goto(`${server.origin}${PREFIX}?${TOY}`);
    await expectDone(page, TOY);
    // The worker is installed once the whole build is precached.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect(page.getByTestId('offline-ready')).toBeVisible();
    // No network at all: the browser is offline and the server answers nothing.
    await context.setOffline(true);
    server.setDown(true);
    const served = server.requests.length;
    await page.reload();
    await expectDone(page, TOY);
    await expect(page.locator('.katex').first()).toBeVisible();
    const fonts = await katexFonts(page);
    expect(fonts.loaded).toBeGreaterThan(0);
    expect(fonts.failed).toBe(0);

    await loadFormulaCompiler();
    await page.goto(`${server.origin}${PREFIX}?${CUSTOM}`);
    await expectDone(page, CUSTOM);
    // Every problem runs offline (all share the precached worker; point, circle and the square-loss models build in it).
    for (const q of ['problem=point&a=3&s=2&eta=0.5&seed=2&runs=10&steps=60', 'problem=circle&model=2&eta=0.05&seed=2&runs=5&steps=40', 'problem=features&n=20&width=40&eta=0.1&seed=2&runs=5&steps=40']) {
      await page.goto(`${server.origin}${PREFIX}?${q}`);
      await expectDone(page, q);
    }
    await page.screenshot({ path: 'e2e/output/screens/lecture-offline.png' });
    // The page asked the network for nothing; only the browser's own update check of the service worker (which fails, harmlessly) may knock.
    expect(server.requests.slice(served).filter((p) => !/^\/course\/sgd\/(sw|workbox-[\w-]+)\.js$/.test(p))).toEqual([]);
    server.setDown(false);
    await context.setOffline(false);
  });
});
