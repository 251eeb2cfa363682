import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

/**
 * The page's phase grid against `npm run sim -- --phase` for the same link,
 * cell by cell: the page's workers (Chromium) and the command line (Node) run
 * the same cell function from the same streams, so the counts are equal.
 */
const LINKS = [
  // The toy's band: partial escapes, without replacement (B = 1 and the full batch).
  'problem=toy&tab=phase&grid=6&cellruns=30&steps=300&etamin=0.45&etamax=0.9&radius=0.01&escape=0.3&seed=3',
  // A 1D sum of n = 9 sampled with replacement (the weighted-index loop), and a 2D problem (the engine's general loop).
  'problem=point&a=2&s=1.5&n=9&sampling=with&tab=phase&grid=5&cellruns=20&steps=150&etamin=0.1&etamax=2&seed=5',
  'problem=quadratic&tab=phase&grid=4&cellruns=10&steps=100&etamin=0.05&etamax=2',
];

test.describe('the phase grid from the command line', () => {
  for (const link of LINKS) {
    test(`npm run sim -- --phase gives the page's counts cell by cell: ${link.split('&')[0]}`, async ({ page }) => {
      await page.goto(`/?${link}`);
      await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      const shown = (await page.getByTestId('phase-diagram').getAttribute('data-escaped'))!.split(',').map(Number);
      const cli = JSON.parse(execFileSync('node_modules/.bin/tsx', ['src/cli/sim.ts', '--phase', link], { encoding: 'utf8' }));
      const counts = cli.cells.map((c: { escaped: number }) => c.escaped);
      expect(shown).toEqual(counts);
      expect(counts.length).toBe(cli.grid.etaCount * cli.grid.batches.length);
      expect(counts.some((v: number) => v > 0)).toBe(true);
      expect(counts.some((v: number) => v < cli.grid.runs)).toBe(true);
    });
  }
});
