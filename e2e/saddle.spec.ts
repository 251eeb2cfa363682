import { expect, openDone, shoot, test } from './fixtures';

// H₁ = H₂ = diag(1, −0.5): a = 1 ≤ 2/η = 4 and s = 0, yet x* = 0 is a saddle.
const SADDLE = 'problem=quadratic&H=1,0,-0.5;1,0,-0.5&eta=0.5&B=1&runs=5&steps=100&escape=1';

test.describe('a saddle is not shown as a stable minimum', () => {
  test('the diagram marks it as a saddle with a legend entry, the theory panel names it, the H field warns', async ({ page }) => {
    await openDone(page, SADDLE);
    const mark = page.locator('[data-testid=stability-diagram] [data-testid=minimum]');
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveAttribute('data-status', 'saddle');
    await expect(page.getByTestId('diagram-legend')).toContainText('saddle');
    await expect(page.getByTestId('theory-panel')).toContainText('a saddle, not a minimum');
    await expect(page.getByTestId('field-H-warning')).toContainText('x* = 0 is a saddle');
    await expect(page.getByTestId('status-gd')).toHaveText(/GD escaped at step \d+/);
    await shoot(page, 'saddle');
  });

  test('a positive definite sum has no saddle mark and no warning', async ({ page }) => {
    await openDone(page, 'problem=quadratic&H=0.2;3.8&eta=0.6&B=1&runs=5&steps=50');
    await expect(page.locator('[data-testid=stability-diagram] [data-testid=minimum]')).not.toHaveAttribute('data-status', 'saddle');
    await expect(page.getByTestId('field-H-warning')).toHaveCount(0);
  });
});
