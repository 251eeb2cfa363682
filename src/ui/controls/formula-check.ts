import { describeLineError } from '../../core/formula/formula-error';
import { useEffect, useState } from 'react';
import { loadFormulaCompiler, loadedFormulaCompiler } from '../../core/formula/load-formula-compiler';
import { PARAMS } from '../../core/params/param-table';

/**
 * What is wrong with a typed formula list, and where (line and column as typed), or
 * null when it would run. The table's check is lexical; the compiler, loaded with
 * the custom problem, also parses. Used as the user types and again on commit, so a
 * broken line never replaces the last good problem.
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

/**
 * Load the formula compiler on the page (it is loaded in the worker anyway) when
 * `wanted`, and re-render once it is there, so the typed check can also parse.
 */
export function useFormulaCompiler(wanted: boolean): boolean {
  const [ready, setReady] = useState(() => loadedFormulaCompiler() !== null);
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    loadFormulaCompiler().then(
      () => live && setReady(true),
      () => undefined, // a failed chunk: the lexical check still runs, the worker reports the rest
    );
    return () => {
      live = false;
    };
  }, [wanted, ready]);
  return ready;
}
