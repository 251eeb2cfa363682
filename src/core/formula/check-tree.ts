import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';
import type { Expr } from './expr';
import { formulaError, type FormulaError } from './formula-error';
import type { Leaf } from './scan-formula';
import { CONSTANTS, isConstant, isUnaryFunction, isVariable, isVariadicFunction, LIMITS } from './vocabulary';

/** What each refused node type is, in the user's words. */
const REFUSED_NODES: Readonly<Record<string, string>> = {
  AccessorNode: 'property access and indexing (AccessorNode) are not allowed',
  AssignmentNode: 'assignments (AssignmentNode) are not allowed',
  FunctionAssignmentNode: 'function definitions (FunctionAssignmentNode) are not allowed',
  ObjectNode: 'objects (ObjectNode) are not allowed',
  ArrayNode: 'arrays (ArrayNode) are not allowed',
  IndexNode: 'indexing (IndexNode) is not allowed',
  ConditionalNode: 'conditionals (ConditionalNode) are not allowed',
  RangeNode: 'ranges (RangeNode) are not allowed',
  BlockNode: 'several statements (BlockNode) are not allowed: one formula per line',
  RelationalNode: 'comparisons (RelationalNode) are not allowed',
};

const BINARY: Readonly<Record<string, '+' | '-' | '*' | '/' | '^'>> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };

class Refused extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

/**
 * The tree half of the whitelist (a whitelist, not mathjs's own blocklist of
 * dangerous functions, which has been bypassed before): walk the parsed tree and accept only
 * numbers, x, y, pi, e, + − * / ^, unary ±, parentheses and calls of the named
 * functions by plain name. Everything else is refused with its name. `leaves`
 * (from scan-formula.ts, in source order) give each node its column; without
 * them columns are 1.
 */
export function checkTree(root: MathNode, leaves: readonly Leaf[] = []): { expr: Expr } | { error: FormulaError } {
  let nodes = 0;
  let next = 0;
  let lastColumn = 1;
  // Numbers and names appear in the tree in source order (pre-order, left to right).
  const take = (): number => {
    if (next < leaves.length) lastColumn = leaves[next++].column;
    return lastColumn;
  };

  const walk = (node: MathNode): Expr => {
    if (++nodes > LIMITS.nodes) throw new Refused(formulaError(lastColumn, `formula has more than ${LIMITS.nodes} parts`));
    switch (node.type) {
      case 'ConstantNode': {
        const column = take();
        const value: unknown = (node as ConstantNode).value;
        if (typeof value === 'string') throw new Refused(formulaError(column, 'strings are not allowed'));
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Refused(formulaError(column, `the constant ${String(value)} is not allowed`));
        return { kind: 'num', value, column };
      }
      case 'SymbolNode': {
        const column = take();
        const name = (node as SymbolNode).name;
        if (isVariable(name)) return { kind: 'var', name, column };
        if (isConstant(name)) return { kind: 'num', value: CONSTANTS[name], column };
        if (isUnaryFunction(name) || isVariadicFunction(name)) throw new Refused(formulaError(column, `"${name}" is a function: write ${name}(…)`));
        throw new Refused(formulaError(column, `unknown name "${name}" (allowed: x, y, pi, e)`));
      }
      case 'ParenthesisNode':
        return walk((node as ParenthesisNode).content);
      case 'OperatorNode': {
        const op = node as OperatorNode;
        const fn = String(op.fn);
        const args = op.args.map(walk);
        const column = args.length > 0 ? args[0].column : lastColumn;
        if ((fn === 'unaryMinus' || fn === 'unaryPlus') && args.length === 1) return fn === 'unaryPlus' ? args[0] : { kind: 'unary', fn: 'neg', arg: args[0], column };
        const bop = Object.prototype.hasOwnProperty.call(BINARY, fn) ? BINARY[fn] : undefined;
        if (bop && args.length >= 2) return args.slice(1).reduce<Expr>((a, b) => ({ kind: 'binary', op: bop, a, b, column }), args[0]);
        throw new Refused(formulaError(column, `the operator "${String(op.op)}" (${fn}) is not allowed`));
      }
      case 'FunctionNode': {
        const call = node as FunctionNode;
        if (call.fn.type !== 'SymbolNode') throw new Refused(formulaError(lastColumn, 'calling the result of an expression is not allowed'));
        const column = take();
        const name = (call.fn as SymbolNode).name;
        const known = isUnaryFunction(name) || isVariadicFunction(name);
        if (!known) throw new Refused(formulaError(column, `unknown function "${name}"`));
        const args = call.args.map(walk);
        if (isUnaryFunction(name)) {
          if (args.length !== 1) throw new Refused(formulaError(column, `${name} takes one argument, got ${args.length}`));
          return { kind: 'unary', fn: name, arg: args[0], column };
        }
        if (args.length < 1) throw new Refused(formulaError(column, `${name} needs at least one argument`));
        return { kind: 'minmax', fn: name as 'min' | 'max', args, column };
      }
      default:
        throw new Refused(formulaError(lastColumn, REFUSED_NODES[node.type] ?? `${node.type} is not allowed`));
    }
  };

  try {
    return { expr: walk(root) };
  } catch (e) {
    if (e instanceof Refused) return { error: e.error };
    throw e;
  }
}
