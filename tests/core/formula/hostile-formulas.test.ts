import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTree } from '../../../src/core/formula/check-tree';
import { compileFormula, compileFormulaList } from '../../../src/core/formula/compile-formulas';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { parseFormula } from '../../../src/core/formula/parse-formula';
import { decodeQuery } from '../../../src/core/params/query';
import { simulateQuery } from '../../../src/core/simulate';

const canary = globalThis as { __pwned?: unknown };
const SET = 'globalThis.__pwned = 1';

/**
 * Payloads from the mathjs security advisories (function constructors reached
 * through properties, CVE-2017-1001002/1001003), names reachable in mathjs 15.2 (config
 * and typed), and the usual shapes of abuse.
 */
const HOSTILE = [
  `cos.constructor("${SET}")()`,
  `sqrt.constructor("${SET}")()`,
  `[].map.constructor("${SET}")()`,
  `[1,2]["constructor"]["constructor"]("${SET}")()`,
  `f = cos.constructor; f("${SET}")()`,
  `(x) = cos.constructor("${SET}")`,
  `f(x) = x; f.constructor("${SET}")()`,
  `config({number:"BigNumber"})`,
  `config({number: "Fraction"})`,
  `import({}, {override: true})`,
  `import({cos: 1}, {override: true})`,
  `createUnit("x")`,
  `evaluate("1")`,
  `evaluate("${SET}")`,
  `parse("1")`,
  `compile("1")`,
  `simplify("x")`,
  `derivative("x^2", "x")`,
  `typed("f", {"number": x})`,
  `typed({"number": x})`,
  `chain(1).constructor`,
  `x.constructor`,
  `x["constructor"]`,
  `pi.__proto__`,
  `e.toString()`,
  `"a".constructor`,
  `'a'.constructor`,
  `"\\u0063onstructor"`,
  `sin(x)["constructor"]`,
  `{a: x}`,
  `[x, x]`,
  `x ? 1 : 2`,
  `1:3`,
  `x == 1`,
  `x < 1`,
  `x'`,
  `5!`,
  `x mod 2`,
  `x % 2`,
  `x and y`,
  `not x`,
  `2 cm`,
  `x to cm`,
  `x; 1`,
  `x = 1`,
  `X`,
  `Infinity`,
  `NaN`,
  `1e400`,
  `0x10`,
  `9^9^9^9^9`,
  `x^9^9^9`,
  `log(-1)`,
  `(-2)^x`,
  `x^`,
  `min(x`,
  `sin()`,
  `sin(x, y)`,
  `min`,
  `x(2)`,
  `π*x`,
  'x'.repeat(501),
  'x+'.repeat(500_000),
];

describe('hostile formulas are refused by name and run nothing', () => {
  beforeAll(async () => {
    await loadFormulaCompiler();
    delete canary.__pwned;
  });
  afterAll(() => {
    expect(canary.__pwned).toBeUndefined();
  });

  it.each(HOSTILE.map((s) => [s.length > 60 ? `${s.slice(0, 40)}… (${s.length} chars)` : s, s]))('refuses %s with a message, and it runs nothing', (_name, src) => {
    const r = compileFormula(src, 2);
    expect('error' in r).toBe(true);
    if ('error' in r) {
      expect(r.error.message.length).toBeGreaterThan(3);
      expect(r.error.column).toBeGreaterThanOrEqual(1);
    }
    expect(canary.__pwned).toBeUndefined();
  });

  it('refuses every payload mathjs can parse in the tree whitelist too, without the lexical scan in front', () => {
    let parsed = 0;
    for (const src of HOSTILE) {
      if (src.length > 500) continue;
      const p = parseFormula(src);
      if ('error' in p) continue;
      parsed++;
      const t = checkTree(p.node);
      // Constants like 9^9^9^9^9 and log(−1) pass the tree and are refused when folded (compile-tape.ts);
      // 0x10 is the number 16 to mathjs (the lexical scan refuses it as an unknown name).
      if (!('error' in t)) expect(['9^9^9^9^9', 'x^9^9^9', 'log(-1)', '(-2)^x', '0x10'], src).toContain(src);
      else expect(t.error.message).toMatch(/not allowed|unknown|is a function|argument/);
    }
    expect(parsed).toBeGreaterThan(35);
    expect(canary.__pwned).toBeUndefined();
  });

  it('names the node type or the name it refuses', () => {
    const message = (src: string) => {
      const p = parseFormula(src);
      if ('error' in p) return p.error.message;
      const t = checkTree(p.node);
      return 'error' in t ? t.error.message : '';
    };
    expect(message('x.constructor')).toMatch(/AccessorNode/);
    expect(message('[1,2]')).toMatch(/ArrayNode/);
    expect(message('{a: 1}')).toMatch(/ObjectNode/);
    expect(message('x = 1')).toMatch(/AssignmentNode/);
    expect(message('f(x) = x')).toMatch(/FunctionAssignmentNode/);
    expect(message('x ? 1 : 2')).toMatch(/ConditionalNode/);
    expect(message('1:3')).toMatch(/RangeNode/);
    expect(message('x; 1')).toMatch(/BlockNode/);
    expect(message('config({number:"BigNumber"})')).toBe('unknown function "config"');
    expect(message('typed("f", {"number": x})')).toBe('unknown function "typed"');
    expect(message('"a"')).toBe('strings are not allowed');
    expect(message('x mod 2')).toBe('the operator "mod" (mod) is not allowed');
  });

  it('says where, like a graphing calculator: f line 2, column 7: unknown function "config"', () => {
    const d = decodeQuery(`problem=custom&f=${encodeURIComponent('x^2;2*x + config({number:"BigNumber"})')}`);
    expect(d.issues.map((i) => i.key)).toEqual(['f']);
    expect(d.issues[0].message.startsWith('f line 2, column 7: unknown function "config"')).toBe(true);
    const r = compileFormulaList('x^2\nx + \n9^9^9^9^9');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.line, e.column])).toEqual([[2, 5], [3, 5]]) // the end of "x + ", and the 9^9^9 that overflows;
  });

  it('refuses a 10⁶-character link value before parsing anything, naming f', () => {
    const huge = 'x'.repeat(1_000_000);
    const r = compileFormulaList(huge);
    expect(r.ok).toBe(false);
    const d = decodeQuery(`problem=custom&f=${huge}`);
    expect(d.issues.map((i) => i.key)).toEqual(['f']);
  });

  it('caps the number of formulas at 100', () => {
    const r = compileFormulaList(Array(101).fill('x^2').join(';'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/at most 100/);
  });

  it('decodes a hostile link into a named issue and builds only the default formulas', () => {
    const out = simulateQuery(`problem=custom&steps=5&runs=2&f=${encodeURIComponent(`cos.constructor("${SET}")()`)}`);
    expect(out.issues.map((i) => i.key)).toEqual(['f']);
    expect(out.problem.notes[0]).toContain('min(x^2,0.1*(x-1)^2)');
    expect(canary.__pwned).toBeUndefined();
  });

  it('leaves mathjs configured as it was: a parsed config(...) never runs', () => {
    compileFormula('config({number:"BigNumber"})', 1);
    const p = parseFormula('0.1');
    expect('node' in p && typeof (p.node as unknown as { value: unknown }).value).toBe('number');
  });
});
