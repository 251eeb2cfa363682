import { frobDot, identity, symmetrise } from '../linalg/mat';
import { symEigen } from '../linalg/sym-eigen';
import { denseComponent, type HessianSet, type Moments } from './hessian-set';
import { lanczosExtreme, type LanczosResult, type SelfAdjoint } from './lanczos';
import { SecondMomentOperator } from './second-moment';

/*
 * 𝒯 as the solvers need it: on the symmetric basis as a dense matrix (exact
 * solves up to d = 12) and as a fast self-adjoint map for Lanczos above.
 */

/**
 * 𝒯 on symmetric P for a dense set, for Lanczos at d > 12: the same operator as
 * SecondMomentOperator.apply, with each sandwich X P X (X symmetric) formed as
 * (XP)·X row against row and only its upper triangle summed: 1.5·d³ a term instead of 2·d³,
 * in tight loops over typed arrays. Its values differ from apply's by rounding only.
 */
export class SymmetricDenseOperator implements SelfAdjoint {
  private readonly d: number;
  private readonly A: Float64Array;
  private readonly D: Float64Array;
  private readonly w: Float64Array;
  private readonly t: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    this.A = identity(d);
    for (let k = 0; k < dd; k++) this.A[k] -= eta * m.H[k];
    const k2 = eta * eta * c;
    const keep: number[] = [];
    for (let i = 0; i < set.n; i++) if (k2 * set.p[i] !== 0) keep.push(i);
    this.D = new Float64Array(keep.length * dd);
    this.w = new Float64Array(keep.length);
    keep.forEach((i, r) => {
      const Hi = denseComponent(set, i);
      for (let q = 0; q < dd; q++) this.D[r * dd + q] = Hi[q] - m.H[q];
      this.w[r] = k2 * set.p[i];
    });
    this.t = new Float64Array(dd);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    const d = this.d;
    out.fill(0);
    sandwichUpper(this.A, 0, P, d, 1, this.t, out);
    const D = this.D;
    const w = this.w;
    for (let r = 0; r < w.length; r++) sandwichUpper(D, r * d * d, P, d, w[r], this.t, out);
    for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) out[b * d + a] = out[a * d + b];
    return out;
  }
}

/**
 * 𝒯 restricted to symmetric matrices, in the orthonormal basis {eⱼeⱼᵀ, (eⱼeₖᵀ + eₖeⱼᵀ)/√2}:
 * a symmetric m×m matrix G with entries ⟨E_ab, 𝒯(E_ce)⟩. For a symmetric X the
 * sandwich term is ⟨E_ab, X E_ce X⟩ = s·(X_ac X_be + X_ae X_bc), s = 1/2, 1/√2 or 1
 * as the pairs are diagonal or not; summed over X = I − ηH (weight 1) and the
 * centred Hᵢ − H (weight η²c pᵢ), the X's stored entry-major so each sum runs over a
 * contiguous column.
 */
export class SymmetricBasisMatrix implements SelfAdjoint {
  readonly G: Float64Array;
  readonly size: number;
  private readonly d: number;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    const k2 = eta * eta * c;
    const terms: Float64Array[] = [];
    const weights: number[] = [];
    const A = identity(d);
    for (let q = 0; q < dd; q++) A[q] -= eta * m.H[q];
    terms.push(A);
    weights.push(1);
    for (let i = 0; i < set.n; i++) {
      const w = k2 * set.p[i];
      if (w === 0) continue;
      const Hi = denseComponent(set, i);
      for (let q = 0; q < dd; q++) Hi[q] -= m.H[q];
      terms.push(Hi);
      weights.push(w);
    }
    const T = terms.length;
    // X[pair][term] and W[pair][term] = weight·X over the pairs a ≤ b (the X's are symmetric).
    const pairIndex = new Int32Array(dd);
    const pairs: number[] = [];
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++) {
        pairIndex[a * d + b] = pairIndex[b * d + a] = pairs.length / 2;
        pairs.push(a, b);
      }
    const size = (this.size = pairs.length / 2);
    const X = new Float64Array(size * T);
    const W = new Float64Array(size * T);
    for (let t = 0; t < T; t++)
      for (let k = 0; k < size; k++) {
        const q = pairs[2 * k] * d + pairs[2 * k + 1];
        X[k * T + t] = terms[t][q];
        W[k * T + t] = weights[t] * terms[t][q];
      }
    // K[{a,c},{b,e}] = Σ_t w_t X_t[a,c] X_t[b,e]: symmetric, over unordered pairs.
    const K = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      const oi = i * T;
      for (let j = i; j < size; j++) {
        const oj = j * T;
        let s = 0;
        for (let t = 0; t < T; t++) s += W[oi + t] * X[oj + t];
        K[i * size + j] = K[j * size + i] = s;
      }
    }
    const G = (this.G = new Float64Array(size * size));
    for (let i = 0; i < size; i++) {
      const a = pairs[2 * i], b = pairs[2 * i + 1];
      for (let j = i; j < size; j++) {
        const cc = pairs[2 * j], e = pairs[2 * j + 1];
        const scale = (a === b ? Math.SQRT1_2 : 1) * (cc === e ? Math.SQRT1_2 : 1);
        const v = scale * (K[pairIndex[a * d + cc] * size + pairIndex[b * d + e]] + K[pairIndex[a * d + e] * size + pairIndex[b * d + cc]]);
        G[i * size + j] = v;
        G[j * size + i] = v;
      }
    }
  }

  /** 𝒯(P) for symmetric P (d×d), through G. */
  apply(P: Float64Array, out: Float64Array): Float64Array {
    const { G, size, d } = this;
    const v = new Float64Array(size);
    let k = 0;
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++, k++) v[k] = a === b ? P[a * d + a] : P[a * d + b] * Math.SQRT2;
    k = 0;
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++, k++) {
        const row = k * size;
        let s = 0;
        for (let j = 0; j < size; j++) s += G[row + j] * v[j];
        if (a === b) out[a * d + a] = s;
        else out[a * d + b] = out[b * d + a] = s * Math.SQRT1_2;
      }
    return out;
  }

  /** Lanczos on G from P = I; the Ritz vector is returned as a d×d matrix. */
  lanczos(maxSteps: number): LanczosResult {
    const { G, size, d } = this;
    const op: SelfAdjoint = {
      apply(v, out) {
        for (let i = 0; i < size; i++) {
          const row = i * size;
          let s = 0;
          for (let j = 0; j < size; j++) s += G[row + j] * v[j];
          out[i] = s;
        }
        return out;
      },
    };
    const start = new Float64Array(size);
    let k = 0;
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++, k++) if (a === b) start[k] = 1;
    const r = lanczosExtreme(op, start, maxSteps);
    const Y = new Float64Array(d * d);
    k = 0;
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++, k++) {
        if (a === b) Y[a * d + a] = r.vector[k];
        else Y[a * d + b] = Y[b * d + a] = r.vector[k] * Math.SQRT1_2;
      }
    return { ...r, vector: Y };
  }
}

/** out's upper triangle += w·X P X, X = M[o … o+d²) symmetric; t is scratch (d²). */
function sandwichUpper(M: Float64Array, o: number, P: Float64Array, d: number, w: number, t: Float64Array, out: Float64Array): void {
  // t = X P
  t.fill(0);
  for (let a = 0; a < d; a++) {
    const row = a * d;
    for (let k = 0; k < d; k++) {
      const x = M[o + row + k];
      if (x === 0) continue;
      const pk = k * d;
      for (let b = 0; b < d; b++) t[row + b] += x * P[pk + b];
    }
  }
  // (tX)_ab = Σ_k t_ak X_bk (X symmetric), b ≥ a.
  for (let a = 0; a < d; a++) {
    const ra = a * d;
    for (let b = a; b < d; b++) {
      const rb = o + b * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += t[ra + k] * M[rb + k];
      out[ra + b] += w * s;
    }
  }
}

function basisMatrix(d: number, j: number, k: number, out: Float64Array): Float64Array {
  out.fill(0);
  if (j === k) out[j * d + j] = 1;
  else {
    out[j * d + k] = Math.SQRT1_2;
    out[k * d + j] = Math.SQRT1_2;
  }
  return out;
}

export function denseRadius(op: SecondMomentOperator, d: number): number {
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < d; j++) for (let k = j; k < d; k++) pairs.push([j, k]);
  const m = pairs.length;
  const T = new Float64Array(m * m);
  const E = new Float64Array(d * d);
  const F = new Float64Array(d * d);
  const TE = new Float64Array(d * d);
  for (let b = 0; b < m; b++) {
    op.apply(basisMatrix(d, pairs[b][0], pairs[b][1], E), TE);
    for (let a = 0; a < m; a++) T[a * m + b] = frobDot(basisMatrix(d, pairs[a][0], pairs[a][1], F), TE);
  }
  symmetrise(T, m);
  const { values } = symEigen(T, m);
  return Math.max(Math.abs(values[0]), Math.abs(values[m - 1]));
}
