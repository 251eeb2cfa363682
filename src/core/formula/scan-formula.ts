import { formulaError, type FormulaError } from './formula-error';
import { isConstant, isFunctionName, isVariable, LIMITS, UNARY_FUNCTIONS, VARIADIC_FUNCTIONS } from './vocabulary';

/** A number or a name, in source order, with its 1-based column. */
export interface Leaf {
  column: number;
  text: string;
}

export interface Scanned {
  leaves: Leaf[];
  /** The formula mentions y: the problem is 2D. */
  usesY: boolean;
}

const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const PUNCTUATION = '+-*/^(),';
const FUNCTIONS = [...VARIADIC_FUNCTIONS, ...UNARY_FUNCTIONS].join(', ');

/** What a refused character means to mathjs, so the message names it. */
const MEANING: Readonly<Record<string, string>> = {
  '"': 'strings are not allowed',
  "'": 'strings and transposes are not allowed',
  '.': 'property access and element-wise operators are not allowed',
  '[': 'arrays and indexing are not allowed',
  ']': 'arrays and indexing are not allowed',
  '{': 'objects are not allowed',
  '}': 'objects are not allowed',
  '=': 'assignments and comparisons are not allowed',
  '?': 'conditionals are not allowed',
  ':': 'ranges and conditionals are not allowed',
  ';': 'one formula per line',
  '!': 'factorials are not allowed',
  '%': 'mod and percentages are not allowed',
  '#': 'comments are not allowed',
  '&': 'bitwise operators are not allowed',
  '|': 'bitwise operators are not allowed',
  '<': 'comparisons are not allowed',
  '>': 'comparisons are not allowed',
  '~': 'bitwise operators are not allowed',
  '@': 'this character is not allowed',
  $: 'this character is not allowed',
  '\\': 'this character is not allowed',
  '`': 'this character is not allowed',
};

/**
 * The lexical half of the whitelist, needing no mathjs: length cap, allowed
 * characters and allowed names. It runs before anything
 * is parsed, so a hostile link is refused with its position without loading
 * mathjs at all; the tree whitelist (check-tree.ts) checks again after parsing.
 */
export function scanFormula(src: string): Scanned | { error: FormulaError } {
  if (src.length > LIMITS.formulaLength) return { error: formulaError(LIMITS.formulaLength + 1, `formula is ${src.length} characters long (at most ${LIMITS.formulaLength})`) };
  const leaves: Leaf[] = [];
  let usesY = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const column = i + 1;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      leaves.push({ column, text: num[0] });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const text = name[0];
      if (!isVariable(text) && !isConstant(text) && !isFunctionName(text)) {
        const call = /^\s*\(/.test(src.slice(i + text.length));
        return { error: formulaError(column, call ? `unknown function "${text}" (allowed: ${FUNCTIONS})` : `unknown name "${text}" (allowed: x, y, pi, e)`) };
      }
      if (text === 'y') usesY = true;
      leaves.push({ column, text });
      i += text.length;
      continue;
    }
    if (PUNCTUATION.includes(ch)) {
      i++;
      continue;
    }
    return { error: formulaError(column, `"${ch}": ${MEANING[ch] ?? 'this character is not allowed'}`) };
  }
  if (leaves.length === 0) return { error: formulaError(1, 'empty formula') };
  return { leaves, usesY };
}
