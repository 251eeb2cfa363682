import { expect, openDone, test } from './fixtures';

// A link before v=3 with weights p and sampling=without at B < n runs as recorded (SGD's batches
// uniform, GD on Σ pᵢfᵢ), while its theory is the weighted sum's (README "Link versions").
const OLD = 'v=2&problem=custom&f=0.1*x^2;1.9*x^2;x^2&p=0.5,0.2,0.3&eta=0.9&B=2&sampling=without&runs=50&steps=100&seed=3';

test.describe('an old weighted link without replacement', () => {
  // The custom problem loads its formula compiler first; on a loaded machine that alone can take half a minute.
  test.beforeEach(() => test.setTimeout(150_000));

  test('the theory panel says SGD does not follow its theory, naming p, sampling and the link version', async ({ page }) => {
    await openDone(page, OLD, 90_000);
    const panel = page.getByTestId('theory-panel');
    await expect(panel).toContainText('SGD does not follow this theory');
    await expect(panel).toContainText('weights p with sampling=without at B = 2 < n = 3 (this v=2 link, run as recorded)');
    await expect(panel).toContainText('docs/theory.md § Weights and sampling');
  });

  test('the same link at v=3 is refused by name and run with replacement, the page’s batch factor with it, and the note is gone', async ({ page }) => {
    await openDone(page, OLD.replace('v=2', 'v=3'), 90_000);
    await expect(page.getByTestId('link-banner')).toContainText('weights p need sampling=with for B < n');
    const panel = page.getByTestId('theory-panel');
    await expect(panel).toContainText('c = 0.5');
    // the theory rows are the worker's answer for this very configuration, not left pending
    await expect(panel).toContainText('exact (all 9 ordered batches)');
    await expect(panel).not.toContainText('SGD does not follow this theory');
    // choosing without replacement keeps "with" and says why beside the control
    await page.getByTestId('sampling').selectOption('without');
    await expect(page.getByTestId('error-sampling')).toContainText('weights p need sampling=with for B < n');
    await expect(page.getByTestId('sampling')).toHaveValue('with');
  });
});
