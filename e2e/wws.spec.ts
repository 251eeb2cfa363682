import { simulateQuery } from '../src/core/simulate';
import { PRESETS } from '../src/ui/presets/presets';
import { WWS_PRESETS } from '../src/ui/presets/wws-presets';
import { fittedGrowth } from '../src/ui/wws/wws-model';
import { expect, openDone, test } from './fixtures';

const fig4 = WWS_PRESETS[0].query as string;
const measured = (page: import('@playwright/test').Page) => page.getByTestId('wws-measured');

test.describe('the Wu–Wang–Su workspace', () => {
  test('the Fig. 4 preset shows the trajectories beside the γ₀ slope, with the command line’s escape counts and checksum', async ({ page }) => {
    const cli = simulateQuery(fig4);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption(String(PRESETS.findIndex((p) => p.title === WWS_PRESETS[0].title)));
    await expect(page.getByTestId('workspace-wws')).toBeVisible();
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(measured(page)).toHaveAttribute('data-checksum', cli.runs.sgd!.checksum);
    await expect(measured(page)).toHaveAttribute('data-fingerprint', cli.runs.sgd!.fingerprint);
    await expect(measured(page)).toHaveAttribute('data-escaped', String(cli.runs.sgd!.escaped));
    await expect(measured(page)).toHaveAttribute('data-runs', '200');
    // the switch step and γ₀ come from the companion worker: the same as the command line's
    await expect(measured(page)).toHaveAttribute('data-switch-step', String(cli.switch!.step));
    const gamma0 = Number(await page.getByTestId('wws-theory').getAttribute('data-gamma0'));
    expect(gamma0).toBe(cli.switch!.theory!.gamma0);
    await expect(page.getByTestId('wws-escaped')).toContainText(`${cli.runs.sgd!.escaped} of 200 escaped`);
    await expect(page.getByTestId('wws-escaped')).toContainText('GD continued: stays');
    // the measured growth of the mean loss, from the page's buffers, is the command line's curve's
    const growth = fittedGrowth(cli.runs.sgd!.curves.step, cli.runs.sgd!.curves.meanLoss)!;
    const shown = Number(await page.getByTestId('wws-growth').getAttribute('data-growth'));
    expect(Math.abs(shown / growth.rate - 1)).toBeLessThan(1e-4);
    await expect(page.getByTestId('wws-growth')).toContainText(`×${growth.rate.toPrecision(3)} a step (fit over steps 0–${growth.to})`);
    // the theory's line is drawn and labelled as theory
    await expect(page.getByTestId('wws-gamma0-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expect(page.getByTestId('wws-escape')).toContainText(`theory γ₀ᵗ, γ₀ = ${gamma0.toPrecision(3)}`);
    // α, β, μ, γ along run 0, and the Frobenius bars at the switch point
    await expect(page.locator('[data-testid=wws-alignment] path[data-key=mu]')).toHaveAttribute('d', /L/);
    const bar = (key: string) => page.locator(`[data-testid=wws-frobenius] g.bar[data-key=${key}]`);
    expect(Number(await bar('frobenius').getAttribute('data-value'))).toBe(cli.switch!.theory!.frobenius);
    expect(Number(await bar('bound').getAttribute('data-value'))).toBe(cli.switch!.theory!.frobeniusBound);
    await expect(page.getByTestId('wws-sweep-line')).toHaveAttribute('d', /L/);
    await page.screenshot({ path: 'e2e/output/screens/wws-fig4.png' });
  });

  test('the noise switch to isotropic changes the escape count, as the command line says', async ({ page }) => {
    await openDone(page, fig4);
    const sgd = simulateQuery(fig4).runs.sgd!;
    await expect(measured(page)).toHaveAttribute('data-checksum', sgd.checksum);
    const runId = await page.getByTestId('status-line').getAttribute('data-run-id');
    await page.getByTestId('wws-noise').getByLabel('isotropic').check();
    await expect(page).toHaveURL(/noise=isotropic/);
    await expect(page.getByTestId('status-line')).not.toHaveAttribute('data-run-id', runId!);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const iso = simulateQuery(`${fig4}&noise=isotropic`).runs.sgd!;
    expect(iso.escaped).not.toBe(sgd.escaped);
    await expect(measured(page)).toHaveAttribute('data-escaped', String(iso.escaped));
    await expect(measured(page)).toHaveAttribute('data-checksum', iso.checksum);
    await expect(measured(page)).toHaveAttribute('data-fingerprint', iso.fingerprint);
    await expect(page.getByTestId('wws-escaped')).toContainText('GD + isotropic noise');
  });

  test('looks right in lecture mode at 1920×1080', async ({ page }) => {
    await openDone(page, `${fig4}&lecture=1`);
    await expect(measured(page)).toHaveAttribute('data-switch-step', /\d+/);
    await expect(page.getByTestId('wws-escape')).toContainText('theory γ₀ᵗ');
    await page.screenshot({ path: 'e2e/output/screens/wws-fig4-lecture.png' });
  });
});
