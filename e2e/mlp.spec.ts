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

test.describe('the network workspace', () => {
  test('trains GD and SGD, draws the losses and the sharpness with 2/η, and places only the trained minima on the plane', async ({ page }) => {
    await loadDigits();
    const query = 'problem=mlp&n=20&width=16&eta=0.4&B=4&runs=2&steps=1200&tab=network';
    const cli = simulateQuery(query);
    await page.goto(`/?${query}`);
    await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', /done|error/, { timeout: 120_000 });
    await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('network-label')).toContainText('digits, 20 samples, 64–16–10');
    const ends = page.getByTestId('network-end');
    await expect(ends).toHaveCount(cli.network!.ends.length);
    const trained = cli.network!.ends.filter((e) => e.trained);
    await expect(page.locator('[data-testid=network-end][data-trained=true]')).toHaveCount(trained.length);
    await expect(page.getByTestId('selected-gd')).toHaveCount(trained.filter((e) => e.optimiser === 'gd').length);
    await expect(page.getByTestId('selected-sgd')).toHaveCount(trained.filter((e) => e.optimiser === 'sgd').length);
    // GD's a, as npm run sim measures it, in its row
    const gd = cli.network!.ends[0];
    await expect(ends.first()).toContainText(gd.sharpness!.lower.toPrecision(5));
    await expect(page.getByTestId('training-reference')).toHaveCount(2);
    await shoot(page, 'mlp-network-tab');
  });
});
