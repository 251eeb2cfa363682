import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { phaseCell } from '../../src/core/explore/phase-grid';
import { selection } from '../../src/core/explore/selection';
import { loadFormulaCompiler } from '../../src/core/formula/load-formula-compiler';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { generatorOf } from '../../src/core/rng';
import { phaseGridOf } from '../../src/ui/explore/phase-spec';
import { simulateQuery } from '../../src/core/simulate';

/**
 * Checksums, phase-grid counts and a selection recorded with mulberry32 before
 * xoshiro128** became the generator of v = 2: a v = 1 link must keep them bit for bit.
 */
interface Fixture {
  runs: { link: string; sgd: string | null; gd: string | null; escaped: number | null }[];
  phase: { link: string; cells: [number, number][] }[];
  selections: { link: string; counts: number[]; checksum: string }[];
}
// The phase grid of a link is the phase view's own (phaseGridOf).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/rng-v1-links.json', import.meta.url), 'utf8')) as Fixture;


// Loading mathjs can take seconds on a busy machine.
beforeAll(async () => {
  await loadFormulaCompiler();
}, 60_000);

describe('v = 1 links reproduce the checksums recorded with mulberry32', () => {
  it.each(fixture.runs.map((r) => [r.link, r] as const))('%s', (_link, r) => {
    const out = simulateQuery(r.link);
    expect(out.config.v).toBe(1);
    expect(out.runs.sgd?.checksum ?? null).toBe(r.sgd);
    expect(out.runs.gd?.checksum ?? null).toBe(r.gd);
    expect(out.runs.sgd?.escaped ?? null).toBe(r.escaped);
  });

  it('the phase grid cells of v = 1 links', () => {
    for (const g of fixture.phase) {
      const { config } = decodeQuery(g.link);
      const { problem } = buildProblem(config);
      const spec = phaseGridOf(config);
      expect(spec.rng).toBe('mulberry32');
      for (const [cell, count] of g.cells) expect(phaseCell(problem, spec, cell)).toBe(count);
    }
  });

  it('the selection experiment of a v = 1 link', () => {
    for (const s of fixture.selections) {
      const { config } = decodeQuery(s.link);
      const { problem } = buildProblem(config);
      const spec = { eta: config.eta, B: config.B, sampling: config.sampling, seed: config.seed, runs: config.selruns, steps: config.steps, around: null, radius: config.selradius, settleRadius: 0.5, rng: generatorOf(config.v) };
      const r = selection(problem, spec, 'sgd');
      expect(r.counts).toEqual(s.counts);
      expect(r.checksum).toBe(s.checksum);
    }
  });

  it('the same links at v = 2 draw from xoshiro128** and give other runs', () => {
    const r = fixture.runs[0];
    const v2 = simulateQuery(r.link.replace('v=1', 'v=2'));
    expect(v2.config.v).toBe(2);
    expect(v2.runs.sgd!.checksum).not.toBe(r.sgd);
    // GD draws nothing but its start, which is drawn too.
    // A link without v is the newest version, which draws from xoshiro128** as v = 2 does.
    expect(simulateQuery('problem=toy&eta=0.7&B=1&seed=7').permalink).toMatch(/^v=3&/);
  });
});
