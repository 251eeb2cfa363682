import { cellCount, phaseCell } from '../src/core/explore/phase-grid';
import { decodeQuery } from '../src/core/params/query';
import { buildProblem } from '../src/core/problems/build-problem';
import { simulateQuery } from '../src/core/simulate';
import { phaseGridOf, problemQueryOf } from '../src/ui/explore/phase-spec';
import { WWS_PRESETS } from '../src/ui/presets/wws-presets';
import { expect, shoot, test } from './fixtures';
import type { Page } from '@playwright/test';


/** Kill every live worker of a kind (registry id) or role, as if it had died mid-job. */
const kill = (page: Page, name: string) => page.evaluate((n) => window.explorer!.workers.kill(n), name);

// The toy's band, heavy enough (400 runs a cell) to be killed half-way, light enough to check cell by cell.
const BAND = 'problem=toy&tab=phase&eta=0.7&B=1&etamin=0.53&etamax=0.6&grid=40&cellruns=400&steps=1000&radius=0.00001&escape=0.1&seed=1';
// The same band with four times the steps: time for a kill or a throw to land while the workers hold cells.
// Long enough that the grid is still computing when a test kills or breaks a worker (each worker queues 64 cells).
const LONG_BAND = BAND.replace('steps=1000', 'steps=20000');
const ST_SELECTION = 'problem=styblinski&d=10&n=200&tab=selection&eta=0.03&B=1&selruns=100&steps=300&escape=4&seed=1';

test.describe('every kind of worker, killed mid-job, is reported, rejects what was pending and is replaced', () => {
  test('the phase-diagram pool: the grid stops with the dead worker named, and Start computes it again to the core’s counts', async ({ page }) => {
    await page.goto(`/?${LONG_BAND}`);
    const status = page.getByTestId('phase-status');
    await expect.poll(async () => Number(await status.getAttribute('data-done')), { timeout: 30_000 }).toBeGreaterThan(4);
    expect(await kill(page, 'phase')).toBeGreaterThan(0);
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toContainText('error: the phase-diagram worker stopped (killed)');
    const total = Number(await status.getAttribute('data-total'));
    expect(Number(await status.getAttribute('data-done'))).toBeLessThan(total);
    await shoot(page, 'worker-killed-phase');
    // one click restarts it: the whole grid, the counts the core computes
    await page.getByTestId('phase-start').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const config = decodeQuery(LONG_BAND).config;
    const grid = phaseGridOf(config);
    const { problem } = buildProblem(decodeQuery(problemQueryOf(config)).config);
    const direct = Array.from({ length: cellCount(grid) }, (_, c) => phaseCell(problem, grid, c));
    const shown = (await page.getByTestId('phase-diagram').getAttribute('data-escaped'))!.split(',').map(Number);
    expect(shown).toEqual(direct);
  });

  test('a phase worker that throws (an uncaught error inside it) is handled the same way, with its message', async ({ page }) => {
    await page.goto(`/?${LONG_BAND}`);
    const status = page.getByTestId('phase-status');
    await expect.poll(async () => Number(await status.getAttribute('data-done')), { timeout: 30_000 }).toBeGreaterThan(4);
    const phaseWorkers = page.workers().filter((w) => w.url().includes('phase.worker'));
    expect(phaseWorkers.length).toBeGreaterThan(0);
    // thrown from a timer: uncaught in the worker, so the page's Worker object gets an error event;
    // in every phase worker (the pool's and the boundaries'), so one that holds cells is among them
    for (const w of phaseWorkers)
      await w.evaluate(() => {
        setTimeout(() => {
          throw new Error('test: out of cheese');
        });
      });
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toContainText('the phase-diagram worker stopped');
    await expect(status).toContainText('test: out of cheese');
    await page.getByTestId('phase-start').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  });

  test('the selection runner: the run stops with the dead worker named, and Run gives the counts of the note again', async ({ page }) => {
    await page.goto(`/?${ST_SELECTION}`);
    const status = page.getByTestId('selection-status');
    await expect(status).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
    expect(await kill(page, 'selection-runner')).toBe(1);
    await expect(status).toHaveAttribute('data-state', 'error');
    await expect(status).toContainText('the selection worker stopped (killed)');
    await page.getByTestId('selection-run').click();
    await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('selection-verdict')).toContainText('SGD 13 of 44, GD 24 of 100');
  });

  test('the selection theory worker: a dead atlas worker is named in the counter, and Run asks for the atlas again', async ({ page }) => {
    // d = 12: the first atlas builds the problem and analyses 4096 minima (about a second), a wide window to die in
    await page.goto(`/?${ST_SELECTION.replace('d=10', 'd=12')}`);
    const counter = page.getByTestId('atlas-counter');
    // kill it as soon as it runs, from inside the page (a round trip per try would be too coarse)
    const tries = await page.evaluate(async () => {
      for (let i = 0; i < 2000; i++) {
        const hooks = window.explorer;
        if (hooks && hooks.workers.kill('selection-theory') > 0) return i;
        await new Promise((r) => setTimeout(r, 1));
      }
      return -1;
    });
    expect(tries).toBeGreaterThanOrEqual(0);
    await expect(counter).toHaveAttribute('data-error', 'the selection worker stopped (killed)');
    await expect(counter).toContainText('the selection worker stopped (killed); Run asks again');
    await page.getByTestId('selection-run').click();
    await expect(counter).toHaveAttribute('data-error', '');
    await expect(counter).toContainText(/\d+ of 4096 minima are stable for SGD/, { timeout: 30_000 });
  });

  test('the Wu–Wang–Su companion: its death is shown in the workspace, and one click runs it again to the command line’s switch step', async ({ page }) => {
    const fig4 = WWS_PRESETS[0].query as string;
    const cli = simulateQuery(fig4);
    await page.goto(`/?${fig4}`);
    await expect(page.getByTestId('workspace-wws')).toBeVisible();
    expect(await kill(page, 'companion')).toBe(1);
    const banner = page.getByTestId('wws-companion-error');
    await expect(banner).toContainText('the alignment worker stopped (killed)');
    // the live run is another worker: it is not touched
    await expect(page.getByTestId('crash-notice')).toHaveCount(0);
    await page.getByTestId('wws-companion-restart').click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('wws-measured')).toHaveAttribute('data-switch-step', String(cli.switch!.step), { timeout: 30_000 });
  });
});
