import type { RunsSummary } from '../src/core/engine/ensemble';
import { loadDigits } from '../src/core/data/digits';
import { simulateQuery } from '../src/core/simulate';
import { PRESETS, presetQuery } from '../src/ui/presets/presets';
import { expect, test } from './fixtures';

/** What the status line says GD did, from the command line's GD summary. */
function gdText(gd: RunsSummary): string {
  if (gd.diverged > 0) return `GD diverged at step ${gd.divergedSteps[0]}`;
  if (gd.escaped > 0) return `GD escaped at step ${gd.escapeSteps[0]}`;
  return 'GD stayed';
}

test.describe('every preset, one click each', () => {
  // The network preset trains on the digits; the command line's side loads them first.
  test.beforeAll(async () => {
    await loadDigits();
  });

  test('the menu lists every preset', async ({ page }) => {
    await page.goto('/');
    const options = page.getByTestId('preset-select').locator('option');
    await expect(options).toHaveCount(PRESETS.length + 1);
    for (const [i, p] of PRESETS.entries()) await expect(options.nth(i + 1)).toContainText(p.title);
  });

  for (const [i, p] of PRESETS.entries()) {
    test(`“${p.title}” loads from the menu, shows its note, and its numbers equal the command line’s for its link`, async ({ page }) => {
      // A network trains for thousands of steps (and the command line's side trains it too): more time.
      const slow = presetQuery(p).includes('problem=mlp');
      if (slow) test.setTimeout(300_000);
      // a trivial first run, so the page is ready and the preset's run is the one that counts
      await page.goto('/?runs=1&steps=1');
      const status = page.getByTestId('status-line');
      await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      const before = await status.getAttribute('data-run-id');

      await page.getByTestId('preset-select').selectOption(String(i));
      // the command line's numbers, computed while the page's worker runs the same link
      const cli = simulateQuery(presetQuery(p));
      expect(cli.issues, 'the preset’s own link is clean').toEqual([]);
      const note = page.getByTestId('preset-note');
      await expect(note).toContainText(p.title);
      await expect(note).toContainText(p.note);
      await expect(status).not.toHaveAttribute('data-run-id', before!);
      await expect(status).toHaveAttribute('data-state', 'done', { timeout: slow ? 240_000 : 60_000 });

      const { sgd, gd } = cli.runs;
      await expect(page.getByTestId('checksum')).toHaveText(`checksum ${sgd?.checksum ?? gd?.checksum}`);
      await expect(page.getByTestId('fingerprint')).toHaveText(`fingerprint ${sgd?.fingerprint ?? gd?.fingerprint}`);
      if (sgd) {
        await expect(status).toHaveAttribute('data-runs', String(sgd.runs));
        await expect(status).toHaveAttribute('data-escaped', String(sgd.escaped));
        await expect(status).toHaveAttribute('data-diverged', String(sgd.diverged));
      }
      if (gd) await expect(page.getByTestId('status-gd')).toHaveText(gdText(gd));
      // the address bar holds the preset's link
      expect(new URL(page.url()).searchParams.get('eta')).toBe(String(cli.config.eta));
    });
  }
});
