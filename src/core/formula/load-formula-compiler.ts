import type { FormulaCompiler } from './compile-formulas';

/*
 * Lazy loading: mathjs is large and only custom problems need it, so it stays
 * out of the first page load. Nothing outside src/core/formula imports mathjs;
 * this module only names the compiler's module in a dynamic import(), which
 * bundlers split into its own chunk. After the promise resolves, the compiler is also available
 * synchronously, which is what the sync core (buildProblem, simulateQuery,
 * the worker's start) uses.
 */
let loaded: FormulaCompiler | null = null;
let loading: Promise<FormulaCompiler> | null = null;

/** Load mathjs and the formula compiler once; later calls return the same promise. */
export function loadFormulaCompiler(): Promise<FormulaCompiler> {
  loading ??= import('./compile-formulas').then(
    (m) => (loaded = m.formulaCompiler),
    (e: unknown) => {
      loading = null; // a failed chunk load may be retried
      throw e;
    },
  );
  return loading;
}

/** The compiler if loadFormulaCompiler() has resolved, else null. */
export function loadedFormulaCompiler(): FormulaCompiler | null {
  return loaded;
}

/** Whether a permalink query asks for a custom problem (so the caller knows to load first). */
export function queryNeedsFormulaCompiler(query: string): boolean {
  return /(^|[?&])problem=custom(&|$)/.test(query);
}
