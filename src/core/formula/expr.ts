import type { UnaryFunction, Variable, VariadicFunction } from './vocabulary';

/**
 * A formula after the whitelist: our own small tree, holding nothing of
 * mathjs. Every node keeps the 1-based column of its first token, so a later
 * refusal (a constant that overflows) can still say where.
 */
export type Expr =
  | { kind: 'num'; value: number; column: number }
  | { kind: 'var'; name: Variable; column: number }
  | { kind: 'unary'; fn: UnaryFunction | 'neg'; arg: Expr; column: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; a: Expr; b: Expr; column: number }
  | { kind: 'minmax'; fn: VariadicFunction; args: Expr[]; column: number };
