import { decodeQR } from '@paulmillr/qr/decode.js';
import { simulateQuery } from '../src/core/simulate';
import { expect, test } from './fixtures';
import { pngPixels } from './lecture-support';

test.describe('the link for the room', () => {
  test('Q shows the canonical link as a QR code that decodes, from the page pixels, to the exact link; Esc closes it', async ({ page, baseURL }) => {
    await page.goto('/?problem=toy&eta=0.5&B=1&seed=3&runs=20&steps=50');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    const expected = `${baseURL!.replace(/\/$/, '')}/?${simulateQuery('problem=toy&eta=0.5&B=1&seed=3&runs=20&steps=50').permalink}`;
    await page.keyboard.press('q');
    const code = page.getByTestId('qr-code');
    await expect(code).toBeVisible();
    await expect(page.getByTestId('qr-link')).toHaveText(expected);
    const box = (await code.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(0.6 * 1080);
    // The code as the room sees it: a screenshot of the page, decoded by a QR reader.
    const img = await pngPixels(page, await page.screenshot());
    expect(decodeQR(img)).toBe(expected);
    await page.screenshot({ path: 'e2e/output/screens/lecture-qr.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('qr-overlay')).toHaveCount(0);
    // the page answers keys again: L toggles lecture mode
    await page.keyboard.press('l');
    await expect(page.locator('html')).toHaveClass(/lecture/);
  });

  test('the header button opens the same code, and it follows the state', async ({ page, baseURL }) => {
    await page.goto('/?problem=toy&eta=0.5&B=1&seed=3&runs=20&steps=50');
    await page.getByTestId('qr-button').click();
    await expect(page.getByTestId('qr-link')).toHaveText(`${baseURL!.replace(/\/$/, '')}/?${simulateQuery('problem=toy&eta=0.5&B=1&seed=3&runs=20&steps=50').permalink}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('q');
    await expect(page.getByTestId('qr-link')).toContainText('eta=0.55&');
    expect(decodeQR(await pngPixels(page, await page.getByTestId('qr-code').screenshot()))).toBe(await page.getByTestId('qr-link').textContent());
  });

  test('a link too long for a QR code is shown as text with a message saying what to do, and no code is drawn', async ({ page }) => {
    // 600 components of the toy: a valid link of about 4,300 characters, beyond a version-40 code.
    const b = Array.from({ length: 600 }, (_, i) => String((1001 + i) / 10000)).join(',');
    await page.goto(`/?problem=toy&eta=0.5&B=1&seed=3&runs=5&steps=20&b=${b}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    await page.keyboard.press('q');
    await expect(page.getByTestId('qr-too-long')).toContainText('more than a QR code can hold');
    await expect(page.getByTestId('qr-too-long')).toContainText('shown as text below');
    await expect(page.getByTestId('qr-code')).toHaveCount(0);
    await expect(page.getByTestId('qr-link')).toContainText(`b=${b}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press(' ');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', /paused|done/);
  });
});
