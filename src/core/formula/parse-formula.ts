import { create, parseDependencies, type MathNode } from 'mathjs/number';
import { formulaError, type FormulaError } from './formula-error';

/**
 * mathjs's parser and nothing else: a private instance holding only `parse`
 * (no evaluate, no import, no config exposed to any formula), built from the
 * number-only entry, which is the smallest bundle. We never
 * evaluate what it returns: the tree is whitelisted (check-tree.ts) and
 * compiled to our own tape. This is the only file that imports mathjs at run
 * time; it is loaded lazily (load-formula-compiler.ts).
 */
const math = create({ parseDependencies });

export function parseFormula(src: string): { node: MathNode } | { error: FormulaError } {
  try {
    return { node: math.parse(src) };
  } catch (e) {
    const char = (e as { char?: unknown }).char;
    const column = typeof char === 'number' && char >= 1 ? char : 1;
    const message = e instanceof Error ? e.message.replace(/\s*\(char \d+\)\s*$/, '') : 'cannot parse';
    return { error: formulaError(column, message.charAt(0).toLowerCase() + message.slice(1)) };
  }
}
