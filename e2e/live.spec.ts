import { simulateQuery } from '../src/core/simulate';
import { expect, openDone, shoot, test } from './fixtures';

test.describe('the live runs and their views', () => {
  test('the toy at η = 0.7, B = 1: SGD leaves x = 1 and ends near 0 while GD stays near 1', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200');
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-escaped', '100');
    await expect(page.getByTestId('status-gd')).toHaveText('GD stayed');
    await expect(page.getByTestId('measured-label')).toContainText('SGD 100 of 100 escaped · GD stayed');
    const ends = await page.evaluate(() => {
      const run = window.explorer!.sim.current!;
      return { sgd: Array.from(run.sgd!.x), gd: Array.from(run.gd!.x) };
    });
    expect(Math.max(...ends.sgd.map(Math.abs))).toBeLessThan(0.05);
    expect(Math.abs(ends.gd[0] - 1)).toBeLessThan(1e-6);
    // the views drew the runs
    expect(Number(await page.getByTestId('burst-view').getAttribute('data-points'))).toBeGreaterThan(1000);
    expect(Number(await page.getByTestId('distance-view').getAttribute('data-points'))).toBeGreaterThan(1000);
    await expect(page.getByTestId('escape-fraction')).toContainText('100 of 100');
    await shoot(page, 'live-toy-escape');
    for (const panel of ['diagram', 'landscape', 'burst', 'distance', 'stats', 'theory'])
      await page.locator(`[data-panel=${panel}]`).screenshot({ path: `e2e/output/screens/view-${panel}.png` });
  });

  test('dragging η below the threshold stops the escapes', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-escaped', '100');
    const runId = await page.getByTestId('status-line').getAttribute('data-run-id');
    // η = 10^−0.6 ≈ 0.251: inside the exact region at x = 1 (docs/theory.md#mean-square-and-almost-sure-stability: threshold ≈ 0.5525)
    await page.getByTestId('eta-slider').fill('-0.6');
    await expect(page.getByTestId('status-line')).not.toHaveAttribute('data-run-id', runId!);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-escaped', '0');
    await expect(page.getByTestId('status-gd')).toHaveText('GD stayed');
    await shoot(page, 'live-toy-below-threshold');
  });

  test('a 200-run ensemble streams and its counts, checksum and fingerprint match the command line', async ({ page }) => {
    const query = 'problem=toy&eta=0.58&B=1&seed=11&runs=200&steps=400';
    const cli = simulateQuery(query);
    await page.goto(`/?${query}`);
    // it streams: the status line passes through running before done
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-runs', '200');
    await expect(status).toHaveAttribute('data-escaped', String(cli.runs.sgd!.escaped));
    await expect(status).toHaveAttribute('data-diverged', String(cli.runs.sgd!.diverged));
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd!.checksum}`);
    await expect(page.getByTestId('fingerprint')).toHaveText(`fingerprint ${cli.runs.sgd!.fingerprint}`);
    await shoot(page, 'live-ensemble-200');
  });

  test('a slow run shows its first points, then streams frame by frame', async ({ page }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=2&runs=50&steps=100000&speed=60');
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-state', 'running');
    await expect.poll(async () => Number(await status.getAttribute('data-t'))).toBeGreaterThan(10);
    const t1 = Number(await status.getAttribute('data-t'));
    await page.waitForTimeout(500);
    const t2 = Number(await status.getAttribute('data-t'));
    expect(t2).toBeGreaterThan(t1);
    expect(t2 - t1).toBeLessThan(200); // 60 steps/s, not as fast as it goes
  });

  test('a diverging configuration shows “diverged at step t”, with no NaN or Infinity anywhere in the page', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=60&B=1&seed=1&runs=20&steps=300');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-diverged', '20');
    await expect(page.getByTestId('status-line')).toContainText(/20 diverged \(first at step \d+\)/);
    await expect(page.getByTestId('status-gd')).toContainText(/GD diverged at step \d+/);
    const bad = await page.evaluate(() => {
      const found: string[] = [];
      const text = document.body.innerText;
      if (/\bNaN\b|Infinity/.test(text)) found.push(`text: ${/.{0,40}(NaN|Infinity).{0,40}/.exec(text)?.[0]}`);
      for (const el of Array.from(document.querySelectorAll('*')))
        for (const a of Array.from(el.attributes)) if (/NaN|Infinity/.test(a.value) && a.name !== 'data-s') found.push(`${el.tagName}[${a.name}=${a.value.slice(0, 60)}]`);
      if (/NaN|Infinity/.test(location.search)) found.push(`url: ${location.search}`);
      return found;
    });
    expect(bad).toEqual([]);
    await shoot(page, 'live-diverged');
    // the next run works
    await page.getByTestId('eta-input').fill('0.3');
    await page.getByTestId('eta-input').press('Enter');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-diverged', '0');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
  });

  test('a 2D problem draws its contour map with the minima and both paths', async ({ page }) => {
    await openDone(page, 'problem=circle&model=1&eta=8&B=1&sampling=with&runs=100&steps=20&radius=0.01');
    const land = page.getByTestId('landscape-view');
    expect(await land.locator('path').count()).toBeGreaterThan(10);
    await shoot(page, 'live-circle-2d');
  });
});
