import { loadDigits } from '../src/core/data/digits';
import { simulateQuery } from '../src/core/simulate';
import { expect, openDone, shoot, test } from './fixtures';

test.describe('a network trained in the page', () => {
  test('a trained link gives the same checksum in Chromium as `npm run sim` in Node', async ({ page }) => {
    await loadDigits();
    const query = 'problem=mlp&n=20&width=16&eta=0.4&B=4&runs=2&steps=1200';
    const cli = simulateQuery(query);
    expect(cli.network!.ends[0].trained).toBe(true);
    await openDone(page, query, 120_000);
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd!.checksum}`);
    await shoot(page, 'mlp-trained');
  });

  test('names bad keys in the banner: width 0, depth 50, n larger than the digits', async ({ page }) => {
    await page.goto('/?problem=mlp&width=0&depth=50&n=1800&steps=5&runs=1');
    const banner = page.getByTestId('link-banner');
    await expect(banner).toBeVisible();
    for (const key of ['width', 'depth', 'n']) await expect(banner.locator(`li[data-key="${key}"]`).first()).toBeVisible();
    await expect(banner.locator('li[data-key="n"]').first()).toContainText('1797');
  });
});
