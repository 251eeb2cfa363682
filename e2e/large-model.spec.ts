import { expect, shoot, test } from './fixtures';

test.describe('a large model', () => {
  test('starts its runs before the theory of its minima, marked computing… until the theory streams in', async ({ page }) => {
    // The theory takes seconds of a core, shared with the streaming runs: more than the default test time on a loaded machine.
    test.setTimeout(240_000);
    await page.goto('/?problem=features&n=200&width=1000&runs=20&steps=1000000');
    // Both at once: the runs have moved while the theory is still pending.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const status = document.querySelector<HTMLElement>('[data-testid=status-line]');
            return Number(status?.dataset.t ?? 0) > 0 && document.querySelector('[data-testid=diagram-theory-pending]') !== null;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    await expect(page.getByTestId('theory-panel')).toContainText('computing…');
    await shoot(page, 'large-model-theory-pending');
    // Then the theory arrives: the mark goes and ρ(𝒯) of the minimum is shown.
    await expect(page.getByTestId('diagram-theory-pending')).toHaveCount(0, { timeout: 200_000 });
    await expect(page.getByTestId('theory-panel')).toContainText('mean-square growth');
    await expect(page.getByTestId('theory-panel')).not.toContainText('computing…');
    await shoot(page, 'large-model-theory-ready');
  });
});
