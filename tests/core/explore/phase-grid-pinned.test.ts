import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeStrict, phaseJobOf } from '../../../src/cli/phase';
import { phaseCell } from '../../../src/core/explore/phase-grid';
import { phaseGridOf } from '../../../src/core/explore/phase-spec';
import { buildProblem } from '../../../src/core/problems/build-problem';

/**
 * Phase grids recorded cell by cell before the cell loop was made faster (the toy
 * in both samplings and both generators, including the bench's 40 η × 40 B × 100 runs
 * × 200 steps at n = 40; `point`; a 2D quadratic sum): a faster loop must give these
 * counts exactly, on the kernel and on the TypeScript loop alike.
 */
interface Fixture {
  grids: { link: string; escaped: string }[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/phase-grid-counts.json', import.meta.url), 'utf8')) as Fixture;

describe('the phase grid keeps the counts recorded before its loop was made faster', () => {
  it.each(fixture.grids.map((g) => [g.link.replace(/b=[^&]*/, (b) => (b.length > 40 ? `${b.slice(0, 18)}…(n = ${b.split(',').length})` : b)), g] as const))('%s', async (_name, g) => {
    const job = phaseJobOf(await decodeStrict(g.link));
    const counts = Array.from({ length: job.name.units }, (_, c) => job.compute(c) as number);
    expect(counts.join(',')).toBe(g.escaped);
  }, 60_000);

  it('on the TypeScript loop too (every grid but the largest)', async () => {
    for (const g of fixture.grids.slice(1)) {
      const config = await decodeStrict(g.link);
      const grid = phaseGridOf(config);
      const { problem } = buildProblem(config);
      const counts = Array.from({ length: grid.etaCount * grid.batches.length }, (_, c) => phaseCell(problem, grid, c, 'typescript'));
      expect(counts.join(','), g.link).toBe(g.escaped);
    }
  }, 60_000);
});
