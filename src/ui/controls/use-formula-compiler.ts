import { useEffect, useState } from 'react';
import { loadFormulaCompiler, loadedFormulaCompiler } from '../../core/formula/load-formula-compiler';

/**
 * Load the formula compiler on the page (it is loaded in the worker anyway) when
 * `wanted`, and re-render once it is there, so the typed check
 * (`core/params/formula-check.ts`) can also parse.
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
