import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

/**
 * The page's phase grid against `npm run sim -- --phase` for the same link,
 * cell by cell. The page's workers run the WebAssembly kernel in Chromium
 * (src/core/kernels); the command line is told to run the TypeScript loop in
 * Node (`--kernel typescript`), so equal counts check the kernel against the
 * TypeScript across the two engines as well as the page against the CLI.
 */
const LINKS = [
  // The toy's band: partial escapes, without replacement (B = 1, one uniform index, and B = n, the full batch).
  'problem=toy&tab=phase&grid=6&cellruns=30&steps=300&etamin=0.45&etamax=0.9&radius=0.01&escape=0.3&seed=3',
  // A 1D sum of n = 9 sampled with replacement, then without (the partial Fisher–Yates), under both generators.
  'problem=point&a=2&s=1.5&n=9&sampling=with&tab=phase&grid=5&cellruns=20&steps=150&etamin=0.1&etamax=2&seed=5',
  'problem=point&a=2&s=1.5&n=9&sampling=without&v=1&tab=phase&grid=5&cellruns=20&steps=150&etamin=0.1&etamax=2&seed=6',
  // A 2D problem: the engine's general loop (no kernel covers it).
  'problem=quadratic&tab=phase&grid=4&cellruns=10&steps=100&etamin=0.05&etamax=2',
];

test.describe('the phase grid from the command line', () => {
  for (const link of LINKS) {
    test(`npm run sim -- --phase --kernel typescript gives the page's counts cell by cell: ${link.split('&').slice(0, 5).join('&')}`, async ({ page }) => {
      await page.goto(`/?${link}`);
      const status = page.getByTestId('phase-status');
      await expect(status).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      // The workers ran the kernel, and the tooltip says so.
      await expect(status).toHaveAttribute('data-kernel', 'WebAssembly');
      await expect(status).toHaveAttribute('title', /^Computed by WebAssembly: /);
      const shown = (await page.getByTestId('phase-diagram').getAttribute('data-escaped'))!.split(',').map(Number);
      const cli = JSON.parse(execFileSync('node_modules/.bin/tsx', ['src/cli/sim.ts', '--phase', link, '--kernel', 'typescript'], { encoding: 'utf8' }));
      const counts = cli.cells.map((c: { escaped: number }) => c.escaped);
      expect(shown).toEqual(counts);
      expect(counts.length).toBe(cli.grid.etaCount * cli.grid.batches.length);
      expect(counts.some((v: number) => v > 0)).toBe(true);
      expect(counts.some((v: number) => v < cli.grid.runs)).toBe(true);
    });
  }
});
