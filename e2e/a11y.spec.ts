import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 24, part 1: axe-core reports no violation of WCAG 2.0–2.2 A/AA in every
 * state a lecture shows. One page, one load per state; each state waits until the
 * page has settled, then axe checks the whole document.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200';
const WWS = 'problem=features&tab=wws&runs=20&steps=200';

/** axe's violations as lines naming the rule and the first few elements, so a failure says where. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`);
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`);
  await expect(page.locator('main.views')).toBeVisible();
  // the live tab's run finishes quickly at this size; the others need only their first paint
  if (!/tab=(phase|selection|wws)/.test(query)) await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  // KaTeX and the panels' fonts load lazily: let the page settle before checking colours
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  // a panel that has come to scroll becomes a Tab stop within half a second (shell/use-scroll-focus.ts)
  await page.waitForTimeout(600);
}

async function expectClean(page: Page, state: string): Promise<void> {
  expect.soft(await violations(page), `axe violations with ${state}`).toEqual([]);
}

const TABS: Array<[string, string]> = [
  ['the live tab', TOY],
  ['the phase tab', `${TOY}&tab=phase`],
  ['the selection tab', `${TOY}&tab=selection`],
  ['the Wu–Wang–Su tab', WWS],
  ['the A | B tab', `${TOY}&compare=B:2&tab=ab`],
];

test.describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  for (const [name, query] of TABS) {
    test(`${name}, in default and in lecture mode, has no violation`, async ({ page }) => {
      test.setTimeout(240_000);
      for (const lecture of [false, true]) {
        await open(page, `${query}${lecture ? '&lecture=1' : ''}`);
        // each state is the one named: a link the page had to repair would show a banner
        await expect(page.getByTestId('link-banner')).toHaveCount(0);
        await expectClean(page, `${name}${lecture ? ' in lecture mode' : ''}`);
      }
    });
  }

  test('comparisons, the keys dialog, the QR overlay, the recorder and an error banner have no violation', async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, `${TOY}&compare=B:2;eta:0.5`);
    await expect(page.getByTestId('compare-C')).toBeVisible();
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    await expectClean(page, 'comparisons');

    await open(page, TOY);
    await page.getByTestId('help-button').click();
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await expectClean(page, 'the keys dialog open');
    await page.keyboard.press('Escape');

    await page.getByTestId('qr-button').click();
    await expect(page.getByTestId('qr-overlay')).toBeVisible();
    await expectClean(page, 'the QR overlay open');
    await page.keyboard.press('Escape');

    await page.getByTestId('record-button').click();
    await expect(page.getByTestId('recorder')).toBeVisible();
    await expectClean(page, 'the recorder open');

    await open(page, `${TOY}&B=0&zzz=1`);
    await expect(page.getByTestId('link-banner')).toBeVisible();
    await expectClean(page, 'an error banner');
  });

  test('the controls drawer (1024×768) has no violation', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 768 });
    await open(page, TOY);
    await page.getByTestId('controls-drawer-toggle').click();
    await expect(page.getByTestId('controls-drawer')).toBeInViewport();
    await page.getByTestId('controls-drawer').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await expectClean(page, 'the drawer open');
  });
});

test.describe('accessibility on a phone (390×844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the phone layout, with the drawer open, has no violation', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, TOY);
    await expectClean(page, 'the phone layout');
    await page.getByTestId('controls-drawer-toggle').tap();
    await page.getByTestId('controls-drawer').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await expectClean(page, 'the phone layout with the drawer open');
  });
});
