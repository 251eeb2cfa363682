import { expect, openDone, shoot, test } from './fixtures';

const TOY = 'problem=toy&eta=0.7&B=1&runs=20&steps=200&seed=7';
/** Every button of the header, by test id, in its order. */
const BUTTONS = ['controls-drawer-toggle', 'undo', 'redo', 'copy-link', 'qr-button', 'record-button', 'presenter-button', 'lecture-button', 'sound-button', 'mute-button', 'help-button'];

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test.describe(`lecture mode at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every header button is on the screen or in the More menu, which opens, closes on Escape and after a choice', async ({ page }) => {
      await openDone(page, `${TOY}&lecture=1`);
      const header = page.locator('header.header');
      const more = page.getByTestId('header-more');
      await expect(more).toBeVisible();
      // The preset menu keeps a usable width beside the buttons.
      expect((await header.locator('select').boundingBox())!.width).toBeGreaterThan(120);
      const inMenu: string[] = [];
      for (const id of BUTTONS) {
        const b = header.getByTestId(id);
        await expect(b, id).toHaveCount(1);
        if (await b.isVisible()) {
          const box = (await b.boundingBox())!;
          expect(box.x, `${id} starts on the screen`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `${id} ends on the screen`).toBeLessThanOrEqual(size.width);
        } else inMenu.push(id);
      }
      expect(inMenu).toEqual(['qr-button', 'record-button', 'presenter-button', 'lecture-button', 'sound-button', 'mute-button', 'help-button']);

      await more.click();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      for (const id of inMenu) {
        const box = (await header.getByTestId(id).boundingBox())!;
        expect(box.x + box.width, `${id} in the open menu is on the screen`).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height, `${id} in the open menu is on the screen`).toBeLessThanOrEqual(size.height);
      }
      await shoot(page, `header-more-${size.width}x${size.height}`);
      await page.keyboard.press('Escape');
      await expect(header.getByTestId('help-button')).toBeHidden();
      await expect(more).toBeFocused();

      // A choice runs and closes the menu: the keys dialog opens.
      await more.click();
      await header.getByTestId('help-button').click();
      await expect(header.getByTestId('help-button')).toBeHidden();
      await expect(page.getByRole('dialog')).toBeVisible();
    });
  });
}

test('outside lecture mode, and in lecture mode on a wide screen, the header has no More menu', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDone(page, `${TOY}&lecture=1`);
  await expect(page.getByTestId('header-more')).toHaveCount(0);
  await expect(page.getByTestId('help-button')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  await openDone(page, TOY);
  await expect(page.getByTestId('header-more')).toHaveCount(0);
  await expect(page.getByTestId('help-button')).toBeVisible();
});
