/**
 * A compiled formula: a flat list of instructions in SSA form (instruction k
 * writes slot k and reads earlier slots), evaluated over preallocated
 * Float64Arrays so the engine's hot path allocates nothing. Each slot carries
 * a value, a gradient (g0, g1) and the Hessian's upper triangle (h00, h01,
 * h11); a 1D formula leaves the y parts 0.
 */
export const Op = {
  X: 0,
  Y: 1,
  CONST: 2,
  ADD: 3,
  SUB: 4,
  MUL: 5,
  DIV: 6,
  /** The first argument at a tie, as for the built-in toy (docs/theory.md#the-two-minima-toy). */
  MIN: 7,
  MAX: 8,
  /** a + c */
  ADDC: 9,
  /** a · c */
  MULC: 10,
  /** a / c */
  DIVC: 11,
  /** c − a */
  RSUBC: 12,
  /** c / a */
  RDIVC: 13,
  /** a^c */
  POWC: 14,
  SQUARE: 15,
  NEG: 16,
  ABS: 17,
  SQRT: 18,
  EXP: 19,
  LOG: 20,
  SIN: 21,
  COS: 22,
  TAN: 23,
  TANH: 24,
  ATAN: 25,
  SINH: 26,
  COSH: 27,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

export interface Tape {
  /** 1 (x) or 2 (x, y). */
  readonly dim: 1 | 2;
  readonly length: number;
  readonly op: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Float64Array;
  /** Work space, one entry per slot. */
  readonly v: Float64Array;
  readonly g0: Float64Array;
  readonly g1: Float64Array;
  readonly h00: Float64Array;
  readonly h01: Float64Array;
  readonly h11: Float64Array;
}

export interface Instruction {
  op: OpCode;
  a: number;
  b: number;
  c: number;
}

export function makeTape(dim: 1 | 2, code: readonly Instruction[]): Tape {
  const n = code.length;
  return {
    dim,
    length: n,
    op: Uint8Array.from(code, (i) => i.op),
    a: Int32Array.from(code, (i) => i.a),
    b: Int32Array.from(code, (i) => i.b),
    c: Float64Array.from(code, (i) => i.c),
    v: new Float64Array(n),
    g0: new Float64Array(n),
    g1: new Float64Array(n),
    h00: new Float64Array(n),
    h01: new Float64Array(n),
    h11: new Float64Array(n),
  };
}
