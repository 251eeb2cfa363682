import { loadDigits } from '../src/core/data/digits';
import type { NetworkAlignment } from '../src/core/network/alignment';
import { runSweep, type SweepOutput } from '../src/core/network/sweeps';
import type { Locator, Page } from '@playwright/test';
import { simulateQuery } from '../src/core/simulate';
import { expect, openDone, shoot, test } from './fixtures';

test.describe('a network trained in the page', () => {
  test('a trained link gives the same checksum in Chromium as `npm run sim` in Node', async ({ page }) => {
    // Training and the measurements at each end (a, s, ‖G‖_F, μ, μ₀) take over a minute on a loaded machine.
    test.setTimeout(240_000);
    await loadDigits();
    const query = 'problem=mlp&n=20&width=16&eta=0.4&B=4&runs=2&steps=1200';
    const cli = simulateQuery(query);
    expect(cli.network!.ends[0].trained).toBe(true);
    await openDone(page, query, 120_000);
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd!.checksum}`);
    await shoot(page, 'mlp-trained');
  });

  test('the live tab says its views hold no minimum of the network, view by view, and opens the network tab', async ({ page }) => {
    await page.goto('/?problem=mlp&data=moons&n=10&width=6&steps=50&runs=1');
    await expect(page.getByTestId('network-live-note')).toContainText('they hold no minimum');
    const notes = page.getByTestId('network-panel-note');
    await expect(notes).toHaveCount(5);
    await expect(page.locator('[data-panel=diagram] [data-testid=network-panel-note]')).toContainText('A network lists no minimum');
    await expect(page.locator('[data-panel=distance] [data-testid=network-panel-note]')).toContainText('distance from the initialisation');
    await expect(page.locator('[data-panel=theory] [data-testid=network-panel-note]')).toHaveCount(0);
    await shoot(page, 'mlp-live-notes');
    await page.getByTestId('network-live-open').click();
    await expect(page.getByTestId('workspace-network')).toBeVisible();
    await expect(page).toHaveURL(/tab=network/);
    // Another problem's live views carry no such notes.
    await page.goto('/?problem=toy&steps=50');
    await expect(page.getByTestId('status-line')).toBeVisible();
    await expect(page.getByTestId('network-live-note')).toHaveCount(0);
    await expect(page.getByTestId('network-panel-note')).toHaveCount(0);
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
    // Training and the measurements at each end (a, s, ‖G‖_F, μ, μ₀) take over a minute on a loaded machine.
    test.setTimeout(240_000);
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
    // Wu–Wang–Su's ‖G‖_F and μ beside them, as npm run sim computes them
    const alignment = gd.alignment as NetworkAlignment;
    await expect(ends.first().getByTestId('network-end-frobenius')).toHaveText(alignment.frobeniusG.toPrecision(5));
    await expect(ends.first().getByTestId('network-end-mu')).toHaveText(alignment.mu.toPrecision(4));
    // μ₀ and Theorem 3.3's bound 1/(η√(cμ₀)) from npm run sim's μ₀ and its c
    expect(alignment.mu0, 'μ₀ is positive at this minimum, so the bound exists').not.toBeNull();
    await expect(ends.first().getByTestId('network-end-mu0')).toHaveText(alignment.mu0!.toPrecision(4));
    await expect(ends.first().getByTestId('network-end-bound')).toHaveText((1 / (cli.config.eta * Math.sqrt(cli.rectangle.c * alignment.mu0!))).toPrecision(5));
    await expect(page.getByTestId('training-reference')).toHaveCount(2);
    await expect(page.getByTestId('error-bar')).toHaveCount(trained.length);
    await shoot(page, 'mlp-network-tab');
  });
});

test.describe('the network workspace in lecture mode on a 1024×768 projector', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test('keeps each chart tall enough to read (at least 120 px of plot; squeezed, they had a few dozen), and scrolls to the rest', async ({ page }) => {
    await openDone(page, 'problem=mlp&n=20&width=16&eta=0.4&B=4&runs=2&steps=200&tab=network&lecture=1', 120_000);
    await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    for (const chart of ['.network-loss', '.network-minima']) {
      const plot = page.locator(`${chart} [data-plot-area]`).first();
      await expect(plot).toBeVisible();
      expect((await plot.boundingBox())!.height, `${chart}'s plot height`).toBeGreaterThanOrEqual(120);
    }
    const view = page.locator('.network-view');
    expect(await view.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await shoot(page, 'network-lecture-1024x768');
  });
});

test.describe("the network workspace's sweeps", () => {
  test('Table 2 fills in model by model with npm run sim’s numbers, and a Fig. 6 sweep can be cancelled', async ({ page }) => {
    // Training and the measurements at each end (a, s, ‖G‖_F, μ, μ₀) take over a minute on a loaded machine.
    test.setTimeout(240_000);
    await loadDigits();
    const query = 'problem=mlp&n=20&width=16&B=4&runs=1&steps=600&tab=network';
    await page.goto(`/?${query}`);
    await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await page.getByTestId('network-sweep-start').click();
    await expect(page.getByTestId('network-sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    const rows = page.getByTestId('network-sweep-row');
    await expect(rows).toHaveCount(5);
    const node = runSweep('table2', 'v=2&problem=mlp&eta=0.2&B=4&runs=1&steps=600&n=20&width=16');
    for (const [k, m] of node.models.entries()) {
      const gd = m.ends[0];
      await expect(rows.nth(k)).toHaveAttribute('data-trained', String(gd.trained));
      if (gd.sharpness) await expect(rows.nth(k)).toContainText(gd.sharpness.lower.toPrecision(4));
    }
    // Drawn: a mark per trained GD model, 2/η dashed, and the paper's Table 2 only as reference marks.
    const plot = page.getByTestId('network-sweep-plot');
    await expect(plot.getByTestId('sweep-point-gd')).toHaveCount(node.models.filter((m) => m.ends[0].trained).length);
    await expect(plot.locator('[data-line=two-over-eta]')).toHaveCount(1);
    await expect(plot.getByTestId('sweep-reference')).toHaveCount(10);
    await expect(plot.getByTestId('sweep-reference').first().locator('title')).toHaveText(/^paper \(reference\): .*\(Wu Table 2\)$/);
    await shoot(page, 'mlp-sweep-table2');
    await page.getByTestId('network-sweep-kind').selectOption('fig6');
    await page.getByTestId('network-sweep-start').click();
    await expect(page.getByTestId('network-sweep-status')).toHaveAttribute('data-state', 'running');
    await page.getByTestId('network-sweep-cancel').click();
    await expect(page.getByTestId('network-sweep-status')).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('network-sweep-start')).toBeEnabled();
  });

  test('Fig. 5 runs on the preset’s network, a point per trained model as each finishes, each row npm run sim’s numbers bit for bit', async ({ page }) => {
    test.setTimeout(240_000);
    await startPresetSweep(page, 'fig5');
    const status = page.getByTestId('network-sweep-status');
    const rows = page.getByTestId('network-sweep-row');
    const points = page.getByTestId('network-sweep-plot').getByTestId('sweep-point-sgd');
    // Partial results: rows are there while other models still run (two models may finish in one poll).
    await expect
      .poll(async () => {
        const n = await rows.count();
        return (await status.getAttribute('data-state')) === 'running' && n >= 1 && n < 6 && (await status.textContent())?.includes(`${n} of 6 models`);
      }, { timeout: 60_000 })
      .toBe(true);
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
    const node = runSweep('fig5', PRESET_BASE);
    await expectRows(rows, node);
    await expect(points).toHaveCount(node.models.filter((m) => m.ends[0].trained).length);
    expect(node.models.some((m) => m.ends[0].trained), 'at least one SGD run trains, so a point is drawn').toBe(true);
    const plot = page.getByTestId('network-sweep-plot');
    await expect(plot.locator('[data-line=sqrt-b-over-eta]')).toHaveCount(1);
    await expect(plot.locator('[data-line=rectangle-top]')).toHaveCount(1);
    await expect(plot.getByTestId('sweep-reference')).toHaveCount(0);
    await shoot(page, 'mlp-sweep-fig5');
  });

  test('Fig. 6 places each model’s minima as it finishes, and Cancel stops it keeping the partial points, which are npm run sim’s', async ({ page }) => {
    test.setTimeout(240_000);
    await startPresetSweep(page, 'fig6');
    const status = page.getByTestId('network-sweep-status');
    const rows = page.getByTestId('network-sweep-row');
    const plot = page.getByTestId('network-sweep-plot');
    // A model is a GD and an SGD run: two rows, and a point per trained run, as soon as it finishes.
    await expect(rows).toHaveCount(2, { timeout: 60_000 });
    await expect(plot.locator('[data-testid^=sweep-point-]')).toHaveCount(await page.locator('[data-testid=network-sweep-row][data-trained=true]').count());
    await expect(rows).toHaveCount(4, { timeout: 60_000 });
    await page.getByTestId('network-sweep-cancel').click();
    await expect(status).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('network-sweep-start')).toBeEnabled();
    const done = (await rows.count()) / 2;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done, 'cancelled well before the 24th model').toBeLessThan(24);
    await expect(status).toContainText(`${done} of 24 models (cancelled)`);
    // Nothing more arrives after Cancel: the partial points stay as they were.
    await page.waitForTimeout(3000);
    await expect(rows).toHaveCount(2 * done);
    // The first models of Fig. 6 are B = 2 at v = 0.5, 1, 1.5 (the last key fastest): npm run sim -- --paper-sweep=fig6 --values='2;0.5,…'.
    expect(done, 'the first three models share B = 2').toBeLessThanOrEqual(3);
    const node = runSweep('fig6', PRESET_BASE, [['2'], ['0.5', '1', '1.5'].slice(0, done)]);
    await expectRows(rows, node);
    const trained = node.models.flatMap((m) => m.ends).filter((e) => e.trained);
    expect(trained.length, 'some of the first models train, so a point is drawn').toBeGreaterThan(0);
    await expect(plot.locator('[data-testid^=sweep-point-]')).toHaveCount(trained.length);
    await shoot(page, 'mlp-sweep-fig6-cancelled');
  });
});

/** The network preset's link (src/ui/presets/network-presets.ts) with one SGD run, as a sweep's base. */
const PRESET_BASE = 'problem=mlp&eta=0.2&B=10&runs=1&steps=2000';

/**
 * The preset's network with one SGD run, trained in the page above the sweep (the sweep's
 * models fix runs=1 themselves), then the sweep `kind` started in the workspace.
 */
async function startPresetSweep(page: Page, kind: 'fig5' | 'fig6'): Promise<void> {
  await loadDigits();
  await page.goto(`/?${PRESET_BASE}&tab=network`);
  await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await page.getByTestId('network-sweep-kind').selectOption(kind);
  await page.getByTestId('network-sweep-start').click();
}

/** Each row of the page's sweep table against npm run sim's sweep: the end point's checksum, and a and s exactly. */
async function expectRows(rows: Locator, node: SweepOutput): Promise<void> {
  const ends = node.models.flatMap((m) => m.ends);
  await expect(rows).toHaveCount(ends.length);
  for (const [k, e] of ends.entries()) {
    const row = rows.nth(k);
    await expect(row).toHaveAttribute('data-trained', String(e.trained));
    await expect(row).toHaveAttribute('data-checksum', e.thetaChecksum);
    if (e.sharpness) await expect(row).toHaveAttribute('data-a', String(e.sharpness.value));
    if (e.nonUniformity) await expect(row).toHaveAttribute('data-s', String(e.nonUniformity.value));
  }
}
