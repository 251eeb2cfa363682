import { checkTree } from './check-tree';
import { compileTape } from './compile-tape';
import type { FormulaError, LineError } from './formula-error';
import { checkFormulaList } from './formula-list';
import { parseFormula } from './parse-formula';
import { scanFormula } from './scan-formula';
import type { Tape } from './tape';

/** The components fᵢ of a custom problem, compiled. */
export interface CompiledFormulas {
  dim: 1 | 2;
  /** The formulas as typed (trimmed), one per component. */
  formulas: string[];
  tapes: Tape[];
}

export type CompileResult = { ok: true; compiled: CompiledFormulas } | { ok: false; errors: LineError[] };

/**
 * One formula through every gate, so a link can never run code: the lexical scan and
 * caps (before mathjs sees it), mathjs's parser, the tree whitelist, then our
 * tape compiler. Nothing is ever evaluated by mathjs or by `eval`.
 */
export function compileFormula(src: string, dim: 1 | 2): { tape: Tape } | { error: FormulaError } {
  const scanned = scanFormula(src);
  if ('error' in scanned) return scanned;
  const parsed = parseFormula(src);
  if ('error' in parsed) return parsed;
  const checked = checkTree(parsed.node, scanned.leaves);
  if ('error' in checked) return checked;
  return compileTape(checked.expr, dim);
}

/**
 * A whole list ('; ' or newline separated): 2D when any formula mentions y.
 * Every line is checked, so the editor can mark each broken line at once.
 */
export function compileFormulaList(text: string): CompileResult {
  const listed = checkFormulaList(text);
  if (!listed.ok) return listed;
  const lines = text.split(/[;\n]/);
  const errors: LineError[] = [];
  const tapes: Tape[] = [];
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    const r = compileFormula(line.replace(/\r$/, ''), listed.dim);
    if ('error' in r) errors.push({ line: k + 1, ...r.error });
    else tapes.push(r.tape);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, compiled: { dim: listed.dim, formulas: listed.formulas, tapes } };
}

/** What the lazy loader hands out (load-formula-compiler.ts). */
export const formulaCompiler = { compileFormula, compileFormulaList };
export type FormulaCompiler = typeof formulaCompiler;
