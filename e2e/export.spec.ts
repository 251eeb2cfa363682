import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { simulateConfig, simulateQuery, toJson } from '../src/core/simulate';
import { LINK, runSpecOf } from '../src/ui/state/link-params';
import { expect, openDone, shoot, test } from './fixtures';

const QUERY = 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200';
const VIEWS = ['diagram', 'landscape', 'burst', 'distance', 'stats'] as const;

/** Click (or press Enter on) an export button and read the file it downloads. */
async function download(page: Page, button: Locator, how: 'click' | 'enter' = 'click'): Promise<{ name: string; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  if (how === 'click') await button.click();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  const dl = await wait;
  return { name: dl.suggestedFilename(), bytes: await readFile((await dl.path())!) };
}

/** The CSS width and height of the view's main SVG (the largest one in its chart). */
function svgSize(page: Page, view: string): Promise<{ width: number; height: number }> {
  return page.evaluate((v) => {
    const svgs = Array.from(document.querySelectorAll(`[data-panel=${v}] .panel-body svg`)).filter((s) => !s.parentElement?.closest('svg'));
    const rects = svgs.map((s) => s.getBoundingClientRect()).sort((a, b) => b.width * b.height - a.width * a.height);
    return { width: Math.round(rects[0].width), height: Math.round(rects[0].height) };
  }, view);
}

/** Parse an SVG text as XML in the page, and render it as an image from a blob. */
function parseSvg(page: Page, text: string) {
  return page.evaluate(async (t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const url = URL.createObjectURL(new Blob([t], { type: 'image/svg+xml' }));
    const img = new Image();
    img.src = url;
    let rendered = 0;
    try {
      await img.decode();
      rendered = img.naturalWidth;
    } catch {
      rendered = -1;
    }
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      width: Number(doc.documentElement.getAttribute('width')),
      images: Array.from(doc.getElementsByTagName('image')).map((i) => (i.getAttribute('href') ?? '').slice(0, 22)),
      testIds: Array.from(doc.querySelectorAll('[data-testid]')).map((e) => e.getAttribute('data-testid')),
      texts: doc.getElementsByTagName('text').length,
      rendered,
    };
  }, text);
}

const numeric = (v: string) => v !== '' && Number.isFinite(Number(v));

/** The distance column of the CSV rows at one step. */
const distancesAt = (rows: string[][], step: number) => rows.filter((c) => Number(c[2]) === step).map((c) => Number(c[4]));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.describe('exporting a view', () => {
  test('every view’s SVG parses as XML with an <svg> root, renders standalone, and carries its marks and canvas layers', async ({ page }) => {
    await openDone(page, QUERY);
    await mkdir('e2e/output/screens', { recursive: true });
    for (const view of VIEWS) {
      const { name, bytes } = await download(page, page.getByTestId(`export-${view}-svg`));
      expect(name).toMatch(new RegExp(`^sgd-explorer-${view}-.*\\.svg$`));
      const svg = await parseSvg(page, bytes.toString('utf8'));
      await writeFile(`e2e/output/screens/export-${view}.svg`, bytes);
      expect(svg.error, view).toBe(0);
      expect(svg.root, view).toBe('svg');
      expect(svg.ns, view).toBe('http://www.w3.org/2000/svg');
      expect(svg.width, view).toBe((await svgSize(page, view)).width);
      expect(svg.rendered, `${view} renders as an image`).toBe(svg.width);
      expect(svg.texts, `${view} keeps its axis text`).toBeGreaterThan(0);
      // canvas layers travel as PNG data URLs: the series views' two (the runs, retained, and the summary curves above
      // them), the landscape's one (the paths and every run's current point)
      const layers = { burst: 2, distance: 2, landscape: 1 } as Record<string, number>;
      expect(svg.images, view).toEqual(Array.from({ length: layers[view] ?? 0 }, () => 'data:image/png;base64,'));
      if (view === 'diagram') expect(svg.testIds).toEqual(expect.arrayContaining(['sgd-rectangle', 'gd-strip', 'exact-region', 'rect-corner']));
    }
  });

  test('every view’s PNG has the PNG signature and is twice the view’s SVG in width and height', async ({ page }) => {
    await openDone(page, QUERY);
    for (const view of VIEWS) {
      const { bytes } = await download(page, page.getByTestId(`export-${view}-png`));
      expect([...bytes.subarray(0, 8)], view).toEqual(PNG_SIGNATURE);
      // IHDR: width and height, big-endian, at bytes 16 and 20
      const size = await svgSize(page, view);
      expect(bytes.readUInt32BE(16), view).toBe(2 * size.width);
      expect(bytes.readUInt32BE(20), view).toBe(2 * size.height);
    }
    const { bytes } = await download(page, page.getByTestId('export-burst-png'));
    // kept beside the screenshots, to look at
    await mkdir('e2e/output/screens', { recursive: true });
    await writeFile('e2e/output/screens/export-burst-2x.png', bytes);
  });

  test('the CSV holds the header and one numeric row per run and recorded step, for SGD and GD', async ({ page }) => {
    await openDone(page, QUERY);
    const { name, bytes } = await download(page, page.getByTestId('export-burst-csv'));
    expect(name).toMatch(/\.csv$/);
    const [header, ...rows] = bytes.toString('utf8').trimEnd().split('\n');
    expect(header).toBe('run,optimiser,step,loss,distance');
    const cells = rows.map((r) => r.split(','));
    const bad = cells.filter((c) => c.length !== 5 || !/^(sgd|gd)$/.test(c[1]) || ![c[0], c[2], c[3], c[4]].every(numeric));
    expect(bad.slice(0, 5).map((c) => c.join(','))).toEqual([]);
    const sgd = cells.filter((c) => c[1] === 'sgd');
    const gd = cells.filter((c) => c[1] === 'gd');
    expect(new Set(sgd.map((c) => c[0])).size).toBe(100);
    expect(new Set(gd.map((c) => c[0]))).toEqual(new Set(['0']));
    // every run has the same decimated steps, from 0 to the last step
    const steps = gd.map((c) => Number(c[2]));
    expect(sgd.length).toBe(100 * steps.length);
    expect(Math.max(...steps)).toBe(200);
    // what the page shows: SGD ends near 0 (distance ≈ 1 from x* = 1), GD stays at x* = 1
    expect(distancesAt(sgd, 200)).toHaveLength(100);
    expect(Math.min(...distancesAt(sgd, 200))).toBeGreaterThan(0.9);
    expect(distancesAt(gd, 200)).toHaveLength(1);
    expect(Math.max(...distancesAt(gd, 200))).toBeLessThan(1e-3);
  });

  test('the JSON parses, its checksum is the status line’s, and it equals what `npm run sim` prints for the link', async ({ page }) => {
    // while a run is going there is no summary to export yet
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=5&runs=20&steps=1000000&speed=200');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('export-diagram-json')).toBeDisabled();
    await expect(page.getByTestId('export-diagram-csv')).toBeEnabled();
    const q = `${QUERY}&lecture=1`;
    await openDone(page, q);
    // lecture mode: one Export button at the room's type size opens the formats
    await page.getByTestId('export-diagram-menu').click();
    await expect(page.getByTestId('export-diagram-json')).toBeEnabled();
    const { name, bytes } = await download(page, page.getByTestId('export-diagram-json'), 'enter');
    expect(name).toMatch(/\.json$/);
    const out = JSON.parse(bytes.toString('utf8')) as { runs: { sgd: { checksum: string } }; permalink: string };
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${out.runs.sgd.checksum}`);
    // `npm run sim` reads the page's whole link and prints its run specification: lecture mode shapes no number.
    expect(out).toEqual(JSON.parse(toJson(simulateConfig(runSpecOf(LINK.decode(q).config)))));
    expect(out.permalink).toBe(simulateQuery(QUERY).permalink);
    expect(out.permalink).not.toContain('lecture');
  });

  test('the buttons are reachable with the keyboard and name their view and format', async ({ page }) => {
    await openDone(page, QUERY);
    const svg = page.getByRole('button', { name: 'export the distance plot as SVG' });
    await expect(svg).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'export the diagram as PNG at 2×' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'export the landscape' })).toHaveCount(1);
    const { name } = await download(page, svg, 'enter');
    expect(name).toMatch(/^sgd-explorer-distance-.*\.svg$/);
    // space on a focused button presses it (and does not pause the run)
    await page.getByTestId('export-landscape-csv').focus();
    const wait = page.waitForEvent('download');
    await page.keyboard.press(' ');
    expect((await wait).suggestedFilename()).toMatch(/landscape.*\.csv$/);
  });

  test('a 2D view exports its contour map, and the buttons fit at 1920×1080 and in lecture mode', async ({ page }) => {
    const q = 'problem=circle&model=1&eta=8&B=1&sampling=with&runs=100&steps=20&radius=0.01';
    await openDone(page, q);
    const { bytes } = await download(page, page.getByTestId('export-landscape-svg'));
    const svg = await parseSvg(page, bytes.toString('utf8'));
    expect(svg.error).toBe(0);
    expect(svg.rendered).toBe(svg.width);
    for (const [mode, link] of [['1920x1080', q], ['lecture', `${q}&lecture=1`]] as const) {
      if (mode === 'lecture') await openDone(page, link);
      let checked = 0;
      for (const view of VIEWS) {
        // lecture mode shows the four pictures only
        if (!(await page.locator(`[data-panel=${view}]`).isVisible())) continue;
        checked++;
        // the buttons sit inside the panel's head, beside the title
        const head = (await page.locator(`[data-panel=${view}] .panel-head`).boundingBox())!;
        const group = (await page.getByRole('group', { name: /^export the / }).and(page.locator(`[data-panel=${view}] .export-buttons`)).boundingBox())!;
        const title = (await page.locator(`[data-panel=${view}] .panel-head h2`).boundingBox())!;
        expect(group.x + group.width, `${view} ${mode}`).toBeLessThanOrEqual(head.x + head.width);
        expect(group.y + group.height, `${view} ${mode}`).toBeLessThanOrEqual(head.y + head.height + 1);
        expect(title.x + title.width, `${view} ${mode}: the title is not covered`).toBeLessThanOrEqual(group.x);
      }
      expect(checked, mode).toBeGreaterThanOrEqual(4);
      await shoot(page, `export-buttons-${mode}`);
      await page.locator('[data-panel=diagram]').screenshot({ path: `e2e/output/screens/export-buttons-diagram-${mode}.png` });
    }
  });
});
