import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { decodeQuery } from '../src/core/params/query';
import { buildProblem } from '../src/core/problems/build-problem';
import { simulateQuery } from '../src/core/simulate';
import { makeEnsemble } from '../src/core/prepare-run';
import { expect, openDone, shoot, test } from './fixtures';

const QUERY = 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200';
/** R for the toy (README: per-problem defaults). */
const R = 0.5;

interface Row {
  run: number;
  step: number;
  dist: number;
}

async function sgdRows(page: Page): Promise<Row[]> {
  const wait = page.waitForEvent('download');
  await page.getByTestId('export-burst-csv').click();
  const text = await readFile((await (await wait).path())!, 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[1] === 'sgd')
    .map((c) => ({ run: Number(c[0]), step: Number(c[2]), dist: Number(c[4]) }));
}

/** From the CSV alone: the last recorded step ≤ t, and how many runs had been farther than R at a recorded step up to it. */
function fromCsv(rows: Row[], t: number): { step: number; escaped: number; at: number } {
  const step = Math.max(...rows.filter((r) => r.step <= t).map((r) => r.step));
  const out = new Set(rows.filter((r) => r.step <= step && r.dist > R).map((r) => r.run));
  return { step, escaped: out.size, at: rows.filter((r) => r.step === step).length };
}

test.describe('the time scrubber', () => {
  test('t= in the link: the counts at t are the CSV’s and the CLI’s at that step', async ({ page }) => {
    await openDone(page, `${QUERY}&t=61`);
    const rows = await sgdRows(page);
    const csv = fromCsv(rows, 61);
    const cli = simulateQuery(QUERY).runs.sgd!;
    const exact = cli.escapeSteps.filter((s) => s <= csv.step).length;
    expect(csv.escaped).toBe(exact);
    expect(csv.escaped).toBeGreaterThan(0);
    expect(csv.escaped).toBeLessThan(cli.escaped);
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', String(csv.step));
    await expect(page.getByTestId('scrubber-t')).toHaveText(`t = ${csv.step}`);
    await expect(page.getByTestId('escape-fraction')).toContainText(`${csv.escaped} of 100 SGD runs escaped by step ${csv.step}`);
    await expect(page.getByTestId('measured-label')).toContainText(`SGD ${csv.escaped} of 100 escaped by step ${csv.step}`);
    await expect(page.getByTestId('burst-view')).toHaveAttribute('data-scrub-t', String(csv.step));
    await expect(page.getByTestId('distance-view')).toHaveAttribute('data-scrub-t', String(csv.step));
    await expect(page.getByTestId('distance-histogram')).toHaveAttribute('data-count', String(csv.at));
    await shoot(page, 'scrubber-at-t');
  });

  test('Shift+arrows move t by one recorded step; Live follows the run again', async ({ page }) => {
    await openDone(page, QUERY);
    const rows = await sgdRows(page);
    const steps = [...new Set(rows.map((r) => r.step))].sort((a, b) => a - b);
    const last = steps[steps.length - 1];
    await expect(page.getByTestId('scrubber-t')).toContainText('live');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', String(steps[steps.length - 2]));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', String(steps[steps.length - 3]));
    await page.keyboard.press('Shift+ArrowRight');
    const t = steps[steps.length - 2];
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', String(t));
    await expect(page).toHaveURL(new RegExp(`&t=${t}$`));
    const csv = fromCsv(rows, t);
    await expect(page.getByTestId('escape-fraction')).toContainText(`${csv.escaped} of 100 SGD runs escaped by step ${t}`);
    // the run was not restarted by scrubbing
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await page.getByTestId('scrubber-live').click();
    await expect(page.getByTestId('scrubber-t')).toContainText('live');
    await expect(page.getByTestId('burst-view')).toHaveAttribute('data-scrub-t', '');
    await expect(page).not.toHaveURL(/&t=/);
    expect(last).toBe(200);
  });

  test('Play back replays the recorded history to its end without recomputing', async ({ page }) => {
    await openDone(page, `${QUERY}&t=0`);
    const run = await page.getByTestId('status-line').getAttribute('data-run-id');
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', '0');
    await page.getByTestId('scrubber-speed').selectOption('64');
    await page.getByTestId('scrubber-play').click();
    await expect.poll(async () => Number(await page.getByTestId('scrubber').getAttribute('data-t'))).toBeGreaterThan(0);
    await expect(page.getByTestId('scrubber')).toHaveAttribute('data-t', '200', { timeout: 15_000 });
    await expect(page.getByTestId('scrubber-play')).toHaveText('Play back');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-run-id', run!);
  });

  test('on the landscape at t: run 0 from its path and the other runs from their recorded iterates, where the core’s runs were', async ({ page }) => {
    const Q = 'problem=circle&model=1&eta=2&seed=4&runs=20&steps=400';
    await openDone(page, `${Q}&t=150`);
    const view = page.getByTestId('landscape-view');
    const t = Number(await page.getByTestId('scrubber').getAttribute('data-t'));
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThanOrEqual(150);
    await expect(view).toHaveAttribute('data-scrub-t', String(t));
    const probe = Object.fromEntries(
      (await view.getAttribute('data-at-t'))!.split('|').map((part) => {
        const [name, xy] = part.split(':');
        return [name, xy.split(',').map(Number)];
      }),
    );
    const { problem, config } = buildProblem(decodeQuery(Q).config);
    const sgd = makeEnsemble(problem, config, 'sgd', null)!;
    const gd = makeEnsemble(problem, config, 'gd', null)!;
    sgd.advance(t);
    gd.advance(t);
    // run 0's path keeps every step this early: its point is the iterate at t, to the last bit
    expect(probe.run0).toEqual(Array.from(sgd.runs[0].x));
    // the histories are kept in single precision on the page
    probe.run1.forEach((v: number, c: number) => expect(v).toBeCloseTo(sgd.runs[1].x[c], 5));
    const alive = sgd.runs.filter((r) => r.divergedStep < 0).length + gd.runs.filter((r) => r.divergedStep < 0).length;
    await expect(view).toHaveAttribute('data-dots', String(alive));
    await shoot(page, 'scrubber-landscape-at-t');
    await page.getByTestId('scrubber-live').click();
    await expect(view).toHaveAttribute('data-scrub-t', '');
    await expect(view).toHaveAttribute('data-at-t', '');
  });

  test('a t beyond the run is named in the banner and the views follow the run', async ({ page }) => {
    await openDone(page, `${QUERY}&t=5000`);
    await expect(page.getByTestId('link-banner')).toContainText('t must be at most steps = 200, got 5000; following the run');
    await expect(page.getByTestId('scrubber-t')).toContainText('live');
    await expect(page.getByTestId('escape-fraction')).not.toContainText('by step');
  });
});
