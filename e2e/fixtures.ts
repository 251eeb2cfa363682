import { test as base, expect, type Page } from '@playwright/test';

/** Every test collects console errors and uncaught exceptions; none may appear. */
export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };

/** A screenshot kept as a CI artifact under e2e/output/. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/output/screens/${name}.png` });
}

/** Open a link and wait until its run has finished. */
export async function openDone(page: Page, query: string, timeout = 30_000): Promise<void> {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout });
}

/** The data value at a pixel x of the diagram's horizontal axis, read from two of its ticks. */
export async function axisPixelOf(page: Page, value: number): Promise<number> {
  return page.evaluate((v) => {
    const ticks = Array.from(document.querySelectorAll('[data-testid=stability-diagram] .axis-x .tick')).map((t) => ({
      x: Number(/translate\(([-\d.e]+)/.exec(t.getAttribute('transform') ?? '')?.[1]),
      v: Number((t.textContent ?? '').replace('−', '-')),
    }));
    const [p, q] = [ticks[0], ticks[ticks.length - 1]];
    return p.x + ((v - p.v) * (q.x - p.x)) / (q.v - p.v);
  }, value);
}
