import type { Page } from '@playwright/test';
import { expect, openDone, shoot, test } from './fixtures';

const START = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=100';

/**
 * While a pointer is held the diagram draws its newest model in the next animation frame
 * (and the release's work runs after the frame that follows): read the corner once both
 * have passed, or it may still show an earlier move, or none (it did once in CI).
 */
const drawn = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

test.describe('undo and redo of the configuration', () => {
  test('a slider drag is one change: Ctrl+Z restores η, Ctrl+Shift+Z redoes it', async ({ page }) => {
    await openDone(page, START);
    const slider = page.getByTestId('eta-slider');
    const corner = page.getByTestId('rect-corner');
    await expect(page.getByTestId('undo')).toBeDisabled();
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2);
    await page.mouse.up();
    await drawn(page);
    const dragged = await corner.getAttribute('data-eta');
    expect(dragged).not.toBe('0.7');
    await page.keyboard.press('Control+z');
    await expect(corner).toHaveAttribute('data-eta', '0.7');
    await expect(page).toHaveURL(/eta=0\.7&/);
    // one entry for the whole drag: nothing more to undo
    await expect(page.getByTestId('undo')).toBeDisabled();
    await page.keyboard.press('Control+Shift+z');
    await expect(corner).toHaveAttribute('data-eta', dragged!);
    await expect(page.getByTestId('redo')).toBeDisabled();
  });

  test('a corner drag is one change, undone and redone by the header buttons', async ({ page }) => {
    await openDone(page, START);
    const corner = page.getByTestId('rect-corner');
    const box = (await corner.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 120, box.y - 90, { steps: 8 });
    await page.mouse.up();
    await drawn(page);
    const eta = await corner.getAttribute('data-eta');
    const B = await corner.getAttribute('data-b');
    expect([eta, B]).not.toEqual(['0.7', '1']);
    await page.getByTestId('undo').click();
    await expect(corner).toHaveAttribute('data-eta', '0.7');
    await expect(corner).toHaveAttribute('data-b', '1');
    await expect(page.getByTestId('undo')).toBeDisabled();
    await page.getByTestId('redo').click();
    await expect(corner).toHaveAttribute('data-eta', eta!);
    await expect(corner).toHaveAttribute('data-b', B!);
  });

  test('a preset is undone with its note; Back still works as before; the history survives a worker restart', async ({ page }) => {
    await openDone(page, START);
    await page.getByTestId('preset-select').selectOption('0');
    await expect(page.getByTestId('preset-note')).toBeVisible();
    const presetUrl = page.url();
    expect(presetUrl).not.toContain('seed=7&runs=20');
    await page.evaluate(() => window.explorer!.sim.kill());
    await expect(page.getByTestId('crash-notice')).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(page).toHaveURL(/seed=7&runs=20&steps=100/);
    await expect(page.getByTestId('preset-note')).toHaveCount(0);
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', '0.7');
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('preset-note')).toBeVisible();
    await expect.poll(() => page.url()).toBe(presetUrl);
    // Back is the browser's: it returns to the link before the preset
    await page.goBack();
    await expect(page).toHaveURL(/seed=7&runs=20&steps=100/);
    await shoot(page, 'undo-after-back');
  });

  test('undo with nothing to undo is a quiet no-op', async ({ page }) => {
    await openDone(page, START);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(page).toHaveURL(/eta=0\.7&B=1&seed=7&runs=20&steps=100/);
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
  });
});
