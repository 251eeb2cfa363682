import { readFile } from 'node:fs/promises';
import { simulateQuery, toJson } from '../src/core/simulate';
import { expect, openDone, shoot, test } from './fixtures';

const QUERY = 'problem=toy&eta=0.7&B=1&seed=7&runs=200&steps=200';

test.describe('comparisons', () => {
  test('a compare link draws each configuration with the command line’s numbers', async ({ page }) => {
    const q = `${QUERY}&compare=B:2;eta:0.5,seed:3`;
    const cli = simulateQuery(q);
    expect(cli.issues).toEqual([]);
    await openDone(page, q);
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd!.checksum}`);
    await expect(page.getByTestId('fingerprint')).toHaveText(`fingerprint ${cli.runs.sgd!.fingerprint}`);
    for (const [i, label] of ['B', 'C'].entries()) {
      await expect(page.getByTestId(`compare-${label}`)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(page.getByTestId(`compare-checksum-${label}`)).toHaveText(cli.compare![i].runs.sgd!.checksum);
      await expect(page.getByTestId(`compare-checksum-${label}`)).toHaveAttribute('data-fingerprint', cli.compare![i].runs.sgd!.fingerprint);
      await expect(page.getByTestId(`compare-${label}`)).toContainText(`${cli.compare![i].runs.sgd!.escaped} of 200 escaped`);
    }
    await expect(page.getByTestId('compare-rectangle-B')).toHaveAttribute('data-b', '2');
    await expect(page.getByTestId('compare-rectangle-C')).toHaveAttribute('data-eta', '0.5');
    await expect(page.getByTestId('compare-corner-A')).toHaveCount(1);
    await expect(page.getByTestId('diagram-legend')).toContainText('C: η = 0.5, B = 1');
    await expect(page.getByTestId('burst-view')).toContainText('B: SGD mean');
    await shoot(page, 'compare-1920');
    // the JSON export holds the comparisons in npm run sim's shape, with its numbers
    const wait = page.waitForEvent('download');
    await page.getByTestId('export-diagram-json').click();
    const json = JSON.parse(await readFile((await (await wait).path())!, 'utf8'));
    const expected = JSON.parse(toJson(cli));
    expect(json.permalink).toBe(expected.permalink);
    expect(json.compare).toEqual(expected.compare);
  });

  test('pin, then move η: the pinned configuration stays and the main one changes', async ({ page }) => {
    await openDone(page, QUERY);
    await page.keyboard.press('p');
    await expect(page.getByTestId('compare-B')).toContainText('eta:0.7,B:1,sampling:without,seed:7,runs:200,steps:200,opt:gd,sgd');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const eta = Number((Number((0.7 * 1.1).toPrecision(4)) * 1.1).toPrecision(4));
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', String(eta));
    await expect(page.getByTestId('compare-rectangle-B')).toHaveAttribute('data-eta', '0.7');
    await expect(page).toHaveURL(new RegExp(`eta=${eta}&.*compare=eta:0.7,B:1`));
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('compare-B')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('compare-checksum-B')).toHaveText(simulateQuery(QUERY).runs.sgd!.checksum);
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${simulateQuery(QUERY.replace('eta=0.7', `eta=${eta}`)).runs.sgd!.checksum}`);
    // pinning the same configuration twice is refused by name; nothing is lost
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('p');
    await expect(page.getByTestId('error-compare')).toHaveText('this configuration is already pinned as B');
    await expect(page.getByTestId('compare-C')).toHaveCount(0);
    // undo removes nothing but the last change
    await page.getByTestId('compare-remove-B').click();
    await expect(page.getByTestId('compare-B')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('compare-B')).toHaveCount(1);
  });

  test('swap a comparison with the main configuration in one click', async ({ page }) => {
    await openDone(page, `${QUERY}&compare=eta:0.5`);
    await expect(page.getByTestId('compare-B')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await page.getByTestId('compare-swap-B').click();
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', '0.5');
    await expect(page.getByTestId('compare-rectangle-B')).toHaveAttribute('data-eta', '0.7');
    await expect(page).toHaveURL(/eta=0\.5&.*compare=eta:0\.7,B:1,sampling:without,seed:7,runs:200,steps:200,opt:gd,sgd/);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${simulateQuery(QUERY.replace('eta=0.7', 'eta=0.5')).runs.sgd!.checksum}`);
    await expect(page.getByTestId('compare-B')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('compare-checksum-B')).toHaveText(simulateQuery(QUERY).runs.sgd!.checksum);
  });

  test('removing a comparison keeps the others’ runs: C becomes B without a restart', async ({ page }) => {
    await openDone(page, `${QUERY}&compare=eta:0.5;eta:0.6`);
    await expect(page.getByTestId('compare-C')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const id = await page.getByTestId('compare-C').getAttribute('data-run-id');
    const checksum = await page.getByTestId('compare-checksum-C').textContent();
    await page.getByTestId('compare-remove-B').click();
    await expect(page.getByTestId('compare-C')).toHaveCount(0);
    await expect(page.getByTestId('compare-B')).toContainText('eta:0.6');
    await expect(page.getByTestId('compare-B')).toHaveAttribute('data-run-id', id!);
    await expect(page.getByTestId('compare-checksum-B')).toHaveText(checksum!);
    await expect(page.getByTestId('compare-rectangle-B')).toHaveAttribute('data-eta', '0.6');
  });

  test('R runs the comparisons again from the same starts, with the same checksums', async ({ page }) => {
    await openDone(page, `${QUERY}&compare=eta:0.5`);
    const chip = page.getByTestId('compare-B');
    await expect(chip).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const id = await chip.getAttribute('data-run-id');
    const checksum = await page.getByTestId('compare-checksum-B').textContent();
    await page.keyboard.press('r');
    await expect(chip).not.toHaveAttribute('data-run-id', id!);
    await expect(chip).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('compare-checksum-B')).toHaveText(checksum!);
  });

  test('bad comparisons are named in the banner; the rest of the link is kept', async ({ page }) => {
    await openDone(page, `${QUERY}&compare=radius:2`);
    await expect(page.getByTestId('link-banner')).toContainText('compare may override only eta, B, sampling, seed, runs, steps, noise, opt, got "radius"');
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', '0.7');
    await page.goto(`/?${QUERY}&compare=B:1;B:2;eta:1;eta:2`);
    await expect(page.getByTestId('link-banner')).toContainText('compare holds at most 3 comparisons, got 4');
    await page.goto(`/?${QUERY}&compare=B:5;eta:0.5`);
    await expect(page.getByTestId('link-banner')).toContainText('compare "B:5": B must be at most n = 2, got 5; left out');
    await expect(page.getByTestId('compare-B')).toContainText('eta:0.5');
    await page.goto(`/?${QUERY}&compare=eta:0.5;eta:0.6;eta:0.8`);
    await expect(page.getByTestId('compare-D')).toHaveCount(1);
    await page.getByTestId('compare-pin').click();
    await expect(page.getByTestId('error-compare')).toContainText('compare holds at most 3 comparisons');
    await expect(page.getByTestId('compare-D')).toContainText('eta:0.8');
  });

  test('A | B: for exactly two configurations, their landscapes and bursts side by side', async ({ page }) => {
    await openDone(page, `${QUERY}&compare=eta:0.5&tab=ab`);
    await expect(page.getByTestId('compare-B')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('ab-side-A')).toContainText('η = 0.7, B = 1');
    await expect(page.getByTestId('ab-side-B')).toContainText('η = 0.5, B = 1');
    // every run of each side drawn: 200 runs × the recorded points
    for (const side of ['A', 'B']) await expect.poll(async () => Number(await page.getByTestId(`ab-burst-${side}`).getAttribute('data-points'))).toBeGreaterThan(200 * 50);
    const a = (await page.getByTestId('ab-side-A').boundingBox())!;
    const b = (await page.getByTestId('ab-side-B').boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    await shoot(page, 'compare-a-b');
    await page.getByTestId('compare-remove-B').click();
    await expect(page.getByTestId('ab-needs-two')).toBeVisible();
  });

  for (const [name, size, lecture] of [
    ['1920x1080', { width: 1920, height: 1080 }, false],
    ['lecture-1920x1080', { width: 1920, height: 1080 }, true],
    ['1280x720', { width: 1280, height: 720 }, false],
  ] as const) {
    test(`two configurations at ${name}`, async ({ page }) => {
      await page.setViewportSize(size);
      await openDone(page, `${QUERY}&compare=B:2${lecture ? '&lecture=1' : ''}&t=40`);
      await expect(page.getByTestId('compare-B')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(page.getByTestId('compare-rectangle-B')).toBeVisible();
      await shoot(page, `compare-${name}`);
    });
  }
});
