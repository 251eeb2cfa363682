import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../../src/core/params/param-table';
import { decodeQuery, defaultConfig } from '../../../src/core/params/query';
import { buildProblemAsync } from '../../../src/core/problems/build-problem';
import { componentCount } from '../../../src/core/problems/component-count';

describe('the component count the page uses for the rectangle', () => {
  it.each(PROBLEMS)('equals the built problem’s n for %s at its defaults', async (problem) => {
    const config = defaultConfig(problem);
    const { problem: built } = await buildProblemAsync(config);
    expect(componentCount(config)).toBe(built.n);
  });

  it.each([
    'problem=toy&b=1,2,3,4,5',
    'problem=quadratic&H=1;2;3;4',
    'problem=point&n=37',
    'problem=styblinski&d=3&n=17',
    'problem=features&n=300',
    'problem=custom&f=x^2;(x-1)^2;min(x^2,(x-2)^2)',
  ])('equals the built problem’s n for %s', async (query) => {
    const { config } = decodeQuery(query);
    const { problem: built } = await buildProblemAsync(config);
    expect(componentCount(config)).toBe(built.n);
  });
});
