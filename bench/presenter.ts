/**
 * The presenter view's lag (README "Two screens"): the laptop window opens the
 * projector window (V), η is dragged on the laptop by real mouse moves, and each
 * value the laptop's rectangle corner shows is looked for in the projector's
 * corner. The figure is how long after the laptop showed a value the projector
 * showed it, on one clock (both windows' `performance.timeOrigin + now()`).
 */
import type { Browser, Page } from '@playwright/test';
import { stat, type Stat } from './stat';

/** The run the two windows share: short, so it is done before the drag. */
export const PRESENTER_QUERY = '?problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=400';

/** The "within 50 ms" of the projector's corner after the laptop's. */
export const PRESENTER_TARGET_MS = 50;

export interface PresenterFigures {
  /** Distinct η values the laptop's corner showed during the drag. */
  shown: number;
  /** ms from the laptop's corner showing a value to the projector's corner showing it; one sample per value the projector showed. */
  lagMs: Stat;
  /** Values the projector never showed because it was already on a later one (latest-only sync, by design). */
  skipped: number;
}

/**
 * For each [time, η] the laptop showed: how long until the projector showed the
 * same η (null when it never did). A time on the projector up to 1 ms before the
 * laptop's counts as 0: the two windows' clocks agree to about that.
 */
export function presenterLags(laptop: ReadonlyArray<readonly [number, number]>, projector: ReadonlyArray<readonly [number, number]>): Array<number | null> {
  return laptop.map(([t, eta]) => {
    const hit = projector.find(([u, e]) => u >= t - 1 && Math.abs(e - eta) <= 1e-9 * Math.abs(eta));
    return hit ? Math.max(0, hit[0] - t) : null;
  });
}

type Seen = Array<[number, number]>;

/** Record, on the shared clock, each η the window's rectangle corner shows (installed once; a second call only empties the record). */
function watchCorner(): void {
  const w = window as unknown as { cornerSeen?: Seen };
  if (w.cornerSeen) {
    w.cornerSeen.length = 0;
    return;
  }
  const seen: Seen = (w.cornerSeen = []);
  const el = document.querySelector('[data-testid=rect-corner]');
  if (!el) throw new Error('no rectangle corner on the page');
  new MutationObserver(() => {
    const eta = Number(el.getAttribute('data-eta'));
    // A repaint that writes the same value again is not a new value.
    if (seen.at(-1)?.[1] !== eta) seen.push([performance.timeOrigin + performance.now(), eta]);
  }).observe(el, { attributes: true, attributeFilter: ['data-eta'] });
}

const seenOf = (p: Page) => p.evaluate(() => (window as unknown as { cornerSeen: Seen }).cornerSeen);

/** `moves` real mouse moves of the η slider from 0.7 to 1.3, `gapMs` apart. */
async function dragEta(page: Page, moves: number, gapMs: number): Promise<void> {
  const slider = page.getByTestId('eta-slider');
  const box = await slider.boundingBox();
  if (!box) throw new Error('the η slider is not on screen');
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  const xAt = (log10: number) => box.x + ((log10 - min) / (max - min)) * box.width;
  const y = box.y + box.height / 2;
  const [a, b] = [Math.log10(0.7), Math.log10(1.3)];
  await page.mouse.move(xAt(a), y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(xAt(a + (i / moves) * (b - a)), y);
    await page.waitForTimeout(gapMs);
  }
  await page.mouse.up();
}

/** One laptop window and its projector in one browser context; `drags` drags of `moves` moves each. */
export async function measurePresenter(browser: Browser, base: string, drags = 3, moves = 20): Promise<PresenterFigures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.goto(base + PRESENTER_QUERY);
    await page.waitForSelector('[data-testid=status-line][data-state=done]', { timeout: 60_000 });
    const [projector] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('v')]);
    await projector.waitForSelector('[data-testid=presenter-bar][data-role=projector][data-peer=true]', { state: 'attached', timeout: 60_000 });
    await page.waitForSelector('[data-testid=presenter-bar][data-peer=true]', { state: 'attached', timeout: 60_000 });
    // The projector's own run to its end first: the figure is the lag of a drag, not of the window's start.
    await projector.waitForSelector('[data-testid=status-line][data-state=done]', { state: 'attached', timeout: 60_000 });
    const lags: number[] = [];
    let shown = 0;
    let skipped = 0;
    for (let d = 0; d < drags; d++) {
      // Each drag starts with a press at η = 0.7 on the slider (after the first, a jump back from 1.3).
      await page.evaluate(watchCorner);
      await projector.evaluate(watchCorner);
      await dragEta(page, moves, 40);
      const last = (await seenOf(page)).at(-1);
      if (!last) throw new Error('the laptop\'s corner did not move during the drag');
      await projector.waitForFunction((eta) => Number(document.querySelector('[data-testid=rect-corner]')?.getAttribute('data-eta')) === eta, last[1], { timeout: 10_000 });
      const here = await seenOf(page);
      const l = presenterLags(here, await seenOf(projector));
      shown += here.length;
      skipped += l.filter((x) => x === null).length;
      lags.push(...l.filter((x): x is number => x !== null));
      await page.mouse.move(0, 0);
    }
    if (lags.length === 0) throw new Error('the projector showed none of the laptop\'s values');
    return { shown, lagMs: stat(lags), skipped };
  } finally {
    await context.close();
  }
}
