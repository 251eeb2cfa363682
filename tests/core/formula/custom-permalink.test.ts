import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormulaCompiler, queryNeedsFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { PARAMS } from '../../../src/core/params/param-table';
import { decodeQuery, defaultConfig, encodeQuery } from '../../../src/core/params/query';
import { buildProblem, buildProblemAsync } from '../../../src/core/problems/build-problem';

describe('custom problems in permalinks', () => {
  beforeAll(() => loadFormulaCompiler());

  it('encodes formulas readably: ; , ^ * ( ) stay as typed, spaces around operators are dropped', () => {
    const config = { ...defaultConfig('custom'), f: 'min(x^2, 3 * (x - 1)^2); x^2 / 2' };
    expect(encodeQuery(config)).toBe('v=3&problem=custom&eta=0.7&B=1&seed=1&f=min(x^2,3*(x-1)^2);x^2/2');
  });

  it('round-trips + and the spaces that matter: x + 1 stays x+1 (%2B), x y stays x·y, 2e -1 stays 2·e − 1', () => {
    const config = { ...defaultConfig('custom'), f: 'x + 1; x y + 2e -1; exp(-x)' };
    const q = encodeQuery(config);
    expect(q).toContain('f=x%2B1;x%20y%2B2e%20-1;exp(-x)');
    const back = decodeQuery(q);
    expect(back.issues).toEqual([]);
    expect(back.config.f).toBe('x+1;x y+2e -1;exp(-x)');
    expect(encodeQuery(back.config)).toBe(q);
    // A literal + in a hand-typed link is a plus, not a space.
    expect(decodeQuery('problem=custom&f=x+1').config.f).toBe('x+1');
  });

  it('carries weights, a box and pinned minima, and leaves them out at their defaults', () => {
    const q = 'v=1&problem=custom&eta=0.7&B=1&seed=1&f=x^2;(x-1)^2&p=1,3&box=-2,3&pin=0.75';
    const d = decodeQuery(q);
    expect(d.issues).toEqual([]);
    expect([d.config.p, d.config.box, d.config.pin]).toEqual([[1, 3], [-2, 3], '0.75']);
    expect(encodeQuery(d.config)).toBe(q);
    expect(encodeQuery(defaultConfig('custom'))).toBe('v=3&problem=custom&eta=0.7&B=1&seed=1');
  });

  it('names bad values: a box with lo ≥ hi, pins of mixed dimension, custom keys on another problem', () => {
    const d = decodeQuery('problem=custom&box=3,1&pin=1;2,3');
    expect(d.issues.map((i) => i.key)).toEqual(['box', 'pin']);
    expect(decodeQuery('problem=toy&f=x^2').issues[0].message).toBe('f applies only to custom; ignored for toy');
  });

  it('checks what needs the formulas when building: one weight per formula, a box and pins of the right dimension', () => {
    const { config, issues, problem } = buildProblem(decodeQuery('problem=custom&f=x^2+y^2;(x-1)^2+y^2&p=1,2,3&box=-1,1&pin=0.5').config);
    expect(problem.dim).toBe(2);
    expect(issues.map((i) => i.key)).toEqual(['p', 'box', 'pin']);
    expect([config.p, config.box, config.pin]).toEqual([[], [], '']);
  });

  it('builds nothing from formulas that do not compile: a named issue, and the default formulas instead', () => {
    const { config, issues } = buildProblem({ ...defaultConfig('custom'), f: 'x^2;min(x' });
    expect(issues).toEqual([{ key: 'f', message: 'f line 2, column 6: parenthesis ) expected; used the default formulas' }]);
    expect(config.f).toBe(PARAMS.f.default);
  });

  it('knows from the raw query whether mathjs is needed, and buildProblemAsync loads it', async () => {
    expect(queryNeedsFormulaCompiler('v=1&problem=custom&f=x^2')).toBe(true);
    expect(queryNeedsFormulaCompiler('problem=customs')).toBe(false);
    expect(queryNeedsFormulaCompiler('problem=toy')).toBe(false);
    const r = await buildProblemAsync(decodeQuery('problem=custom&f=(x-2)^2').config);
    expect(r.problem.minima.map((m) => m.label)).toEqual(['x* = 2']);
  });
});
