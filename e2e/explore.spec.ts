import { expect, shoot, test } from './fixtures';

// The toy's band between the mean-square (ρ(𝒯) = 1, η ≈ 0.5525) and almost-sure (Λ = 0, η ≈ 0.5595) boundaries.
const TOY_BAND = 'problem=toy&tab=phase&eta=0.7&B=1&etamin=0.53&etamax=0.6&grid=40&cellruns=100&steps=1000&radius=0.00001&escape=0.1&seed=1';
// A grid heavy enough to be cancelled half-way: 40 × 40 cells of 200 runs × up to 5000 steps.
const HEAVY = 'problem=point&a=2&s=1.5&n=50&tab=phase&grid=40&cellruns=200&steps=5000&etamin=0.05&etamax=2';
const ST_SELECTION = 'problem=styblinski&d=10&n=200&tab=selection&eta=0.03&B=1&selruns=100&steps=300&escape=4&seed=1';

test.describe('the escape phase diagram', () => {
  test('fills in from the workers, coarse to fine, with the theory lines and the legend beside it', async ({ page }) => {
    await page.goto(`/?${TOY_BAND}`);
    const status = page.getByTestId('phase-status');
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(status).toHaveAttribute('data-done', '80');
    await expect(page.getByTestId('phase-progress')).toHaveAttribute('value', '80');
    for (const k of ['rho', 'lyapunov', 'rectangle']) await expect(page.getByTestId(`boundary-${k}`)).toHaveCount(1);
    await expect(page.getByTestId('phase-legend')).toContainText('Measured');
    await expect(page.getByTestId('phase-legend')).toContainText('ρ(𝒯) = 1');
    await expect(page.getByTestId('phase-legend')).toContainText('Λ = 0');
    console.log(`[timing] toy band 40 × 2 × 100 runs × 1000 steps: ${await status.getAttribute('data-ms')} ms`);
    await shoot(page, 'explore-phase-1920x1080');
  });

  test('the default grid on the toy (40 η × its 2 batch sizes × 100 runs × 200 steps) completes, and its time is shown', async ({ page }) => {
    await page.goto('/?problem=toy&tab=phase');
    const status = page.getByTestId('phase-status');
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(status).toHaveAttribute('data-done', '80');
    await expect(status).toContainText('40 × 2 cells × 100 runs × 200 steps in');
    console.log(`[timing] toy default, 40 × 2 × 100 runs × 200 steps: ${await status.getAttribute('data-ms')} ms`);
    // again, on workers that are already running
    await page.getByTestId('phase-start').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    console.log(`[timing] the same grid again, warm workers: ${await status.getAttribute('data-ms')} ms`);
    await shoot(page, 'explore-phase-toy-default');
  });

  test('can be cancelled: the cells stop arriving, and Start begins again', async ({ page }) => {
    await page.goto(`/?${HEAVY}`);
    const status = page.getByTestId('phase-status');
    await expect.poll(async () => Number(await status.getAttribute('data-done')), { timeout: 30_000 }).toBeGreaterThan(4);
    await page.getByTestId('phase-cancel').click();
    await expect(status).toHaveAttribute('data-state', 'cancelled');
    const stopped = Number(await status.getAttribute('data-done'));
    const total = Number(await status.getAttribute('data-total'));
    expect(stopped).toBeLessThan(total);
    await page.waitForTimeout(1500);
    expect(Number(await status.getAttribute('data-done'))).toBe(stopped);
    await expect(status).toContainText(`cancelled at ${stopped} of ${total} cells`);
    await page.getByTestId('phase-start').click();
    await expect(status).toHaveAttribute('data-state', 'running');
    await page.getByTestId('phase-cancel').click();
  });

  test('clicking a cell moves the η and B sliders, and so does Enter on the keyboard cursor', async ({ page }) => {
    await page.goto(`/?${TOY_BAND}`);
    await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('eta-input')).toHaveValue('0.7');
    // a click in the lower row (B = 1), a third of the way across
    const box = (await page.locator('[data-testid=phase-diagram] rect[fill=transparent]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 3, box.y + (box.height * 3) / 4);
    await expect(page).toHaveURL(/eta=0\.5\d+/);
    const eta = Number(new URL(page.url()).searchParams.get('eta'));
    expect(eta).toBeGreaterThan(0.53);
    expect(eta).toBeLessThan(0.6);
    await expect(page.getByTestId('eta-input')).toHaveValue(String(eta));
    await expect(page.getByTestId('batch-input')).toHaveValue('1');
    expect(await page.evaluate(() => window.explorer!.store.getState().config.eta)).toBe(eta);
    await expect(page.getByTestId('phase-current')).toBeVisible();
    // the keyboard: the cursor starts at the clicked cell; up is B = 2, right is the next η
    await page.getByTestId('phase-box').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('batch-input')).toHaveValue('2');
    const eta2 = Number(new URL(page.url()).searchParams.get('eta'));
    expect(eta2).toBeGreaterThan(eta);
    await expect(page.getByTestId('phase-readout')).toContainText('B = 2: 0 of 100 runs escaped');
    await page.getByTestId('phase-to-live').click();
    await expect(page).toHaveURL(/tab=live|^(?!.*tab=)/);
    await expect(page.getByTestId('stability-diagram')).toBeVisible();
  });

  test('lecture mode: large type and thick lines for a projector', async ({ page }) => {
    await page.goto(`/?${TOY_BAND}&lecture=1`);
    await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const sizes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid=phase-diagram] text, [data-testid=phase-legend], [data-testid=phase-readout]')).map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await shoot(page, 'explore-phase-lecture');
  });
});

test.describe('the selection experiment and the minima atlas', () => {
  test('shows the histogram, the scatter and the atlas counter, and the atlas follows η live', async ({ page }) => {
    await page.goto(`/?${ST_SELECTION}`);
    const status = page.getByTestId('selection-status');
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    console.log(`[timing] Styblinski–Tang d = 10 selection: ${await status.textContent()}`);
    const counter = page.getByTestId('atlas-counter');
    await expect(counter).toContainText('256 of 1024 minima are stable for SGD, 1024 for GD');
    // every SGD run and every GD run is counted once: minima + diverged + still moving
    for (const which of ['sgd', 'gd']) {
      const counts = await page.locator(`[data-testid=selection-histogram] [data-testid=bar-${which}]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    }
    await expect(page.locator('[data-testid=selection-scatter] [data-testid=selected-gd]').first()).toBeVisible();
    await expect(page.locator('[data-testid=workspace-selection] [data-testid=minimum]')).toHaveCount(1024);
    await shoot(page, 'explore-selection-1920x1080');
    await page.locator('.selection-atlas').screenshot({ path: 'e2e/output/screens/explore-atlas.png' });
    // η down to 0.02: every minimum is SGD-stable (theory), the colours follow
    await page.getByTestId('eta-input').fill('0.02');
    await page.getByTestId('eta-input').press('Enter');
    await expect(counter).toContainText('1024 of 1024 minima are stable for SGD, 1024 for GD at η = 0.02');
    await expect(page.locator('[data-testid=workspace-selection] [data-testid=minimum][data-status=sgd-stable]')).toHaveCount(1024);
  });

  test('can be cancelled, and lecture mode keeps the text at 24 px or more', async ({ page }) => {
    await page.goto(`/?${ST_SELECTION}&selruns=2000&steps=2000&lecture=1`);
    const status = page.getByTestId('selection-status');
    await expect(status).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
    await page.getByTestId('selection-cancel').click();
    await expect(status).toHaveAttribute('data-state', 'cancelled');
    await page.goto(`/?${ST_SELECTION}&lecture=1`);
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const sizes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid=selection-histogram] text, [data-testid=selection-scatter] text, [data-testid=atlas-counter]')).map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await shoot(page, 'explore-selection-lecture');
  });
});

/** η of column i of the toy band's grid: 40 values log-spaced from 0.53 to 0.6. */
const bandEta = (i: number) => Math.exp(Math.log(0.53) + ((Math.log(0.6) - Math.log(0.53)) * i) / 39);

test.describe('the explore presets do what their notes say', () => {
  test('the toy’s band: 1 run in 400 escapes between ρ(𝒯) = 1 and Λ = 0; escapes take off just past Λ = 0', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption({ label: 'Beyond the papers: the toy’s phase diagram, mean-square versus almost-sure' });
    await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const escaped = (await page.getByTestId('phase-diagram').getAttribute('data-escaped'))!.split(',').map(Number);
    const row1 = escaped.slice(0, 40);
    const gdRow = escaped.slice(40, 80);
    const band = row1.filter((_, i) => bandEta(i) > 0.5525 && bandEta(i) < 0.5595);
    expect(band).toEqual([0, 0, 1, 0]);
    expect(row1.filter((_, i) => bandEta(i) < 0.5525).every((v) => v === 0)).toBe(true);
    const first = row1.findIndex((v) => v > 0);
    expect(bandEta(first)).toBeCloseTo(0.5577, 3);
    expect(row1[row1.findIndex((_, i) => bandEta(i) > 0.5605)]).toBe(5);
    expect(row1.filter((_, i) => bandEta(i) >= 0.5755).every((v) => v === 100)).toBe(true);
    expect(gdRow.every((v) => v === 0)).toBe(true);
    await expect(page.getByTestId('preset-note')).toContainText('Λ = 0');
  });

  test('Styblinski–Tang d = 10: the counts of the note', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption({ label: 'Patel §4: Styblinski–Tang d = 10, selection by SGD B = 1 against GD' });
    await expect(page.getByTestId('selection-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('atlas-counter')).toContainText('256 of 1024 minima are stable for SGD, 1024 for GD');
    await expect(page.getByTestId('selection-verdict')).toContainText('SGD 13 of 44, GD 24 of 100');
    const stillMoving = page.locator('[data-testid=selection-histogram] [data-kind=unsettled]');
    await expect(stillMoving.first()).toHaveAttribute('data-count', '56');
    await expect(stillMoving.nth(1)).toHaveAttribute('data-count', '0');
  });
});
