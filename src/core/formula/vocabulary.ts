/**
 * What a custom formula may contain: the
 * whitelist every other check in this folder is driven from. Anything not
 * named here is refused, by name.
 */

/** The variables: x for a 1D problem, x and y for a 2D one. */
export const VARIABLES = ['x', 'y'] as const;
export type Variable = (typeof VARIABLES)[number];

/** Named constants. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Functions of one argument, and min/max of two or more (variadic, folded left). */
export const UNARY_FUNCTIONS = ['abs', 'sqrt', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'atan', 'sinh', 'cosh'] as const;
export const VARIADIC_FUNCTIONS = ['min', 'max'] as const;
export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
export type VariadicFunction = (typeof VARIADIC_FUNCTIONS)[number];

export const isVariable = (s: string): s is Variable => (VARIABLES as readonly string[]).includes(s);
export const isConstant = (s: string): boolean => Object.prototype.hasOwnProperty.call(CONSTANTS, s);
export const isUnaryFunction = (s: string): s is UnaryFunction => (UNARY_FUNCTIONS as readonly string[]).includes(s);
export const isVariadicFunction = (s: string): s is VariadicFunction => (VARIADIC_FUNCTIONS as readonly string[]).includes(s);
export const isFunctionName = (s: string): boolean => isUnaryFunction(s) || isVariadicFunction(s);

/** Caps: checked before anything is parsed. */
export const LIMITS = {
  /** Characters in one formula. */
  formulaLength: 500,
  /** Formulas (components) in one problem. */
  formulas: 100,
  /** Nodes of one parsed formula. */
  nodes: 300,
} as const;

/** The whole `f` value may not exceed this: every formula at its cap, plus separators. */
export const MAX_LIST_LENGTH = LIMITS.formulas * (LIMITS.formulaLength + 1);
