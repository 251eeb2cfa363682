import { Op, type Tape } from './tape';
import * as pm from '../portable-math';

/*
 * Forward-mode automatic differentiation over a tape (exact first and second derivatives, so custom problems get the same theory as built-in ones).
 * A unary φ(u) carries g = φ'(u)·∇u and H = φ'(u)·∇²u + φ''(u)·∇u∇uᵀ; a
 * product ab carries g = a∇b + b∇a and H = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ; a
 * quotient q = a/b carries ∇q = (∇a − q∇b)/b and ∇²q = (∇²a − q∇²b − ∇q∇bᵀ −
 * ∇b∇qᵀ)/b. min and max carry their active branch, the first at a tie
 * (docs/theory.md#the-two-minima-toy); abs(u) = max(u, −u) has slope +1 at 0.
 * Three evaluators, so the engine's gradient path does no Hessian work.
 */

/** f(x, y). */
export function valueOf(t: Tape, x: number, y: number): number {
  const { op, a, b, c, v } = t;
  for (let k = 0; k < t.length; k++) {
    const i = a[k];
    switch (op[k]) {
      case Op.X: v[k] = x; break;
      case Op.Y: v[k] = y; break;
      case Op.CONST: v[k] = c[k]; break;
      case Op.ADD: v[k] = v[i] + v[b[k]]; break;
      case Op.SUB: v[k] = v[i] - v[b[k]]; break;
      case Op.MUL: v[k] = v[i] * v[b[k]]; break;
      case Op.DIV: v[k] = v[i] / v[b[k]]; break;
      case Op.MIN: v[k] = v[i] <= v[b[k]] ? v[i] : v[b[k]]; break;
      case Op.MAX: v[k] = v[i] >= v[b[k]] ? v[i] : v[b[k]]; break;
      case Op.ADDC: v[k] = v[i] + c[k]; break;
      case Op.MULC: v[k] = v[i] * c[k]; break;
      case Op.DIVC: v[k] = v[i] / c[k]; break;
      case Op.RSUBC: v[k] = c[k] - v[i]; break;
      case Op.RDIVC: v[k] = c[k] / v[i]; break;
      case Op.POWC: v[k] = pm.pow(v[i], c[k]); break;
      case Op.SQUARE: v[k] = v[i] * v[i]; break;
      case Op.NEG: v[k] = -v[i]; break;
      case Op.ABS: v[k] = v[i] >= 0 ? v[i] : -v[i]; break;
      case Op.SQRT: v[k] = Math.sqrt(v[i]); break;
      case Op.EXP: v[k] = pm.exp(v[i]); break;
      case Op.LOG: v[k] = pm.log(v[i]); break;
      case Op.SIN: v[k] = pm.sin(v[i]); break;
      case Op.COS: v[k] = pm.cos(v[i]); break;
      case Op.TAN: v[k] = pm.tan(v[i]); break;
      case Op.TANH: v[k] = pm.tanh(v[i]); break;
      case Op.ATAN: v[k] = pm.atan(v[i]); break;
      case Op.SINH: v[k] = pm.sinh(v[i]); break;
      case Op.COSH: v[k] = pm.cosh(v[i]); break;
    }
  }
  return v[t.length - 1];
}

/** Scratch for a unary op: φ(u), φ'(u), φ''(u). */
let D0 = 0;
let D1 = 0;
let D2 = 0;

/** Set D0, D1 (and D2 when `second`) for a unary op at u; false if `o` is not unary. */
function unary(o: number, u: number, c: number, second: boolean): boolean {
  switch (o) {
    case Op.ADDC: D0 = u + c; D1 = 1; D2 = 0; return true;
    case Op.MULC: D0 = u * c; D1 = c; D2 = 0; return true;
    case Op.DIVC: D0 = u / c; D1 = 1 / c; D2 = 0; return true;
    case Op.RSUBC: D0 = c - u; D1 = -1; D2 = 0; return true;
    case Op.RDIVC: D0 = c / u; D1 = -D0 / u; if (second) D2 = (-2 * D1) / u; return true;
    case Op.POWC: D0 = pm.pow(u, c); D1 = c * pm.pow(u, c - 1); if (second) D2 = c * (c - 1) * pm.pow(u, c - 2); return true;
    case Op.SQUARE: D0 = u * u; D1 = 2 * u; D2 = 2; return true;
    case Op.NEG: D0 = -u; D1 = -1; D2 = 0; return true;
    case Op.ABS: D0 = u >= 0 ? u : -u; D1 = u >= 0 ? 1 : -1; D2 = 0; return true;
    case Op.SQRT: D0 = Math.sqrt(u); D1 = 0.5 / D0; if (second) D2 = -0.5 * D1 / u; return true;
    case Op.EXP: D0 = pm.exp(u); D1 = D0; D2 = D0; return true;
    case Op.LOG: D0 = pm.log(u); D1 = 1 / u; if (second) D2 = -D1 * D1; return true;
    case Op.SIN: D0 = pm.sin(u); D1 = pm.cos(u); D2 = -D0; return true;
    case Op.COS: D0 = pm.cos(u); D1 = -pm.sin(u); D2 = -D0; return true;
    case Op.TAN: D0 = pm.tan(u); D1 = 1 + D0 * D0; D2 = 2 * D0 * D1; return true;
    case Op.TANH: D0 = pm.tanh(u); D1 = 1 - D0 * D0; D2 = -2 * D0 * D1; return true;
    case Op.ATAN: D0 = pm.atan(u); D1 = 1 / (1 + u * u); D2 = -2 * u * D1 * D1; return true;
    case Op.SINH: D0 = pm.sinh(u); D1 = pm.cosh(u); D2 = D0; return true;
    case Op.COSH: D0 = pm.cosh(u); D1 = pm.sinh(u); D2 = D0; return true;
    default: return false;
  }
}

/**
 * f(x, y) and its gradient, left in t.v, t.g0, t.g1 at slot t.length − 1.
 * The engine's hot path: every op inlined, one switch, no calls.
 */
export function gradientOf(t: Tape, x: number, y: number): number {
  const { op, a, b, c, v, g0, g1 } = t;
  const n = t.length;
  for (let k = 0; k < n; k++) {
    const i = a[k];
    let d1 = 0;
    switch (op[k]) {
      case Op.X: v[k] = x; g0[k] = 1; g1[k] = 0; continue;
      case Op.Y: v[k] = y; g0[k] = 0; g1[k] = 1; continue;
      case Op.CONST: v[k] = c[k]; g0[k] = 0; g1[k] = 0; continue;
      case Op.ADD: { const j = b[k]; v[k] = v[i] + v[j]; g0[k] = g0[i] + g0[j]; g1[k] = g1[i] + g1[j]; continue; }
      case Op.SUB: { const j = b[k]; v[k] = v[i] - v[j]; g0[k] = g0[i] - g0[j]; g1[k] = g1[i] - g1[j]; continue; }
      case Op.MUL: {
        const j = b[k];
        const p = v[i];
        const q = v[j];
        v[k] = p * q; g0[k] = p * g0[j] + q * g0[i]; g1[k] = p * g1[j] + q * g1[i];
        continue;
      }
      case Op.DIV: {
        const j = b[k];
        const r = v[j];
        const q = v[i] / r;
        v[k] = q; g0[k] = (g0[i] - q * g0[j]) / r; g1[k] = (g1[i] - q * g1[j]) / r;
        continue;
      }
      case Op.MIN: { const j = b[k]; const s = v[i] <= v[j] ? i : j; v[k] = v[s]; g0[k] = g0[s]; g1[k] = g1[s]; continue; }
      case Op.MAX: { const j = b[k]; const s = v[i] >= v[j] ? i : j; v[k] = v[s]; g0[k] = g0[s]; g1[k] = g1[s]; continue; }
      case Op.ADDC: v[k] = v[i] + c[k]; g0[k] = g0[i]; g1[k] = g1[i]; continue;
      case Op.MULC: { const m = c[k]; v[k] = v[i] * m; g0[k] = g0[i] * m; g1[k] = g1[i] * m; continue; }
      case Op.DIVC: { const m = c[k]; v[k] = v[i] / m; g0[k] = g0[i] / m; g1[k] = g1[i] / m; continue; }
      case Op.RSUBC: v[k] = c[k] - v[i]; g0[k] = -g0[i]; g1[k] = -g1[i]; continue;
      case Op.SQUARE: { const u = v[i]; v[k] = u * u; d1 = 2 * u; break; }
      case Op.NEG: v[k] = -v[i]; g0[k] = -g0[i]; g1[k] = -g1[i]; continue;
      default:
        unary(op[k], v[i], c[k], false);
        v[k] = D0;
        d1 = D1;
    }
    g0[k] = d1 * g0[i];
    g1[k] = d1 * g1[i];
  }
  return v[n - 1];
}

/** f(x, y), its gradient and its Hessian, left in the tape's slot t.length − 1. */
export function hessianOf(t: Tape, x: number, y: number): number {
  const { op, a, b, c, v, g0, g1, h00, h01, h11 } = t;
  for (let k = 0; k < t.length; k++) {
    const i = a[k];
    const j = b[k];
    const o = op[k];
    switch (o) {
      case Op.X:
      case Op.Y:
      case Op.CONST:
        v[k] = o === Op.X ? x : o === Op.Y ? y : c[k];
        g0[k] = o === Op.X ? 1 : 0; g1[k] = o === Op.Y ? 1 : 0;
        h00[k] = 0; h01[k] = 0; h11[k] = 0;
        continue;
      case Op.ADD:
      case Op.SUB: {
        const s = o === Op.ADD ? 1 : -1;
        v[k] = v[i] + s * v[j]; g0[k] = g0[i] + s * g0[j]; g1[k] = g1[i] + s * g1[j];
        h00[k] = h00[i] + s * h00[j]; h01[k] = h01[i] + s * h01[j]; h11[k] = h11[i] + s * h11[j];
        continue;
      }
      case Op.MUL: {
        const p = v[i];
        const q = v[j];
        v[k] = p * q; g0[k] = p * g0[j] + q * g0[i]; g1[k] = p * g1[j] + q * g1[i];
        h00[k] = p * h00[j] + q * h00[i] + 2 * g0[i] * g0[j];
        h01[k] = p * h01[j] + q * h01[i] + g0[i] * g1[j] + g0[j] * g1[i];
        h11[k] = p * h11[j] + q * h11[i] + 2 * g1[i] * g1[j];
        continue;
      }
      case Op.DIV: {
        const r = v[j];
        const q = v[i] / r;
        const q0 = (g0[i] - q * g0[j]) / r;
        const q1 = (g1[i] - q * g1[j]) / r;
        v[k] = q; g0[k] = q0; g1[k] = q1;
        h00[k] = (h00[i] - q * h00[j] - 2 * q0 * g0[j]) / r;
        h01[k] = (h01[i] - q * h01[j] - q0 * g1[j] - g0[j] * q1) / r;
        h11[k] = (h11[i] - q * h11[j] - 2 * q1 * g1[j]) / r;
        continue;
      }
      case Op.MIN:
      case Op.MAX: {
        const s = (o === Op.MIN ? v[i] <= v[j] : v[i] >= v[j]) ? i : j;
        v[k] = v[s]; g0[k] = g0[s]; g1[k] = g1[s]; h00[k] = h00[s]; h01[k] = h01[s]; h11[k] = h11[s];
        continue;
      }
    }
    unary(o, v[i], c[k], true);
    const u0 = g0[i];
    const u1 = g1[i];
    v[k] = D0; g0[k] = D1 * u0; g1[k] = D1 * u1;
    h00[k] = D1 * h00[i] + D2 * u0 * u0;
    h01[k] = D1 * h01[i] + D2 * u0 * u1;
    h11[k] = D1 * h11[i] + D2 * u1 * u1;
  }
  return v[t.length - 1];
}
