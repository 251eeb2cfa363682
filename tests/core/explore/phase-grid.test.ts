import { describe, expect, it } from 'vitest';
import { SgdRun } from '../../../src/core/engine/sgd-run';
import { perturbedStart } from '../../../src/core/engine/start-point';
import { batchAxis, cellCount, coarseToFine, etaAt, phaseCell, type PhaseGridSpec } from '../../../src/core/explore/phase-grid';
import type { Problem } from '../../../src/core/problems/problem';
import { cellStream } from '../../../src/core/rng';
import { pointProblem } from '../../../src/core/problems/point';
import { ToyProblem } from '../../../src/core/problems/toy';

const toy = new ToyProblem([0.1, 1.9]);
const spec = (over: Partial<PhaseGridSpec> = {}): PhaseGridSpec => ({
  etaMin: 0.1,
  etaMax: 2,
  etaCount: 12,
  batches: [1, 2],
  runs: 100,
  steps: 200,
  sampling: 'without',
  seed: 3,
  start: 1,
  radius: 1e-3,
  escape: 0.5,
  ...over,
});

/** A cell computed run by run through the engine's SgdRun, stepped in slices as the live view does. */
function referenceCell(problem: Problem, s: PhaseGridSpec, cell: number): number {
  const eta = etaAt(s, cell % s.etaCount);
  const B = s.batches[Math.floor(cell / s.etaCount)];
  const center = problem.minima[s.start].x;
  let escaped = 0;
  for (let r = 0; r < s.runs; r++) {
    const { seed, runIndex, rng } = cellStream(s.rng, s.seed, cell, s.runs, r);
    const run = new SgdRun(problem, { opt: 'sgd', eta, B, sampling: s.sampling, center, escapeRadius: s.escape, historyBudget: 0, seed, runIndex, rng }, perturbedStart(center, s.radius, seed, runIndex, rng));
    while (run.t < s.steps && run.escapeStep < 0 && run.divergedStep < 0) run.advance(Math.min(7, s.steps - run.t));
    if (run.escapeStep >= 0 || run.divergedStep >= 0) escaped++;
  }
  return escaped;
}

describe('the escape phase diagram over (η, B)', () => {
  it("counts what the engine's runs give, cell for cell, in every batch mode of a 1D problem", () => {
    const toy8 = new ToyProblem([0.1, 1.9, 0.3, 1.7, 0.1, 1.9, 0.5, 1.5]);
    const point = pointProblem(2, 1.5, 9).problem;
    for (const [problem, start] of [
      [toy8, 1],
      [point, 0],
    ] as const) {
      for (const [sampling, rng] of [['with', 'xoshiro128**'], ['without', 'xoshiro128**'], ['without', 'mulberry32']] as const) {
        // B from 1 (one uniform index) through partial batches to n (the full gradient without replacement);
        // a start radius above the escape radius for some cells (escaped at t = 0); both generators of the links.
        for (const radius of [1e-3, 0.6]) {
          const s = spec({ etaMin: 0.05, etaMax: 3, etaCount: 7, batches: batchAxis(problem.n, 5), runs: 12, steps: 120, sampling, start, radius, rng });
          const fast = Array.from({ length: cellCount(s) }, (_, c) => phaseCell(problem, s, c));
          const ref = Array.from({ length: cellCount(s) }, (_, c) => referenceCell(problem, s, c));
          expect(fast).toEqual(ref);
          expect(fast.some((v) => v > 0 && v < s.runs) || fast.some((v) => v === 0)).toBe(true);
        }
      }
    }
  });

  it('escapes 0 of 100 runs in a 1D cell far inside the stable region', () => {
    expect(phaseCell(toy, spec({ etaMin: 0.1, etaCount: 1 }), 0)).toBe(0);
  });

  it('escapes 100 of 100 runs in a cell far outside it', () => {
    expect(phaseCell(toy, spec({ etaMin: 1.5, etaCount: 1 }), 0)).toBe(100);
  });

  it('is the same grid whether one worker computes it or two split the cells', () => {
    const { problem } = pointProblem(2, 1.5, 8);
    const s = spec({ batches: batchAxis(8, 8), etaCount: 6, runs: 20, steps: 100, start: 0 });
    const one = Array.from({ length: cellCount(s) }, (_, c) => phaseCell(problem, s, c));
    const order = coarseToFine(s);
    const two = new Array<number>(cellCount(s));
    for (const part of [order.filter((_, i) => i % 2 === 0), order.filter((_, i) => i % 2 === 1)]) for (const c of part) two[c] = phaseCell(problem, s, c);
    expect(two).toEqual(one);
  });

  it('visits every cell once, coarse cells first', () => {
    const s = spec({ etaCount: 40, batches: batchAxis(1000, 40) });
    const order = coarseToFine(s);
    expect(new Set(order).size).toBe(cellCount(s));
    expect(order.slice(0, 25).every((c) => (c % 40) % 8 === 0 && Math.floor(c / 40) % 8 === 0)).toBe(true);
  });

  it('spaces η logarithmically and B over distinct integers 1..n', () => {
    const s = spec({ etaMin: 0.01, etaMax: 100, etaCount: 5 });
    expect([0, 1, 2, 3, 4].map((i) => etaAt(s, i))).toEqual([0.01, 0.1, 1, 10, 100].map((v, i) => expect.closeTo(v, 12 - i)));
    const axis = batchAxis(1000, 40);
    expect(axis[0]).toBe(1);
    expect(axis.at(-1)).toBe(1000);
    expect(new Set(axis).size).toBe(axis.length);
  });
});
