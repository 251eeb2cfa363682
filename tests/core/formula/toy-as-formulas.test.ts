import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { simulateQuery } from '../../../src/core/simulate';

const TOY_FORMULAS = 'min(x^2, 0.1*(x-1)^2); min(x^2, 1.9*(x-1)^2)';
const shared = 'start=1&escape=0.5&runs=50&steps=300&hist=16';

describe("Wu's toy typed as formulas", () => {
  beforeAll(() => loadFormulaCompiler());

  for (const [eta, B, sampling, seed] of [
    [0.7, 1, 'without', 1],
    [0.55, 1, 'with', 42],
    [0.9, 2, 'without', 7],
  ] as const) {
    it(`gives the built-in toy's minima, a, s, ρ and SGD checksum at η = ${eta}, B = ${B}, ${sampling}, seed ${seed}`, () => {
      const common = `eta=${eta}&B=${B}&sampling=${sampling}&seed=${seed}&${shared}`;
      const custom = simulateQuery(`problem=custom&f=${encodeURIComponent(TOY_FORMULAS)}&${common}`);
      const toy = simulateQuery(`problem=toy&${common}`);
      expect(custom.issues).toEqual([]);
      expect(custom.minima.map((m) => [m.label, m.x, m.fixedPoint])).toEqual(toy.minima.map((m) => [m.label, m.x, m.fixedPoint]));
      custom.minima.forEach((m, k) => {
        expect(m.sharpness).toBeCloseTo(toy.minima[k].sharpness, 12);
        expect(m.nonUniformity).toBeCloseTo(toy.minima[k].nonUniformity, 12);
        expect(m.spectralRadius).toBeCloseTo(toy.minima[k].spectralRadius, 12);
      });
      expect(custom.runs.sgd?.checksum).toBe(toy.runs.sgd?.checksum);
      expect(custom.runs.gd?.checksum).toBe(toy.runs.gd?.checksum);
    });
  }

  it('is what problem=custom means without f', () => {
    const out = simulateQuery('problem=custom&steps=10&runs=2');
    expect(out.minima.map((m) => m.label)).toEqual(['x* = 0', 'x* = 1']);
    expect(out.minima[1].sharpness).toBeCloseTo(2, 12);
    expect(out.minima[1].nonUniformity).toBeCloseTo(1.8, 12);
  });
});
