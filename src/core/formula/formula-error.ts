/** Why a formula was refused, and where: a 1-based column in its line, like a graphing calculator. */
export interface FormulaError {
  column: number;
  message: string;
}

/** A refused formula of a list: its 1-based line as well. */
export interface LineError extends FormulaError {
  line: number;
}

export const formulaError = (column: number, message: string): FormulaError => ({ column, message });

/** "f line 2, column 7: unknown function "config"" — the text of a permalink issue. */
export function describeLineError(e: LineError, key = 'f'): string {
  return `${key} line ${e.line}, column ${e.column}: ${e.message}`;
}
