import type { Expr } from './expr';
import { formulaError, type FormulaError } from './formula-error';
import { makeTape, Op, type Instruction, type OpCode, type Tape } from './tape';
import type { UnaryFunction } from './vocabulary';
import * as pm from '../portable-math';

type Operand = { konst: number } | { slot: number };

const UNARY_OP: Readonly<Record<UnaryFunction | 'neg', OpCode>> = {
  neg: Op.NEG,
  abs: Op.ABS,
  sqrt: Op.SQRT,
  exp: Op.EXP,
  log: Op.LOG,
  sin: Op.SIN,
  cos: Op.COS,
  tan: Op.TAN,
  tanh: Op.TANH,
  atan: Op.ATAN,
  sinh: Op.SINH,
  cosh: Op.COSH,
};

const UNARY_VALUE: Readonly<Record<UnaryFunction | 'neg', (u: number) => number>> = {
  neg: (u) => -u,
  abs: (u) => (u >= 0 ? u : -u),
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
};

const BINARY_VALUE: Readonly<Record<'+' | '-' | '*' | '/' | '^', (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => pm.pow(a, b),
};

class Refused extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

/** A folded constant, refused unless it is a finite real number. */
function folded(value: number, column: number, what: string): Operand {
  if (!Number.isFinite(value)) throw new Refused(formulaError(column, Number.isNaN(value) ? `${what} is not a real number` : `${what} overflows to ${value}`));
  return { konst: value };
}

/**
 * Compile a whitelisted tree into a tape (tape.ts). Constant subtrees are
 * folded, and refused when they are not a finite real number (9^9^9^9^9,
 * log(−1)); operations with one constant operand become immediate forms
 * (x − 1 → ADDC, 0.1·u → MULC, u^2 → SQUARE); repeated subexpressions share
 * one slot.
 */
export function compileTape(expr: Expr, dim: 1 | 2): { tape: Tape } | { error: FormulaError } {
  const code: Instruction[] = [];
  const seen = new Map<string, number>();
  const emit = (op: OpCode, a = -1, b = -1, c = 0): Operand => {
    const key = `${op}|${a}|${b}|${c}`;
    const known = seen.get(key);
    if (known !== undefined) return { slot: known };
    code.push({ op, a, b, c });
    seen.set(key, code.length - 1);
    return { slot: code.length - 1 };
  };
  const slotOf = (x: Operand): number => ('slot' in x ? x.slot : (emit(Op.CONST, -1, -1, x.konst) as { slot: number }).slot);

  const build = (e: Expr): Operand => {
    switch (e.kind) {
      case 'num':
        return { konst: e.value };
      case 'var':
        if (e.name === 'y' && dim === 1) throw new Refused(formulaError(e.column, 'y in a 1D problem'));
        return emit(e.name === 'x' ? Op.X : Op.Y);
      case 'unary': {
        const u = build(e.arg);
        if ('konst' in u) return folded(UNARY_VALUE[e.fn](u.konst), e.column, 'this constant');
        return emit(UNARY_OP[e.fn], u.slot);
      }
      case 'minmax': {
        const op = e.fn === 'min' ? Op.MIN : Op.MAX;
        return e.args.map(build).reduce((acc, x) => {
          if ('konst' in acc && 'konst' in x) return { konst: op === Op.MIN ? (acc.konst <= x.konst ? acc.konst : x.konst) : acc.konst >= x.konst ? acc.konst : x.konst };
          return emit(op, slotOf(acc), slotOf(x));
        });
      }
      case 'binary':
        return binary(e.op, build(e.a), build(e.b), e.column);
    }
  };

  const binary = (op: '+' | '-' | '*' | '/' | '^', a: Operand, b: Operand, column: number): Operand => {
    if ('konst' in a && 'konst' in b) return folded(BINARY_VALUE[op](a.konst, b.konst), column, 'this constant');
    if ('konst' in b) {
      const c = b.konst;
      switch (op) {
        case '+':
          return c === 0 ? a : emit(Op.ADDC, slotOf(a), -1, c);
        case '-':
          return c === 0 ? a : emit(Op.ADDC, slotOf(a), -1, -c);
        case '*':
          return c === 1 ? a : emit(Op.MULC, slotOf(a), -1, c);
        case '/':
          return c === 1 ? a : emit(Op.DIVC, slotOf(a), -1, c);
        case '^':
          if (c === 1) return a;
          if (c === 0) return { konst: 1 };
          return c === 2 ? emit(Op.SQUARE, slotOf(a)) : emit(Op.POWC, slotOf(a), -1, c);
      }
    }
    if ('konst' in a) {
      const c = a.konst;
      switch (op) {
        case '+':
          return c === 0 ? b : emit(Op.ADDC, slotOf(b), -1, c);
        case '-':
          return emit(Op.RSUBC, slotOf(b), -1, c);
        case '*':
          return c === 1 ? b : emit(Op.MULC, slotOf(b), -1, c);
        case '/':
          return emit(Op.RDIVC, slotOf(b), -1, c);
        case '^': {
          // c^u = exp(u ln c): real only for c > 0.
          if (!(c > 0)) throw new Refused(formulaError(column, `${c}^(…) needs a positive base`));
          const lnc = pm.log(c);
          return emit(Op.EXP, slotOf(lnc === 1 ? b : emit(Op.MULC, slotOf(b), -1, lnc)));
        }
      }
    }
    const sa = slotOf(a);
    const sb = slotOf(b);
    switch (op) {
      case '+':
        return emit(Op.ADD, sa, sb);
      case '-':
        return emit(Op.SUB, sa, sb);
      case '*':
        return emit(Op.MUL, sa, sb);
      case '/':
        return emit(Op.DIV, sa, sb);
      case '^':
        // u^w = exp(w ln u), for u > 0.
        return emit(Op.EXP, slotOf(emit(Op.MUL, sb, slotOf(emit(Op.LOG, sa)))));
    }
  };

  try {
    const result = build(expr);
    // A constant formula still needs a slot to return.
    const last = slotOf(result);
    if (last !== code.length - 1) code.push({ op: Op.ADDC, a: last, b: -1, c: 0 });
    return { tape: makeTape(dim, code) };
  } catch (e) {
    if (e instanceof Refused) return { error: e.error };
    throw e;
  }
}
