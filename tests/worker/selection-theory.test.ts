import { describe, expect, it } from 'vitest';
import { batchAxis, type PhaseGridSpec } from '../../src/core/explore/phase-grid';
import { decodeQuery } from '../../src/core/params/query';
import { buildProblem } from '../../src/core/problems/build-problem';
import { theoryOfMinima } from '../../src/core/simulate';
import { atlasAt, firstCrossing, phaseBoundaries } from '../../src/worker/selection-theory';

describe('atlasAt(problem, η, B, sampling): the minima atlas', () => {
  it('gives every minimum the verdicts of analyseMinimum, for several η and B', () => {
    for (const query of ['problem=styblinski&d=3&n=30&pseed=4', 'problem=toy', 'problem=random&d=2&n=12', 'problem=circle&model=1']) {
      const { config } = decodeQuery(query);
      const { problem } = buildProblem(config);
      for (const eta of [0.02, 0.3, 0.7]) {
        for (const B of [1, 2]) {
          for (const sampling of ['without', 'with'] as const) {
            const atlas = atlasAt(problem, eta, B, sampling);
            const full = theoryOfMinima(problem, { ...config, eta, B, sampling });
            expect(Array.from(atlas.stableSGD), `${query} η=${eta} B=${B} ${sampling}`).toEqual(full.map((m) => (m.stableSGD ? 1 : 0)));
            expect(Array.from(atlas.stableGD)).toEqual(full.map((m) => (m.stableGD ? 1 : 0)));
            expect(atlas.points.map((p) => p.a)).toEqual(full.map((m) => m.sharpness));
          }
        }
      }
    }
  });

  it('counts a saddle (an indefinite H) stable for neither GD nor SGD, as analyseMinimum does', () => {
    const { config } = decodeQuery('problem=quadratic&H=2,0,-0.5;3,0,-0.2');
    const { problem } = buildProblem(config);
    const atlas = atlasAt(problem, 0.1, 1, 'without');
    const full = theoryOfMinima(problem, { ...config, eta: 0.1, B: 1 });
    expect(full[0].saddle).toBe(true);
    expect(Array.from(atlas.stableGD)).toEqual([0]);
    expect(Array.from(atlas.stableSGD)).toEqual([0]);
  });

  it('counts 256 of 1024 Styblinski–Tang minima (d = 10) stable for SGD B = 1 at η = 0.03, and all 1024 for GD', () => {
    const { problem } = buildProblem(decodeQuery('problem=styblinski&d=10&n=200').config);
    const atlas = atlasAt(problem, 0.03, 1, 'without');
    const sum = (u: Uint8Array) => u.reduce((a, b) => a + b, 0);
    expect([sum(atlas.stableSGD), sum(atlas.stableGD), atlas.points.length]).toEqual([256, 1024, 1024]);
  });
});

describe('phaseBoundaries(problem, grid): the theory lines of the phase diagram', () => {
  const { problem } = buildProblem(decodeQuery('problem=toy').config);
  const grid: PhaseGridSpec = { etaMin: 0.4, etaMax: 1.2, etaCount: 30, batches: batchAxis(2, 40), runs: 10, steps: 10, sampling: 'without', seed: 1, start: 1, radius: 1e-3, escape: 0.5 };
  const b = phaseBoundaries(problem, grid);

  it('puts ρ(𝒯) = 1 at η = 2a/(a² + s²) on the toy at x* = 1 (B = 1, c = 1)', () => {
    expect(b.rho[0]).toBeCloseTo((2 * 2) / (4 + 1.8 * 1.8), 3);
  });

  it('puts Λ = 0 after ρ = 1, at η ≈ 0.5595 (docs/theory.md#mean-square-and-almost-sure-stability)', () => {
    expect(b.lyapunov[0]).toBeCloseTo(0.5595, 3);
    expect(b.lyapunov[0]!).toBeGreaterThan(b.rho[0]!);
  });

  it('puts the rectangle top at η = 1/(s√c) and GD’s edge at 2/a; in GD’s row (B = n, c = 0) ρ = 1 and Λ = 0 fall on 2/a and there is no top', () => {
    expect(b.rectangle[0]).toBeCloseTo(1 / 1.8, 12);
    expect(b.gd).toBe(1);
    expect(b.rho[1]).toBeCloseTo(1, 4);
    expect(b.lyapunov[1]).toBeCloseTo(1, 4);
    expect(b.rectangle[1]).toBeNull();
  });

  it('firstCrossing interpolates in ln η and is null when nothing crosses', () => {
    expect(firstCrossing([1, 4], [-1, 1])).toBeCloseTo(2, 12);
    expect(firstCrossing([1, 2, 3], [-1, -1, -1])).toBeNull();
    expect(firstCrossing([1, 2], [1, 2])).toBeNull();
  });
});
