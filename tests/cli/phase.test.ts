import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/cli/job';
import { phaseJob } from '../../src/cli/phase';
import { decodeQuery } from '../../src/core/params/query';
import { phaseGridOf, problemQueryOf } from '../../src/ui/explore/phase-spec';
import { phaseApi } from '../../src/worker/phase-api';
import { selectionApi } from '../../src/worker/selection-api';

/** What the page's phase view sends its workers for a link, and what they answer. */
async function pageGrid(link: string) {
  const config = decodeQuery(link).config;
  const grid = phaseGridOf(config);
  const cells = Int32Array.from({ length: grid.etaCount * grid.batches.length }, (_, c) => c);
  const escaped = await phaseApi.cells(problemQueryOf(config), grid, cells);
  const boundaries = await selectionApi.boundaries(problemQueryOf(config), grid);
  return { grid, escaped: Array.from(escaped), boundaries };
}

describe('npm run sim -- --phase', () => {
  // The toy's band (partial escapes), a 1D sum with sampling with replacement, and a 2D problem (the engine's general loop).
  for (const link of [
    'problem=toy&grid=5&cellruns=30&steps=200&etamin=0.4&etamax=0.8&radius=0.01&escape=0.3&seed=3',
    'problem=point&a=2&s=1.5&n=9&sampling=with&grid=4&cellruns=20&steps=150&etamin=0.1&etamax=2&seed=5',
    'problem=quadratic&grid=3&cellruns=10&steps=100&etamin=0.05&etamax=2',
  ]) {
    it(`gives the page's workers' grid, counts and theory lines for ${link.split('&')[0]}`, async () => {
      const page = await pageGrid(link);
      const out = JSON.parse(runJob(await phaseJob(link), null));
      expect(out.grid).toEqual(JSON.parse(JSON.stringify(page.grid)));
      expect(out.cells.map((c: { escaped: number }) => c.escaped)).toEqual(page.escaped);
      expect(out.boundaries).toEqual(JSON.parse(JSON.stringify(page.boundaries)));
      expect(out.cells[page.grid.etaCount]).toMatchObject({ cell: page.grid.etaCount, B: page.grid.batches[1], eta: out.etas[0] });
      // Not a degenerate grid: some cells escape and some do not.
      expect(page.escaped.some((v) => v > 0)).toBe(true);
      expect(page.escaped.some((v) => v < page.grid.runs)).toBe(true);
    });
  }

  it('refuses a bad link, naming the key, and a grid with no minimum to start from', async () => {
    await expect(phaseJob('problem=toy&grid=1')).rejects.toThrow('grid must be a whole number from 2 to 80, got "1"');
    await expect(phaseJob('problem=toy&start=7')).rejects.toThrow('start must be below 2 (the number of minima listed), got 7');
  });

  it('does not refuse a link whose B is larger than n: the grid sets B itself', async () => {
    const out = JSON.parse(runJob(await phaseJob('problem=toy&B=9&grid=2&cellruns=2&steps=5'), null));
    expect(out.grid.batches).toEqual([1, 2]);
  });
});
