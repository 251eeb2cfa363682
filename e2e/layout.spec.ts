import { expect, openDone, test } from './fixtures';
import { layoutOf, settle, viewportShare, type Layout } from './geometry';
import type { Page } from '@playwright/test';
import { WWS_PRESETS } from '../src/ui/presets/wws-presets';

/**
 * The screens a lecture uses (README "The layout"), checked by geometry: no text leaves its
 * panel, no two texts in a chart overlap, no legend lies on its plot's data
 * area; in lecture mode at projector sizes the diagram takes 40 % of the screen
 * and no text is under 24 px. One page per size; a screenshot of each state.
 */

/** A 2D problem: the most labels (minima, corner), a contour map, every live view with data. */
const CIRCLE = 'problem=circle&model=1&eta=4&sampling=with&seed=3&runs=100&steps=400';
/** The 1D toy: the landscape as a curve. */
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200';
/** The Wu–Wang–Su workspace (its Fig. 4 preset) with its number boxes. */
const WWS = WWS_PRESETS[0].query as string;
/** The explore workspaces, small enough to finish in a few seconds. */
const EXPLORE = [
  { tab: 'phase', query: 'problem=toy&tab=phase&eta=0.7&B=1&grid=10&cellruns=20&steps=200&seed=1' },
  { tab: 'selection', query: 'problem=toy&tab=selection&eta=0.7&B=1&selruns=50&steps=200&seed=1' },
] as const;

/** The charts every live tab shows: each marks its data area. */
const CHARTS = ['diagram', 'landscape', 'burst', 'distance'];
const LIVE_PANELS = ['diagram', 'landscape', 'burst', 'distance', 'stats', 'theory'];

const SIZES = [
  { width: 1920, height: 1080, projector: false },
  { width: 1366, height: 768, projector: false },
  { width: 1280, height: 720, projector: true },
  { width: 1024, height: 768, projector: true },
];

/**
 * Every geometry rule, with the offending elements named in the message. Soft:
 * every state of the page is checked and every broken rule reported in one run.
 */
function expectClean(layout: Layout, what: string): void {
  expect.soft(layout.clipped, `${what}: texts cut by their panel`).toEqual([]);
  expect.soft(layout.overlaps, `${what}: overlapping texts`).toEqual([]);
  expect.soft(layout.legendOverPlot, `${what}: legends on the data`).toEqual([]);
}

/**
 * The live panels are there (lecture mode may give the others' room to the
 * diagram), each chart shown with its data area marked and the diagram with
 * its legend.
 */
function expectLivePanels(layout: Layout, what: string, lecture = false): void {
  const byId = new Map(layout.panels.map((p) => [p.id, p]));
  const shown = [...byId.keys()];
  if (lecture) expect(shown, `${what}: panels shown`).toContain('diagram');
  else expect(shown.sort(), `${what}: panels shown`).toEqual([...LIVE_PANELS].sort());
  for (const id of CHARTS.filter((c) => byId.has(c))) expect.soft(byId.get(id)!.plotAreas, `${what}: [data-plot-area] elements in the ${id} panel`).toBe(1);
  expect.soft(byId.get('diagram')!.legends, `${what}: the diagram's [data-legend]`).toBeGreaterThanOrEqual(1);
  for (const id of shown) expect(byId.get(id)!.texts, `${what}: texts found in the ${id} panel`).toBeGreaterThan(0);
}

async function shootAs(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/output/screens/layout-${name}.png` });
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`default and lecture mode: texts inside their panels and apart, legends off the data${size.projector ? '; lecture: diagram ≥ 40 % of the screen, every text ≥ 24 px' : ''}`, async ({ page }) => {
      test.setTimeout(180_000);
      for (const [name, query] of [
        ['circle', CIRCLE],
        ['toy', TOY],
      ] as const) {
        await openDone(page, query);
        await settle(page);
        await shootAs(page, `${tag}-${name}`);
        const layout = await layoutOf(page);
        expectLivePanels(layout, `${tag} ${name}`);
        expectClean(layout, `${tag} ${name}`);
      }

      await openDone(page, `${CIRCLE}&lecture=1`);
      await settle(page);
      await shootAs(page, `${tag}-lecture`);
      const lecture = await layoutOf(page, { minFontPx: size.projector ? 24 : 0 });
      expectLivePanels(lecture, `${tag} lecture`, true);
      expectClean(lecture, `${tag} lecture`);
      if (!size.projector) return;
      const share = await viewportShare(page, 'section.panel[data-panel=diagram]');
      expect.soft(share, `${tag} lecture: the diagram panel's share of the viewport (as loaded, the part on screen)`).toBeGreaterThanOrEqual(0.4);
      expect(lecture.fontChecked).toBeGreaterThan(20);
      expect.soft(lecture.small, `${tag} lecture: texts under 24 px`).toEqual([]);

      // The Wu–Wang–Su workspace in lecture mode: its number boxes and charts.
      await openDone(page, `${WWS}&lecture=1`);
      await expect(page.getByTestId('wws-measured')).toHaveAttribute('data-switch-step', /\d+/);
      await settle(page);
      await shootAs(page, `${tag}-lecture-wws`);
      const wws = await layoutOf(page, { minFontPx: 24 });
      expect(wws.panels.length, `${tag} lecture wws: panels`).toBeGreaterThanOrEqual(3);
      for (const p of wws.panels) expect.soft(p.plotAreas, `${tag} lecture wws: [data-plot-area] in ${p.id}`).toBeGreaterThanOrEqual(1);
      expectClean(wws, `${tag} lecture wws`);
      expect.soft(wws.small, `${tag} lecture wws: texts under 24 px`).toEqual([]);

      // The phase diagram and the selection experiment in lecture mode.
      for (const { tab, query } of EXPLORE) {
        await page.goto(`/?${query}&lecture=1`);
        await expect(page.getByTestId(`${tab}-status`)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
        await settle(page);
        await shootAs(page, `${tag}-lecture-${tab}`);
        const explore = await layoutOf(page, { minFontPx: 24 });
        // Its views are panels too, so the geometry rules reach their charts.
        expect.soft(explore.panels.length, `${tag} lecture ${tab}: section.panel[data-panel] elements`).toBeGreaterThanOrEqual(1);
        expect.soft(explore.panels.reduce((n, p) => n + p.plotAreas, 0), `${tag} lecture ${tab}: [data-plot-area] elements`).toBeGreaterThanOrEqual(1);
        expectClean(explore, `${tag} lecture ${tab}`);
        expect(explore.fontChecked).toBeGreaterThan(10);
        expect.soft(explore.small, `${tag} lecture ${tab}: texts under 24 px`).toEqual([]);
      }
    });
  });
}
