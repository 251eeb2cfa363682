import { describeLineError } from '../formula/formula-error';
import { loadedFormulaCompiler } from '../formula/load-formula-compiler';
import { PARAMS } from './param-table';

/**
 * What is wrong with a typed formula list, and where (line and column as typed), or
 * null when it would run. The table's check is lexical; the compiler, once loaded
 * (it is loaded with the custom problem), also parses. Used as the user types and
 * again on commit, so a broken line never replaces the last good problem.
 */
export function formulaListError(text: string): string | null {
  const lexical = PARAMS.f.parse(text);
  return lexical.ok ? formulaCompileError(text) : lexical.reason;
}

/** The parse errors of a list that already passed the table's lexical check (null if none, or if the compiler is not loaded yet). */
export function formulaCompileError(text: string): string | null {
  const compiled = loadedFormulaCompiler()?.compileFormulaList(text);
  return compiled && !compiled.ok ? compiled.errors.map((e) => describeLineError(e)).join('; ') : null;
}
