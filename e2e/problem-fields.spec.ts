import { PROBLEM_DEFS, problemFields } from '../src/core/problems/registry';
import { expect, openDone, test } from './fixtures';

test.describe('the problem controls come from the registry', () => {
  test('the menu lists every registered problem, and each shows the fields its registry entry declares, in order', async ({ page }) => {
    await openDone(page, 'problem=toy&runs=10&steps=20');
    const select = page.getByTestId('problem-select');
    await expect(select.locator('option')).toHaveText(PROBLEM_DEFS.map((d) => d.label));
    const group = page.getByRole('group', { name: 'Problem' });
    for (const def of PROBLEM_DEFS) {
      await select.selectOption(def.kind);
      await expect(page).toHaveURL(new RegExp(`problem=${def.kind}(&|$)`));
      const expected = problemFields(def.kind).map((f) => `field-${f.key}`);
      await expect
        .poll(() => group.locator('[data-testid^="field-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))))
        .toEqual(expected);
    }
  });
});
