import { execFileSync } from 'node:child_process';
import { expect, openDone, test } from './fixtures';

/**
 * The live run's SGD steps go to the WebAssembly kernel in the page's simulation
 * worker (Chromium) for the toy, 1D quadratic sums and the quadratic-circle sums' SGD; the command line is told
 * to step in TypeScript (Node). Equal checksums: the same iterates, bit for bit.
 */
// Long runs: the kernel takes the stretches of 64 steps or more between recorded history points, and
// with 128 points those grow to thousands of steps (src/core/kernels/advance-1d-kernel.ts).
const LINKS = [
  'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=200000',
  'v=1&problem=toy&eta=0.55&B=1&sampling=with&seed=3&runs=10&steps=200000',
  'problem=point&a=2&s=1.5&n=9&eta=0.3&B=1&seed=2&runs=10&steps=100000',
  // The circle's kernel (src/core/kernels/circle-kernel.ts): one index, and B without replacement.
  'problem=circle&model=1&eta=0.7&B=1&seed=7&runs=20&steps=100000',
  'problem=circle&model=2&eta=300&B=4&sampling=without&seed=2&runs=10&steps=50000',
];

test.describe('the WebAssembly kernels in Chromium', () => {
  for (const link of LINKS) {
    test(`the live run's checksum is npm run sim --kernel=typescript's: ${link}`, async ({ page }) => {
      await openDone(page, link);
      const cli = JSON.parse(execFileSync('node_modules/.bin/tsx', ['src/cli/sim.ts', link, '--kernel=typescript'], { encoding: 'utf8' }));
      await expect(page.getByTestId('checksum')).toHaveText(`checksum ${cli.runs.sgd.checksum}`);
      // The status line's tooltip names the loop that took the steps.
      const status = page.getByTestId('status-line');
      await expect(status).toHaveAttribute('data-kernel', 'WebAssembly');
      await expect(status).toHaveAttribute('title', new RegExp(`^Computed by WebAssembly: SGD steps in WebAssembly \\(src/core/kernels/${link.includes('circle') ? 'sgd-circle' : 'sgd-1d'}\\.wat\\)`));
    });
  }

  test('the status line names TypeScript, and why, where no kernel covers the run', async ({ page }) => {
    await openDone(page, 'problem=styblinski&d=2&n=20&eta=0.01&B=1&runs=5&steps=500');
    const status = page.getByTestId('status-line');
    await expect(status).toHaveAttribute('data-kernel', 'TypeScript');
    await expect(status).toHaveAttribute('title', /^Computed by TypeScript: no WebAssembly kernel for this problem and batch mode/);
  });
});
