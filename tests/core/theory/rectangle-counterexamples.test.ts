import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { theoryOfMinima } from '../../../src/core/simulate';

/** The two examples of docs/theory.md#the-rectangle-in-higher-dimensions. */
function theoryAt(query: string) {
  const { problem, config } = buildProblem(decodeQuery(query).config);
  return theoryOfMinima(problem, config)[0];
}

describe('the rectangle in d > 1 (docs/theory.md#the-rectangle-in-higher-dimensions)', () => {
  it('is not sufficient: a minimum inside it with ρ(𝒯) > 1', () => {
    const m = theoryAt('problem=quadratic&H=0.8,1.7,4.3;4.5,1,0.8&eta=0.5&B=1');
    expect(m.inRectangle).toBe(true);
    expect(m.spectralRadius).toBeCloseTo(1.479, 3);
    expect(m.stableSGD).toBe(false);
  });

  it('is not necessary: a minimum outside it (s > 1/(η√c), Theorem 1 > 1) with ρ(𝒯) < 1', () => {
    const m = theoryAt('problem=quadratic&H=0,0,2;3,-2,2;4,2,1&eta=0.45&B=1');
    expect(m.c).toBe(1);
    expect(m.nonUniformity).toBeCloseTo(2.357, 3);
    expect(m.nonUniformity).toBeGreaterThan(1 / 0.45);
    expect(m.inRectangle).toBe(false);
    expect(m.theorem1).toBeCloseTo(1.1275, 4);
    expect(m.spectralRadius).toBeCloseTo(0.945, 3);
    expect(m.stableSGD).toBe(true);
  });
});
