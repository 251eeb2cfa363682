import { encodeQuery } from '../src/core/params/query';
import { simulateQuery } from '../src/core/simulate';
import type { Config } from '../src/core/params/param-table';
import { expect, test } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const Q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=400';
const DONE = { timeout: 60_000 };

type Hooks = { explorer: { store: { getState(): { config: Config }; subscribe(fn: (s: { config: Config }, p: { config: Config }) => void): () => void } } };

/** Press V in the presenter page; the projector window it opens, once its run is in step. */
async function openProjector(page: Page, context: BrowserContext, how: () => Promise<void> = () => page.keyboard.press('v')): Promise<Page> {
  const [projector] = await Promise.all([context.waitForEvent('page'), how()]);
  await projector.waitForLoadState();
  await expect(projector.getByTestId('presenter-bar')).toHaveAttribute('data-role', 'projector', DONE);
  await expect(page.getByTestId('presenter-bar')).toHaveAttribute('data-peer', 'true', DONE);
  return projector;
}

const checksumOf = async (p: Page) => (await p.getByTestId('checksum').textContent())?.trim();
const configOf = (p: Page) => p.evaluate(() => (window as unknown as Hooks).explorer.store.getState().config);

test.describe('the presenter view: two windows in step', () => {
  test.setTimeout(180_000);

  test('V opens the projector in lecture mode; η dragged on the laptop moves the projector\'s corner within 50 ms, and both end with the command line\'s checksum', async ({ page, context }) => {
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const projector = await openProjector(page, context);
    await expect(projector.locator('html')).toHaveClass(/lecture/);
    await expect(page.locator('html')).not.toHaveClass(/lecture/);
    await expect(page.getByTestId('presenter-clock')).toHaveText(/^\d+:\d\d$/);
    // every value of η the laptop's corner shows, and every value the projector's corner shows, on one clock
    const watchCorner = () => {
      const w = window as unknown as { seen: Array<[number, number]> };
      w.seen = [];
      const el = document.querySelector('[data-testid=rect-corner]')!;
      new MutationObserver(() => w.seen.push([performance.timeOrigin + performance.now(), Number(el.getAttribute('data-eta'))])).observe(el, { attributes: true, attributeFilter: ['data-eta'] });
    };
    await projector.evaluate(watchCorner);
    await page.evaluate(watchCorner);
    const slider = page.getByTestId('eta-slider');
    const box = (await slider.boundingBox())!;
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const xAt = (log10: number) => box.x + ((log10 - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(xAt(Math.log10(0.7)), y);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) {
      await page.mouse.move(xAt(Math.log10(0.7) + (i / 15) * (Math.log10(1.3) - Math.log10(0.7))), y);
      await page.waitForTimeout(40);
    }
    await page.mouse.up();
    const final = (await configOf(page)).eta;
    await expect(projector.getByTestId('rect-corner')).toHaveAttribute('data-eta', String(final));
    const seen = (p: Page) => p.evaluate(() => (window as unknown as { seen: Array<[number, number]> }).seen);
    const [here, there] = [await seen(page), await seen(projector)];
    expect(here.length).toBeGreaterThan(5);
    // For each value the laptop's corner showed: when the projector's corner showed it too. The projector
    // may skip a value only when it already shows a later one (a message that found it busy).
    const lags = here.map(([t, eta]) => {
      const hit = there.find(([u, e]) => u >= t - 1 && Math.abs(e - eta) <= 1e-9 * eta);
      return hit ? hit[0] - t : null;
    });
    const shown = lags.filter((l): l is number => l !== null);
    console.log(`projector corner behind the laptop's, ${here.length} values of η (${shown.length} shown, the rest overtaken): ${shown.map((l) => l.toFixed(1)).join(', ')} ms`);
    expect(shown.length).toBeGreaterThan(here.length / 2);
    for (const l of shown) expect(l).toBeLessThanOrEqual(50);

    // both run the same configuration to the end, with the checksum npm run sim prints for it
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    await expect(projector.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const config = await configOf(page);
    const want = `checksum ${simulateQuery(encodeQuery({ ...config, lecture: false })).runs.sgd!.checksum}`;
    expect(await checksumOf(page)).toBe(want);
    expect(await checksumOf(projector)).toBe(want);
    expect((await configOf(projector)).eta).toBe(config.eta);
  });

  test('a preset applied on either side shows in both, with its note', async ({ page, context }) => {
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const projector = await openProjector(page, context);
    await page.locator('[data-panel=burst] .panel-body').click();
    await page.keyboard.press('2');
    const note = page.getByTestId('preset-note');
    await expect(note).toBeVisible();
    await expect(projector.getByTestId('preset-note')).toHaveText((await note.textContent())!);
    expect((await configOf(projector)).eta).toBe((await configOf(page)).eta);
    await projector.locator('[data-panel=diagram] .panel-body').click();
    await projector.keyboard.press('3');
    const note3 = projector.getByTestId('preset-note');
    await expect(note3).not.toHaveText((await note.textContent())!);
    await expect(page.getByTestId('preset-note')).toHaveText((await note3.textContent())!);
    const [a, b] = [await configOf(page), await configOf(projector)];
    expect(encodeQuery({ ...a, lecture: false })).toBe(encodeQuery({ ...b, lecture: false }));
  });

  test('closing the projector leaves the presenter working; reopening it syncs; a second presenter view is refused', async ({ page, context }) => {
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const first = await openProjector(page, context);
    await first.close();
    await expect(page.getByTestId('presenter-peer')).toHaveText('projector window closed');
    // the presenter goes on alone
    await page.locator('[data-panel=burst] .panel-body').click();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const eta = (await configOf(page)).eta;
    expect(eta).toBeCloseTo(0.77, 10);
    // reopened, the projector shows the presenter's configuration and paused step
    await page.keyboard.press(' ');
    const again = await openProjector(page, context, () => page.getByTestId('presenter-reopen').click());
    await expect(again.getByTestId('rect-corner')).toHaveAttribute('data-eta', String(eta));
    await expect(again.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    expect(await checksumOf(again)).toBe(await checksumOf(page));

    // another tab of the explorer asking to be the presenter is refused, and opens no window
    const third = await context.newPage();
    await third.goto(`/?${Q}`);
    await expect(third.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    let opened = 0;
    context.on('page', () => opened++);
    await third.locator('[data-panel=burst] .panel-body').click();
    await third.keyboard.press('v');
    await expect(third.getByTestId('presenter-message')).toContainText('Another window is already the presenter view');
    expect(opened).toBe(0);
    await expect(page.getByTestId('presenter-bar')).toHaveAttribute('data-peer', 'true');
  });

  test('a stray message on the channel, of the wrong shape or from an older build, is ignored without a crash', async ({ page, context }) => {
    await page.goto(`/?${Q}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', DONE);
    const projector = await openProjector(page, context);
    const channel = await page.evaluate(() => `sgd-explorer-presenter ${new URL('.', location.href).pathname}`);
    await page.evaluate((name) => {
      const ch = new BroadcastChannel(name);
      ch.postMessage('hello');
      ch.postMessage({ app: 'sgd-explorer-presenter', v: 1, build: 'index-0ld.js', from: 'old', kind: 'state', role: 'presenter', state: { query: 'problem=toy&eta=3', paused: false, t: 0, resets: 0, note: null, qr: true } });
      ch.postMessage({ app: 'sgd-explorer-presenter', v: 99, kind: 'reset', resets: 1 });
      ch.postMessage({ type: 'set', query: 'eta=2' });
      ch.close();
    }, channel);
    // each of the two windows counted four and applied none
    await expect(page.getByTestId('presenter-bar')).toHaveAttribute('data-ignored', '4');
    await expect(projector.getByTestId('presenter-bar')).toHaveAttribute('data-ignored', '4');
    expect((await configOf(projector)).eta).toBe(0.7);
    expect((await configOf(page)).eta).toBe(0.7);
    await expect(projector.getByTestId('qr-code')).toHaveCount(0);
    // and they are still in step
    await page.locator('[data-panel=burst] .panel-body').click();
    await page.keyboard.press('ArrowDown');
    await expect(projector.getByTestId('rect-corner')).toHaveAttribute('data-eta', String((await configOf(page)).eta));
  });
});
