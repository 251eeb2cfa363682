import { expect, openDone, shoot, test } from './fixtures';

const TOY = 'min(x^2,0.1*(x-1)^2);min(x^2,1.9*(x-1)^2)';

test.describe('custom problems typed as formulas', () => {
  test('typing a formula updates the diagram: a milder second component makes x* = 1 stable for SGD', async ({ page }) => {
    await openDone(page, `problem=custom&f=${encodeURIComponent(TOY)}&eta=0.7&B=1&runs=50`);
    const minima = page.getByTestId('minimum');
    await expect(minima).toHaveCount(2);
    // the toy at η = 0.7: x* = 1 (a = 2, s = 1.8) is stable for GD only
    await expect(page.locator('[data-testid=minimum][data-status=gd-only]')).toHaveCount(1);
    const field = page.getByTestId('field-f');
    await field.fill('min(x^2, 0.1*(x-1)^2)\nmin(x^2, 0.5*(x-1)^2)');
    await expect(page.getByTestId('typing-f')).toHaveCount(0);
    await field.press('Control+Enter');
    await expect(page).toHaveURL(/f=min\(x%5E2%2C0\.1\*\(x-1\)%5E2\)%3Bmin\(x%5E2%2C0\.5\*|f=min\(x\^2,0\.1\*\(x-1\)\^2\);min\(x\^2,0\.5\*/);
    // now a = 0.6, s = 0.4 at x* = 1: (1 − 0.42)² + 0.49·0.16 < 1
    await expect(page.locator('[data-testid=minimum][data-status=sgd-stable]')).toHaveCount(2);
    await shoot(page, 'formula-typed');
  });

  test('a typing error shows its line and column at once, and the last good problem keeps running', async ({ page }) => {
    await openDone(page, `problem=custom&f=${encodeURIComponent(TOY)}&eta=0.7&B=1&runs=50`);
    const url = page.url();
    const checksum = await page.getByTestId('checksum').textContent();
    const field = page.getByTestId('field-f');
    await field.fill('x^2\n(x-1');
    // checked as typed, before any commit
    await expect(page.getByTestId('typing-f')).toContainText('line 2, column');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.press('Control+Enter');
    await expect(page.getByTestId('typing-f')).toContainText('line 2, column');
    await field.blur();
    await expect(page.getByTestId('error-f').or(page.getByTestId('typing-f')).first()).toContainText('line 2');
    // nothing changed: the same link, the same finished run
    expect(page.url()).toBe(url);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('checksum')).toHaveText(checksum!);
    // an unknown name is refused by name
    await field.fill('x^2\nfoo(x)');
    await expect(page.getByTestId('typing-f')).toContainText('unknown function "foo"');
    await shoot(page, 'formula-error');
  });
});
