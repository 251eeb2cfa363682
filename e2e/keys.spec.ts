import { encodeQuery } from '../src/core/params/query';
import { LINK } from '../src/ui/state/link-params';
const decodeQuery = (q: string) => LINK.decode(q);
import { simulateQuery } from '../src/core/simulate';
import { PRESETS } from '../src/ui/presets/presets';
import type { Locator } from '@playwright/test';
import { expect, openDone, shoot, test } from './fixtures';

/** The step of a paused run once it holds still (a frame already on its way may land after the pause). */
async function pausedStep(status: Locator): Promise<number> {
  let last = Number.NaN;
  await expect
    .poll(
      async () => {
        const t = Number(await status.getAttribute('data-t'));
        const still = t === last;
        last = t;
        return still;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return last;
}

/** ↑/↓ multiply or divide η by this factor (README: Keys), kept to four significant digits. */
const ETA_FACTOR = 1.1;
/** A short run: once it is done the page has bound its keys (they are bound with the worker). */
const SHORT_RUN = 'problem=toy&eta=0.7&B=1&seed=7&runs=10&steps=50';
const LONG_RUN = 'problem=toy&eta=0.7&B=1&seed=5&runs=20&steps=1000000&speed=200';

test.describe('the lecture keys', () => {
  test('space pauses and plays the run', async ({ page }) => {
    await page.goto(`/?${LONG_RUN}`);
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-state', 'running');
    await page.keyboard.press(' ');
    await expect(status).toHaveAttribute('data-state', 'paused');
    const t = await pausedStep(status);
    await page.waitForTimeout(400);
    expect(Number(await status.getAttribute('data-t'))).toBe(t);
    await page.keyboard.press(' ');
    await expect(status).toHaveAttribute('data-state', 'running');
    await expect.poll(async () => Number(await status.getAttribute('data-t'))).toBeGreaterThan(t);
  });

  test('→ advances a paused run by exactly one step', async ({ page }) => {
    await page.goto(`/?${LONG_RUN}`);
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-state', 'running');
    await page.keyboard.press(' ');
    await expect(status).toHaveAttribute('data-state', 'paused');
    const t = await pausedStep(status);
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveAttribute('data-t', String(t + 1));
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveAttribute('data-t', String(t + 2));
    await expect(status).toHaveAttribute('data-state', 'paused');
  });

  test('R resets: the same start again, with the same checksum', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200');
    const status = page.getByTestId('status-line');
    const run = await status.getAttribute('data-run-id');
    const checksum = await page.getByTestId('checksum').textContent();
    await page.keyboard.press('r');
    await expect(status).not.toHaveAttribute('data-run-id', run!);
    await expect(status).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('checksum')).toHaveText(checksum!);
  });

  test('↑ and ↓ multiply and divide η by the fixed factor; the link follows', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7');
    const eta = page.getByTestId('eta-input');
    const up = Number((0.7 * ETA_FACTOR).toPrecision(4));
    await page.keyboard.press('ArrowUp');
    await expect(eta).toHaveValue(String(up));
    await expect(page).toHaveURL(new RegExp(`eta=${up}&`));
    await page.keyboard.press('ArrowUp');
    const up2 = Number((up * ETA_FACTOR).toPrecision(4));
    await expect(eta).toHaveValue(String(up2));
    await page.keyboard.press('ArrowDown');
    await expect(eta).toHaveValue(String(Number((up2 / ETA_FACTOR).toPrecision(4))));
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', String(Number((up2 / ETA_FACTOR).toPrecision(4))));
  });

  test('[ and ] change B by one, within 1..n', async ({ page }) => {
    await openDone(page, 'problem=point&a=2&s=1.8&n=5&eta=0.5&B=4');
    const B = page.getByTestId('batch-input');
    await page.keyboard.press('[');
    await expect(B).toHaveValue('3');
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(B).toHaveValue('5');
    await page.keyboard.press(']');
    await expect(B).toHaveValue('5');
    await expect(page).toHaveURL(/B=5/);
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-b', '5');
    for (let i = 0; i < 6; i++) await page.keyboard.press('[');
    await expect(B).toHaveValue('1');
  });

  test('L toggles lecture mode and the link records it', async ({ page }) => {
    await openDone(page, SHORT_RUN);
    const lecture = () => page.evaluate(() => document.documentElement.classList.contains('lecture'));
    expect(await lecture()).toBe(false);
    await page.keyboard.press('l');
    await expect.poll(lecture).toBe(true);
    await expect(page).toHaveURL(/lecture=1/);
    await expect(page.getByTestId('lecture-button')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('L');
    await expect.poll(lecture).toBe(false);
    await expect(page).not.toHaveURL(/lecture=1/);
  });

  test('a digit loads its preset, with its note and its link', async ({ page }) => {
    await openDone(page, 'problem=point&a=2&s=1.8&n=5&eta=0.5&B=4');
    for (const [key, p] of [['1', PRESETS[0]], ['3', PRESETS[2]], ['0', PRESETS[9]]] as const) {
      await page.keyboard.press(key);
      await expect(page.getByTestId('preset-note'), key).toContainText(p.title);
      const want = decodeQuery(typeof p.query === 'string' ? p.query : p.query()).config;
      await expect.poll(() => new URL(page.url()).searchParams.get('eta'), key).toBe(String(want.eta));
      await expect(page.getByTestId('eta-input')).toHaveValue(String(want.eta));
    }
  });

  test('? opens the help overlay listing the keys, and Escape closes it', async ({ page }) => {
    await openDone(page, SHORT_RUN);
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    for (const k of ['space', '→', 'R', '↑ / ↓', '[ / ]', 'L', '?']) await expect(help.locator('kbd', { hasText: k }).first()).toBeVisible();
    await expect(help).toContainText(`η × ${ETA_FACTOR}`);
    await shoot(page, 'keys-help-overlay');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });

  test('keys typed into a text field stay in the field', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7');
    const eta = page.getByTestId('eta-input');
    await eta.fill('');
    await eta.pressSequentially('0.5');
    await eta.press('l');
    await expect(page.getByTestId('preset-note')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('lecture'))).toBe(false);
    await expect(eta).toHaveValue('0.5l');
  });
});

test.describe('a link with broken values', () => {
  test('shows a banner naming each broken key and what was used, and keeps the rest of the link', async ({ page }) => {
    const link = 'problem=point&a=3&s=1&n=50&eta=fast&B=0.5&seed=9&steps=-4&runs=30&colour=red';
    const decoded = decodeQuery(link);
    expect(decoded.issues.map((i) => i.key).sort()).toEqual(['B', 'eta', 'steps']);
    await page.goto(`/?${link}`);
    const banner = page.getByTestId('link-banner');
    await expect(banner).toBeVisible();
    for (const i of decoded.issues) await expect(banner.locator(`li[data-key="${i.key}"]`)).toContainText(i.message);
    await expect(banner.locator('li[data-key="unknown"]')).toContainText('colour');
    // the rest is kept: the fields show it, the canonical link carries it, and the run is the repaired link's
    await expect(page.getByTestId('field-a')).toHaveValue('3');
    await expect(page.getByTestId('field-seed')).toHaveValue('9');
    const url = new URL(page.url()).searchParams;
    for (const [k, v] of [['problem', 'point'], ['a', '3'], ['s', '1'], ['n', '50'], ['seed', '9'], ['runs', '30']]) expect(url.get(k), k).toBe(v);
    expect(url.has('colour')).toBe(false);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    const cli = simulateQuery(encodeQuery(decoded.config));
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd!.checksum}`);
    await shoot(page, 'keys-broken-link-banner');
  });
});
