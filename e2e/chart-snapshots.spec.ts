import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { WWS_PRESETS } from '../src/ui/presets/wws-presets';
import { expect, shoot, test } from './fixtures';
import { normaliseSvg } from './svg-snapshot';

/**
 * Every chart's SVG on a fixed model, at two sizes and in lecture mode, against
 * the normalised files in e2e/snapshots/ (svg-snapshot.ts): a change to a
 * chart's picture shows in review as a diff of its file. A missing or changed
 * file fails; `UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change.
 * The canvases (the runs, the heat map's cells) are not in the files.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200';
const PHASE = 'problem=toy&tab=phase&eta=0.7&B=1&grid=10&cellruns=20&steps=200&seed=1';
const SELECTION = 'problem=toy&tab=selection&eta=0.7&B=1&selruns=50&steps=200&seed=1';
const WWS = WWS_PRESETS[0].query as string;
const NETWORK = 'problem=mlp&n=20&width=16&eta=0.4&B=4&runs=2&steps=1200&tab=network';
/** A tiny fixed sweep: Table 2's five GD models on a 64–16–10 network of 20 digits, 600 steps each. */
const NETWORK_SWEEP = 'problem=mlp&n=20&width=16&B=4&runs=1&steps=600&tab=network';

const STATES = [
  { tag: '1366x768', viewport: { width: 1366, height: 768 }, lecture: false },
  { tag: '1920x1080', viewport: { width: 1920, height: 1080 }, lecture: false },
  { tag: '1920x1080-lecture', viewport: { width: 1920, height: 1080 }, lecture: true },
];

/** Each chart shown on the page with its frame's SVG: named by its own test id or its node's (unique on a tab). */
async function chartSvgs(page: Page): Promise<Array<{ name: string; svg: string }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('svg'))
      // The charts shown: another tab's stay mounted but hidden.
      .filter((s) => s.querySelector(':scope > rect[data-plot-area]') && s.checkVisibility() && s.getBoundingClientRect().width > 0)
      .map((s) => ({ name: s.getAttribute('data-testid') ?? s.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? 'chart', svg: s.outerHTML })),
  );
}

function check(file: string, svg: string): void {
  const text = normaliseSvg(svg);
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `${file} exists (UPDATE_SNAPSHOTS=1 writes it)`).toBe(true);
  expect(text, `${file}: the chart's SVG`).toBe(readFileSync(file, 'utf8'));
}

for (const state of STATES) {
  test.describe(`chart snapshots at ${state.tag}`, () => {
    test.use({ viewport: state.viewport });
    const lecture = state.lecture ? '&lecture=1' : '';

    test('the live tab: the diagram, the landscape, the burst, the distance and both histograms', async ({ page }) => {
      await page.goto(`/?${TOY}${lecture}`);
      await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      // The diagram's axes glide to their range: let them arrive.
      await page.waitForTimeout(600);
      const charts = await chartSvgs(page);
      expect(charts.length).toBeGreaterThanOrEqual(state.lecture ? 3 : 5);
      for (const c of charts) check(join(DIR, state.tag, `live-${c.name}.svg`), c.svg);
      await shoot(page, `snapshot-${state.tag}-live`);
    });

    test('the explore tabs: the phase diagram, the selection histogram, scatter and atlas', async ({ page }) => {
      await page.goto(`/?${PHASE}${lecture}`);
      await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      for (const c of await chartSvgs(page)) check(join(DIR, state.tag, `phase-${c.name}.svg`), c.svg);
      await shoot(page, `snapshot-${state.tag}-phase`);
      await page.goto(`/?${SELECTION}${lecture}`);
      await expect(page.getByTestId('selection-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
      await expect(page.getByTestId('atlas-counter')).toContainText('minima are stable', { timeout: 30_000 });
      await page.waitForTimeout(600);
      for (const c of await chartSvgs(page)) check(join(DIR, state.tag, `selection-${c.name}.svg`), c.svg);
      await shoot(page, `snapshot-${state.tag}-selection`);
    });

    test('the Wu–Wang–Su tab: the escape, alignment and Frobenius charts', async ({ page }) => {
      await page.goto(`/?${WWS}${lecture}`);
      await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await expect(page.locator('[data-testid=wws-frobenius] g.bar').first()).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(600);
      for (const c of await chartSvgs(page)) check(join(DIR, state.tag, `wws-${c.name}.svg`), c.svg);
      await shoot(page, `snapshot-${state.tag}-wws`);
    });

    test('the network tab: the training loss, the sharpness along training and the trained minima with their error bars', async ({ page }) => {
      // Training, then a, s, ‖G‖_F, μ and μ₀ at three end points: over a minute on a loaded machine.
      test.setTimeout(180_000);
      await page.goto(`/?${NETWORK}${lecture}`);
      await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
      await expect(page.getByTestId('error-bar').first()).toBeVisible();
      const charts = await chartSvgs(page);
      expect(charts.map((c) => c.name).sort()).toEqual(['network-loss-chart', 'network-sharpness-chart', 'selection-scatter']);
      for (const c of charts) check(join(DIR, state.tag, `network-${c.name}.svg`), c.svg);
      await shoot(page, `snapshot-${state.tag}-network`);
    });

    test('the network sweep: Table 2 on a tiny network, its minima with their intervals, 2/η and the paper’s values, and the legend in view', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(`/?${NETWORK_SWEEP}${lecture}`);
      await expect(page.getByTestId('network-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
      await page.getByTestId('network-sweep-start').click();
      await expect(page.getByTestId('network-sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
      const plot = page.getByTestId('network-sweep-plot');
      await expect(plot.getByTestId('sweep-point-gd').first()).toBeVisible();
      // The legend (the frame draws it at the chart's foot) shows without scrolling the sweep's box.
      const box = await page.locator('.network-sweep').boundingBox();
      const legend = await plot.locator('svg [data-legend]').boundingBox();
      expect(legend, 'the sweep chart has a legend').not.toBeNull();
      expect(legend!.y + legend!.height, 'the legend ends inside the sweep box').toBeLessThanOrEqual(box!.y + box!.height);
      // … and the box itself is in view: on a short screen the workspace scrolled to it when the first result came.
      expect(box!.y + box!.height, 'the sweep box ends inside the window').toBeLessThanOrEqual(state.viewport.height);
      const charts = (await chartSvgs(page)).filter((c) => c.name === 'network-sweep-plot');
      expect(charts).toHaveLength(1);
      check(join(DIR, state.tag, 'network-sweep-plot.svg'), charts[0].svg);
      await shoot(page, `snapshot-${state.tag}-network-sweep`);
    });
  });
}
