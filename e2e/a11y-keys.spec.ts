import type { Page } from '@playwright/test';
import { expect, openDone, test } from './fixtures';

/**
 * Issue 24, part 2: every action by keyboard. Tab walks the whole page and every stop is
 * named and shows a focus ring; the dialogs keep the focus and give it back; the
 * hand-placed point moves by arrow keys.
 */
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200';

interface Stop {
  name: string;
  role: string;
  ring: boolean;
  where: string;
}

/** The focused element: its accessible name and role (from Playwright's ARIA snapshot) and whether a focus indicator is drawn. */
async function focused(page: Page): Promise<Stop> {
  const el = page.locator(':focus');
  // "- button "Copy link"", or YAML-quoted when the line holds a colon: "- 'button "a: b"'"
  let snap = (await el.ariaSnapshot()).split('\n')[0].replace(/^- /, '');
  if (snap.startsWith("'")) snap = snap.slice(1, snap.lastIndexOf("'")).replace(/''/g, "'");
  const m = /^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snap);
  const look = await el.evaluate((e) => {
    const cs = getComputedStyle(e);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none';
    const id = e.getAttribute('data-testid') ?? e.id ?? '';
    return { ring: e.matches(':focus-visible') && (outline || shadow), where: `${e.tagName.toLowerCase()}${id ? `[${id}]` : ''} ${(e.textContent ?? '').slice(0, 30)}` };
  });
  return { name: m?.[2] ?? '', role: m?.[1] ?? snap, ...look };
}

/** Tab from the top of the page until the focus comes back to the first stop (or `max` presses). */
async function walk(page: Page, max = 250): Promise<Stop[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: Stop[] = [];
  let first: string | null = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return 'body';
      if (!e.hasAttribute('data-walk')) e.setAttribute('data-walk', String(Math.random()));
      return e.getAttribute('data-walk')!;
    });
    if (id === 'body') continue;
    if (id === first) break;
    first ??= id;
    stops.push(await focused(page));
  }
  return stops;
}

test.describe('the keyboard', () => {
  test('Tab reaches every control, tab and chart action, each one named and with a visible focus ring', async ({ page }) => {
    test.setTimeout(180_000);
    await openDone(page, `${TOY}&compare=eta:0.5`);
    const stops = await walk(page);
    const bad = stops.filter((s) => !s.ring || s.name.trim() === '').map((s) => `${s.role} "${s.name}" at ${s.where}${s.ring ? '' : ' (no focus ring)'}`);
    expect(bad, 'focus stops without a name or a focus ring').toEqual([]);
    const names = stops.map((s) => s.name);
    // the header, the controls, the tabs, every panel's exports and fullscreen, the comparison's Swap and ×
    for (const want of ['Copy link', 'Preset', 'η', 'Listen', 'Mute', 'Live runs', 'Phase diagram', 'Swap with A', 'Remove comparison B', 'Pin as comparison']) {
      expect(names.some((n) => n.includes(want)), `a stop named ${want} in ${JSON.stringify(names)}`).toBe(true);
    }
    expect(names.filter((n) => /full screen/.test(n)).length).toBeGreaterThanOrEqual(5);
    expect(names.filter((n) => /SVG/.test(n)).length).toBeGreaterThanOrEqual(3);
  });

  for (const [dialog, button] of [
    ['help-overlay', 'help-button'],
    ['qr-overlay', 'qr-button'],
  ] as const) {
    test(`the ${dialog} keeps Tab inside it and gives the focus back to its button when it closes`, async ({ page }) => {
      await openDone(page, TOY);
      await page.getByTestId(button).focus();
      await page.keyboard.press('Enter');
      const box = page.getByTestId(dialog);
      await expect(box).toBeVisible();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
        expect(await box.evaluate((b) => b.contains(document.activeElement)), `focus inside the dialog after press ${i + 1}`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(box).toBeHidden();
      await expect(page.getByTestId(button)).toBeFocused();
    });
  }

  test('the hand-placed point moves by arrow keys while the diagram has the focus, and η stays', async ({ page }) => {
    // η 0.5: the rectangle is 4 wide; B = n: c = 0, so its height is unbounded — use B 4 of 100
    await openDone(page, 'problem=point&a=2&s=1.8&n=100&eta=0.5&B=4&runs=20&steps=100');
    const box = page.getByTestId('diagram-box');
    await box.focus();
    await expect(box).toHaveAttribute('aria-label', /hand-placed minimum at a = 2, s = 1.8/);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/[?&]a=2\.04(&|$)/);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page).toHaveURL(/[?&]a=1\.64(&|$)/);
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(/[?&]s=1\.8\d+(&|$)/);
    expect(new URL(page.url()).searchParams.get('eta')).toBe('0.5');
    await expect(box).toHaveAttribute('aria-label', /hand-placed minimum at a = 1.64/);
  });
});

test.describe('the keyboard on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('Tab reaches the header, the tabs and every panel’s actions, then the drawer’s controls once it is open, each one named and ringed', async ({ page }) => {
    test.setTimeout(180_000);
    await openDone(page, TOY);
    const closed = await walk(page);
    const open = await (async () => {
      await page.getByTestId('controls-drawer-toggle').click();
      return walk(page);
    })();
    const bad = [...closed, ...open].filter((s) => !s.ring || s.name.trim() === '').map((s) => `${s.role} "${s.name}" at ${s.where}${s.ring ? '' : ' (no focus ring)'}`);
    expect([...new Set(bad)], 'focus stops without a name or a focus ring').toEqual([]);
    const names = closed.map((s) => s.name);
    for (const want of ['Controls', 'Link', 'Listen', 'Mute', 'Phase']) expect(names.some((n) => n.includes(want)), `a stop named ${want} in ${JSON.stringify(names)}`).toBe(true);
    expect(names.filter((n) => /full screen/.test(n)).length, 'each live panel’s full-screen button').toBeGreaterThanOrEqual(3);
    const inDrawer = open.map((s) => s.name);
    for (const want of ['η', 'Preset']) expect(inDrawer.some((n) => n.includes(want)), `a stop named ${want} with the drawer open in ${JSON.stringify(inDrawer)}`).toBe(true);
  });
});
