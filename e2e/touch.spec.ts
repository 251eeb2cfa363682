import type { CDPSession, Page } from '@playwright/test';
import { expect, openDone, test } from './fixtures';
import { layoutOf, settle } from './geometry';

/**
 * A phone in portrait (README "The layout": a student opening the shared link): the
 * diagram first and whole, the live views stacked below it, the controls in a
 * drawer; the η slider and the rectangle's corner work by touch.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200';
const POINT = 'problem=point&a=2&s=1.8&n=100&eta=0.5&B=4';
const STACKED = ['landscape', 'burst', 'distance', 'stats', 'theory'];

type Box = { x: number; y: number; width: number; height: number };

const point = (x: number, y: number) => [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];

/** A real touch drag through CDP: touchStart, moves along the line, touchEnd. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const urlEta = (page: Page) => Number(new URL(page.url()).searchParams.get('eta'));

async function openDrawer(page: Page): Promise<void> {
  const toggle = page.getByTestId('controls-drawer-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.tap({ timeout: 5000 });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const drawer = page.getByTestId('controls-drawer');
  await expect(drawer).toBeInViewport();
  // it slides in (0.18 s): measure where it rests, not a frame of the slide
  await drawer.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

test.describe('a phone in portrait, by touch', () => {
  test('the diagram comes first, full width and whole on the first screen; the live views stacked below; the controls in a drawer', async ({ page }) => {
    await openDone(page, TOY);
    await settle(page);
    await page.screenshot({ path: 'e2e/output/screens/layout-390x844-phone.png' });
    await page.screenshot({ path: 'e2e/output/screens/layout-390x844-phone-full.png', fullPage: true });

    const vw = 390;
    const rect = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().toJSON() as { left: number; top: number; right: number; bottom: number; width: number });
    const diagram = await rect('section.panel[data-panel=diagram]');
    expect.soft(diagram.width, 'the diagram panel is full width').toBeGreaterThanOrEqual(0.9 * vw);
    expect.soft(diagram.top, 'the diagram panel starts on screen').toBeGreaterThanOrEqual(0);
    expect.soft(diagram.bottom, 'the diagram panel ends on the first screen').toBeLessThanOrEqual(844 + 1);
    const plot = await rect('[data-testid=stability-diagram]');
    expect.soft(plot.width, 'the diagram itself is nearly the panel’s width').toBeGreaterThanOrEqual(0.85 * vw);
    expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(vw);

    // the live views below, one above the next, each full width
    let above = diagram.bottom;
    for (const id of STACKED) {
      const r = await rect(`section.panel[data-panel=${id}]`);
      expect.soft(r.top, `${id} below the previous panel`).toBeGreaterThanOrEqual(above - 1);
      expect.soft(r.width, `${id} full width`).toBeGreaterThanOrEqual(0.9 * vw);
      above = r.bottom;
    }

    const layout = await layoutOf(page);
    expect.soft(layout.clipped, 'texts cut by their panel').toEqual([]);
    expect.soft(layout.overlaps, 'overlapping texts').toEqual([]);
    expect.soft(layout.legendOverPlot, 'legends on the data').toEqual([]);
    expect.soft(layout.panels.find((p) => p.id === 'diagram')?.plotAreas).toBe(1);

    // the controls: closed at first, open by touch, closed again
    const drawer = page.getByTestId('controls-drawer');
    await expect(drawer).not.toBeInViewport();
    await openDrawer(page);
    await expect(page.getByTestId('eta-slider')).toBeInViewport();
    await page.screenshot({ path: 'e2e/output/screens/layout-390x844-phone-drawer.png' });
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(-1);
    expect(box.x + box.width).toBeLessThanOrEqual(vw + 1);
    // the same toggle closes it: it must not be covered by the open drawer
    await page.getByTestId('controls-drawer-toggle').tap({ timeout: 5000 });
    await expect(page.getByTestId('controls-drawer-toggle')).toHaveAttribute('aria-expanded', 'false');
    await expect(drawer).not.toBeInViewport();
  });

  test('the η slider works by a tap and by a drag', async ({ page, context }) => {
    await openDone(page, POINT);
    await openDrawer(page);
    const slider = page.getByTestId('eta-slider');
    const corner = page.getByTestId('rect-corner');
    await expect(corner).toHaveAttribute('data-eta', '0.5');
    await slider.scrollIntoViewIfNeeded();
    const box: Box = (await slider.boundingBox())!;
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const xAt = (v: number) => box.x + ((v - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;

    // a tap on the track at log10 η ≈ −1.5 (η ≈ 0.03) moves the thumb there
    await page.touchscreen.tap(xAt(-1.5), y);
    await expect.poll(async () => Number(await corner.getAttribute('data-eta'))).toBeLessThan(0.2);
    await expect.poll(() => urlEta(page)).toBeLessThan(0.2);
    const tapped = Number(await corner.getAttribute('data-eta'));

    // a drag from the thumb to log10 η ≈ 1 (η ≈ 10)
    const cdp = await context.newCDPSession(page);
    const v0 = Number(await slider.inputValue());
    await touchDrag(cdp, { x: xAt(v0), y }, { x: xAt(1), y });
    await expect.poll(async () => Number(await corner.getAttribute('data-eta'))).toBeGreaterThan(2);
    await expect.poll(() => urlEta(page)).toBeGreaterThan(2);
    expect(Number(await corner.getAttribute('data-eta'))).not.toBe(tapped);
    await page.screenshot({ path: 'e2e/output/screens/touch-eta-slider.png' });
  });

  test('the rectangle’s corner drags by touch, and η follows in the link', async ({ page, context }) => {
    await openDone(page, POINT);
    await settle(page);
    const corner = page.getByTestId('rect-corner');
    await expect(corner).toHaveAttribute('data-eta', '0.5');
    await corner.scrollIntoViewIfNeeded();
    const box: Box = (await corner.boundingBox())!;
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const cdp = await context.newCDPSession(page);
    // towards smaller sharpness a = 2/η: a larger η
    await touchDrag(cdp, from, { x: from.x - 80, y: from.y - 40 });
    await expect.poll(async () => Number(await corner.getAttribute('data-eta'))).toBeGreaterThan(0.5);
    const eta = Number(await corner.getAttribute('data-eta'));
    await expect.poll(() => urlEta(page)).toBe(eta);
    await page.screenshot({ path: 'e2e/output/screens/touch-corner.png' });
  });
});
