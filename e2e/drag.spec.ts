import { simulateQuery } from '../src/core/simulate';
import type { Page } from '@playwright/test';
import { expect, shoot, test } from './fixtures';

/*
 * The gesture the explorer exists for: η dragged by a real mouse while 200 runs
 * stream. The rectangle follows the hand from the page's own state, frame by
 * frame; the run the drag ends on is the one a fresh load of the final link gives.
 */

const STREAM = 'problem=toy&eta=0.7&B=1&runs=200&steps=10000000&seed=3';

/** The η slider, the page x of a log10 value on it, and the y of its track. */
async function sliderGeometry(page: Page) {
  const slider = page.getByTestId('eta-slider');
  const box = (await slider.boundingBox())!;
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  return { slider, xOf: (v: number) => box.x + ((v - min) / (max - min)) * box.width, y: box.y + box.height / 2 };
}

/** η as the slider sets it from its log10 value (EtaControl's rounding). */
const etaOf = (v: number) => Number((10 ** v).toPrecision(4));

test.describe('dragging η', () => {
  test.setTimeout(120_000);

  test('every frame of a 3 s mouse drag draws the corner at 2/η of the slider in that frame, or of the frame before', async ({ page }) => {
    await page.goto(`/?${STREAM}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    const { xOf, y } = await sliderGeometry(page);
    // Record, at the start of every frame, the slider's value and the corner's a.
    await page.evaluate(() => {
      const frames: Array<{ v: number; a: number }> = [];
      window.dragFrames = frames;
      window.dragStop = false;
      const s = document.querySelector<HTMLInputElement>('[data-testid="eta-slider"]')!;
      const c = document.querySelector('[data-testid="rect-corner"]')!;
      const tick = () => {
        if (window.dragStop) return;
        frames.push({ v: Number(s.value), a: Number(c.getAttribute('data-a')) });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const lo = Math.log10(0.3);
    const hi = Math.log10(1.5);
    await page.mouse.move(xOf(Math.log10(0.7)), y);
    await page.mouse.down();
    const start = Date.now();
    let k = 0;
    while (Date.now() - start < 3000) {
      const phase = (Math.sin(k / 20) + 1) / 2;
      await page.mouse.move(xOf(lo + (hi - lo) * phase), y);
      k++;
      const ahead = start + k * (1000 / 60) - Date.now();
      if (ahead > 0) await page.waitForTimeout(ahead);
    }
    await page.mouse.up();
    await page.waitForTimeout(100);
    const frames = await page.evaluate(() => {
      window.dragStop = true;
      return window.dragFrames!;
    });
    expect(frames.length).toBeGreaterThan(20);
    const values = new Set(frames.map((f) => f.v));
    expect(values.size, 'the slider moved through several of its steps').toBeGreaterThan(4);
    // Before the first input the slider shows the link's η rounded to its own step (0.7 as 10^−0.155);
    // from the first input on, the corner must follow the slider.
    const first = frames.findIndex((f) => f.v !== frames[0].v);
    expect(first, 'the slider moved').toBeGreaterThan(0);
    const late: number[] = [];
    for (let i = first + 1; i < frames.length; i++) {
      const want = [frames[i].v, frames[i - 1].v].map((v) => 2 / etaOf(v));
      if (!want.some((a) => Math.abs(frames[i].a - a) <= 1e-9 * a)) late.push(i);
    }
    expect(late, `frames whose corner is more than one frame behind the slider (of ${frames.length})`).toEqual([]);
  });

  test('after the drag, the run, its checksum and the link are those of a fresh load of the final link, and of npm run sim', async ({ page, browser }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&runs=200&steps=3000&seed=3');
    const { slider, xOf, y } = await sliderGeometry(page);
    await page.mouse.move(xOf(Math.log10(0.7)), y);
    await page.mouse.down();
    for (let k = 0; k <= 60; k++) {
      await page.mouse.move(xOf(Math.log10(0.7) + (k / 60) * (Math.log10(0.45) - Math.log10(0.7))), y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await page.waitForTimeout(400); // the debounced link
    const link = new URL(page.url()).search.slice(1);
    // The link holds the η under the hand when it was let go (the slider moves in steps of its own).
    const eta = Number(new URL(page.url()).searchParams.get('eta'));
    expect(eta).toBe(etaOf(Number(await slider.inputValue())));
    expect(eta).toBeLessThan(0.5);
    const checksum = await page.getByTestId('checksum').textContent();
    await shoot(page, 'drag-final');

    const fresh = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await fresh.goto(`/?${link}`);
    await expect(fresh.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(fresh.getByTestId('checksum')).toHaveText(checksum!);
    expect(new URL(fresh.url()).search.slice(1)).toBe(link);
    await fresh.close();
    expect(checksum).toBe(`checksum ${simulateQuery(link).runs.sgd!.checksum}`);
  });

  test('a new η rewrites the words of the distance chart legend in place: its rows stay the elements they were', async ({ page }) => {
    await page.goto(`/?${STREAM}`);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    const rows = '[data-testid="distance-view"] g.legend > g';
    await expect(page.locator(rows).filter({ hasText: 'ρ = ' })).toHaveCount(1);
    const before = await page.evaluate((sel) => {
      const found = [...document.querySelectorAll(sel)];
      window.legendRows = found;
      return found.map((r) => r.textContent);
    }, rows);
    const slider = page.getByTestId('eta-slider');
    await slider.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(rows).allTextContents(), { timeout: 15_000 }).not.toEqual(before);
    const after = await page.evaluate((sel) => {
      const kept = window.legendRows!;
      const now = [...document.querySelectorAll(sel)];
      return { same: now.length === kept.length && now.every((r, i) => r === kept[i]), texts: now.map((r) => r.textContent) };
    }, rows);
    expect(after.texts.find((t) => t?.includes('ρ = '))).not.toBe(before.find((t) => t?.includes('ρ = ')));
    expect(after.same).toBe(true);
  });
});
