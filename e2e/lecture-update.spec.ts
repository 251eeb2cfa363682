import { spawnSync } from 'node:child_process';
import { simulateQuery } from '../src/core/simulate';
import { expect, test } from './fixtures';
import { serveUnder } from './lecture-support';

const PREFIX = '/course/sgd/';
const NEXT = 'dist-lecture-next';

let server: Awaited<ReturnType<typeof serveUnder>>;
test.beforeAll(async () => {
  // A second deployment: the same sources built with another site address, so index.html (and the precache manifest) differ.
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', NEXT, '--emptyOutDir'], {
    env: { ...process.env, SITE_URL: 'https://example.org/course/sgd/' },
    stdio: 'inherit',
  });
  expect(r.status).toBe(0);
  server = await serveUnder(process.env.E2E_OUT || 'dist', PREFIX);
});
test.afterAll(async () => {
  await server.close();
});

for (const visited of [true, false])
test(`a new deployment is announced and waits: the running page is not swapped until "Reload for the new version" (${visited ? 'a page the worker controls' : 'the first visit'})`, async ({ page }) => {
  test.setTimeout(180_000);
  server.setDir(process.env.E2E_OUT || 'dist');
  const q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=100';
  await page.goto(`${server.origin}${PREFIX}?${q}`);
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (visited) {
    await page.reload();
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  }
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', './');
  // the lecture goes on: a run is paused half way
  await page.locator('[data-panel=burst] .panel-body').click();
  const before = await page.getByTestId('status-line').getAttribute('data-run-id');
  await page.keyboard.press('r');
  // the restart's run is the one paused (its id arrives with the worker's answer)
  await expect(page.getByTestId('status-line')).not.toHaveAttribute('data-run-id', before ?? '');
  await page.keyboard.press(' ');
  const runId = await page.getByTestId('status-line').getAttribute('data-run-id');

  server.setDir(NEXT);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await expect(page.getByTestId('update-notice')).toContainText('A new version of the explorer is ready', { timeout: 60_000 });
  // nothing was swapped: same page, same run, still the old build
  expect(await page.getByTestId('status-line').getAttribute('data-run-id')).toBe(runId);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', './');

  await page.getByRole('button', { name: 'Reload for the new version' }).click();
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', 'https://example.org/course/sgd/', { timeout: 30_000 });
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(new URL(page.url()).search).toBe(`?${simulateQuery(q).permalink}`);
});
