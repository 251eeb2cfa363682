import type { LineError } from './formula-error';
import { scanFormula } from './scan-formula';
import { LIMITS, MAX_LIST_LENGTH } from './vocabulary';

/**
 * The formulas of a custom problem as they travel: one per line in the editor,
 * separated by ';' in a link (where a newline would need escaping).
 */
export function splitFormulas(text: string): string[] {
  return text.split(/[;\n]/).map((s) => s.trim());
}

const PUNCTUATION = '+-*/^(),';

/**
 * The canonical, readable form of one formula: trimmed, without the spaces
 * next to operators, parentheses and commas that a link would spell %20.
 * Spaces between two names or numbers are kept ("x y" is x·y; "xy" would be
 * an unknown name), and so is the one in "2e -1" (2·e − 1, not 0.2).
 */
export function canonicalFormula(src: string): string {
  const s = src.trim();
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (!/\s/.test(s[i])) {
      out += s[i++];
      continue;
    }
    let j = i;
    while (j < s.length && /\s/.test(s[j])) j++;
    const prev = out[out.length - 1];
    const next = s[j];
    const exponentLike = /[0-9.][eE]$/.test(out) && (next === '+' || next === '-');
    if (exponentLike || !(PUNCTUATION.includes(prev) || PUNCTUATION.includes(next))) out += ' ';
    i = j;
  }
  return out;
}

/** The canonical `f` value: empty lines dropped, formulas canonical, joined by ';'. */
export function canonicalFormulaList(text: string): string {
  return splitFormulas(text)
    .filter((s) => s !== '')
    .map(canonicalFormula)
    .join(';');
}

export type ListCheck = { ok: true; formulas: string[]; dim: 1 | 2 } | { ok: false; errors: LineError[] };

/**
 * The lexical check of a whole list, needing no mathjs: caps on the total
 * length and on the count, then each line scanned (scan-formula.ts). Empty
 * lines are skipped; their numbering is kept so a message names the line the
 * user sees.
 */
export function checkFormulaList(text: string): ListCheck {
  if (text.length > MAX_LIST_LENGTH) return { ok: false, errors: [{ line: 1, column: 1, message: `the formulas are ${text.length} characters long (at most ${MAX_LIST_LENGTH})` }] };
  // Scan each line as typed (untrimmed), so a column is where the user sees it.
  const lines = text.split(/[;\n]/);
  const errors: LineError[] = [];
  const formulas: string[] = [];
  let usesY = false;
  lines.forEach((line, k) => {
    if (line.trim() === '') return;
    const s = scanFormula(line.replace(/\r$/, ''));
    if ('error' in s) errors.push({ line: k + 1, ...s.error });
    else {
      formulas.push(line.trim());
      usesY ||= s.usesY;
    }
  });
  if (errors.length === 0 && formulas.length === 0) errors.push({ line: 1, column: 1, message: 'no formulas: give at least one component' });
  if (formulas.length > LIMITS.formulas) errors.push({ line: LIMITS.formulas + 1, column: 1, message: `${formulas.length} formulas (at most ${LIMITS.formulas})` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, formulas, dim: usesY ? 2 : 1 };
}
