import { parseNumber, show, type ParamSpec } from '../params/param-types';
import { describeLineError } from './formula-error';
import { canonicalFormulaList, checkFormulaList } from './formula-list';

/*
 * How the permalink keys of a custom problem parse and print; problem-keys.ts
 * puts them in the one parameter table. They need no mathjs: the
 * formulas are checked lexically here (names, characters, caps, with line and
 * column), and parsed when the problem is built.
 */

/** Wu–Ma–E's toy typed as formulas: problem=custom alone is the toy. */
export const DEFAULT_FORMULAS = 'min(x^2,0.1*(x-1)^2);min(x^2,1.9*(x-1)^2)';
const MAX_PINS = 20;
const MAX_ABS = 1e6;

export const formulaParam: ParamSpec<string> = {
  key: 'f',
  doc: "custom: the components fᵢ in x (1D) or x and y (2D), separated by ';' — numbers, x, y, pi, e, + - * / ^, parentheses, min, max, abs, sqrt, exp, log, sin, cos, tan, tanh, atan, sinh, cosh",
  problems: ['custom'],
  default: DEFAULT_FORMULAS,
  parse(raw) {
    const r = checkFormulaList(raw);
    if (!r.ok) {
      const shown = r.errors.slice(0, 3).map((e) => describeLineError(e));
      if (r.errors.length > 3) shown.push(`and ${r.errors.length - 3} more`);
      return { ok: false, reason: shown.join('; ') };
    }
    return { ok: true, value: canonicalFormulaList(raw) };
  },
  format: canonicalFormulaList,
};

const numbers = (raw: string): number[] | null => {
  const out: number[] = [];
  for (const part of raw.split(',')) {
    const v = parseNumber(part);
    if (v === null || Math.abs(v) > MAX_ABS) return null;
    out.push(v);
  }
  return out;
};

export const boxParam: ParamSpec<number[]> = {
  key: 'box',
  doc: 'custom: the domain, lo,hi (1D) or xlo,xhi,ylo,yhi (2D); iterates are projected onto it and minima searched in it (absent: no projection, search in [−10, 10] per axis)',
  problems: ['custom'],
  default: [],
  parse(raw) {
    const v = numbers(raw);
    if (!v || (v.length !== 2 && v.length !== 4)) return { ok: false, reason: `box must be lo,hi or xlo,xhi,ylo,yhi (numbers up to ${MAX_ABS} in size), got ${show(raw)}` };
    for (let j = 0; j < v.length; j += 2) if (!(v[j] < v[j + 1])) return { ok: false, reason: `box needs each lo below its hi, got ${show(raw)}` };
    return { ok: true, value: v };
  },
  format: (v) => v.map(String).join(','),
};

export const pinParam: ParamSpec<string> = {
  key: 'pin',
  doc: "custom: minima pinned by coordinates, x or x,y, several separated by ';' (analysed as given, listed first)",
  problems: ['custom'],
  default: '',
  parse(raw) {
    if (raw.trim() === '') return { ok: true, value: '' };
    const points = raw.split(';').map((p) => numbers(p));
    if (points.length > MAX_PINS || points.some((p) => !p || p.length > 2) || new Set(points.map((p) => p?.length)).size !== 1)
      return { ok: false, reason: `pin must list up to ${MAX_PINS} points x or x,y (all of one dimension) separated by ';', got ${show(raw)}` };
    return { ok: true, value: formatPins(points as number[][]) };
  },
  format: (v) => v,
};

export const parsePins = (v: string): number[][] => (v.trim() === '' ? [] : v.split(';').map((p) => p.split(',').map(Number)));
const formatPins = (points: number[][]) => points.map((p) => p.map(String).join(',')).join(';');
