import { identity, matMul, symmetrise } from '../linalg/mat';
import { symMaxEigenvalue } from '../linalg/sym-eigen';
import { denseComponent, eigenOfH, rankOneSandwich, type HessianSet, type Moments } from './hessian-set';

/**
 * Wu's Theorem 1 eigenvalue λ_max((I − ηH)² + η²cΣ): ≤ 1 is sufficient for
 * linear stability in any d, exact in 1D or when the Hᵢ commute (docs/theory.md#theorem-1).
 */
export function theorem1Eigenvalue(m: Moments, d: number, eta: number, c: number): number {
  const A = identity(d);
  for (let k = 0; k < d * d; k++) A[k] -= eta * m.H[k];
  const A2 = matMul(A, A, d, new Float64Array(d * d));
  for (let k = 0; k < d * d; k++) A2[k] += eta * eta * c * m.Sigma[k];
  return symMaxEigenvalue(symmetrise(A2, d), d);
}

/**
 * The second-moment operator of linearised SGD (docs/theory.md#the-second-moment-operator):
 *   𝒯(P) = (I−ηH) P (I−ηH) + η²c Σᵢ pᵢ (Hᵢ−H) P (Hᵢ−H).
 * Writes 𝒯(P) into out. Dense sets: `D` holds the centred Hᵢ − H (n·d²), O(n·d³) a call.
 * Rank-one sets (Hᵢ = kᵢkᵢᵀ, square loss at a global minimum): with Σᵢ pᵢHᵢ = H,
 *   Σᵢ pᵢ(Hᵢ−H)P(Hᵢ−H) = Σᵢ pᵢHᵢPHᵢ − HPH, Σᵢ pᵢHᵢPHᵢ = Fᵀ diag(pᵢ kᵢᵀPkᵢ) F,
 * and for symmetric P (every P the theory iterates) with U = HP:
 *   (I−ηH)P(I−ηH) = P − η(U + Uᵀ) + η² UH,
 * so 𝒯(P) = P − η(U + Uᵀ) + (η² − η²c) UH + η²c Fᵀ diag(pᵢ kᵢᵀPkᵢ) F: O(d³ + n·d²) a call.
 */
export class SecondMomentOperator {
  readonly d: number;
  private readonly A: Float64Array;
  private readonly D: Float64Array;
  private readonly p: Float64Array;
  private readonly k: number;
  private readonly t2: Float64Array;
  private readonly t3: Float64Array;
  private readonly set: HessianSet;
  private readonly H: Float64Array;
  private readonly eta: number;
  private readonly w: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const d = (this.d = set.d);
    const dd = d * d;
    this.set = set;
    this.H = m.H;
    this.eta = eta;
    this.A = identity(d);
    for (let k = 0; k < dd; k++) this.A[k] -= eta * m.H[k];
    this.D = new Float64Array(set.rankOne ? 0 : set.n * dd);
    if (!set.rankOne) {
      for (let i = 0; i < set.n; i++) {
        const Hi = denseComponent(set, i);
        for (let k = 0; k < dd; k++) this.D[i * dd + k] = Hi[k] - m.H[k];
      }
    }
    this.p = set.p;
    this.k = eta * eta * c;
    this.t2 = new Float64Array(dd);
    this.t3 = new Float64Array(dd);
    this.w = new Float64Array(set.n);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    if (this.set.rankOne) return this.applyRankOne(P, out);
    const d = this.d;
    const dd = d * d;
    matMul(this.A, P, d, this.t2);
    matMul(this.t2, this.A, d, out);
    if (this.k !== 0) {
      for (let i = 0; i < this.p.length; i++) {
        const w = this.k * this.p[i];
        if (w === 0) continue;
        const D = this.D.subarray(i * dd, (i + 1) * dd);
        matMul(D, P, d, this.t2);
        matMul(this.t2, D, d, this.t3);
        for (let q = 0; q < dd; q++) out[q] += w * this.t3[q];
      }
    }
    return out;
  }

  /** The rank-one form above; P must be symmetric. */
  private applyRankOne(P: Float64Array, out: Float64Array): Float64Array {
    const d = this.d;
    const eta = this.eta;
    const U = matMul(this.H, P, d, this.t2);
    const UH = matMul(U, this.H, d, this.t3);
    const f = eta * eta - this.k;
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        const v = P[a * d + b] - eta * (U[a * d + b] + U[b * d + a]) + f * 0.5 * (UH[a * d + b] + UH[b * d + a]);
        out[a * d + b] = v;
        out[b * d + a] = v;
      }
    }
    if (this.k !== 0) {
      const S = rankOneSandwich(this.set, P, this.t2, this.w);
      for (let q = 0; q < d * d; q++) out[q] += this.k * S[q];
    }
    return out;
  }
}

/**
 * 𝒯 for a rank-one set written in the eigenbasis of H = U diag(h) Uᵀ, for power
 * iteration: P′ = UᵀPU, factors φᵢ = Uᵀkᵢ. There (I−ηH)P(I−ηH) − η²c HPH is an
 * entrywise product, P′_ab ((1−ηh_a)(1−ηh_b) − η²c h_a h_b), and only
 * η²c Σ pᵢ φᵢ(φᵢᵀP′φᵢ)φᵢᵀ costs O(n·d²). U is orthogonal, so from P = I (= UᵀIU) the
 * Frobenius norms, hence power iteration's estimates of ρ, are those of 𝒯 itself.
 */
export class EigenbasisRankOneOperator {
  private readonly rotated: HessianSet;
  private readonly g: Float64Array;
  private readonly k: number;
  private readonly S: Float64Array;
  private readonly w: Float64Array;

  constructor(set: HessianSet, m: Moments, eta: number, c: number) {
    const { d, n } = set;
    const { values: h, vectors: U } = eigenOfH(m, d);
    const phi = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      for (let r = 0; r < d; r++) {
        const kr = set.data[o + r];
        if (kr === 0) continue;
        const row = r * d;
        for (let a = 0; a < d; a++) phi[o + a] += kr * U[row + a];
      }
    }
    this.rotated = { d, n, p: set.p, diagonal: false, rankOne: true, data: phi };
    this.k = eta * eta * c;
    this.g = new Float64Array(d * d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) this.g[a * d + b] = (1 - eta * h[a]) * (1 - eta * h[b]) - this.k * h[a] * h[b];
    this.S = new Float64Array(d * d);
    this.w = new Float64Array(n);
  }

  apply(P: Float64Array, out: Float64Array): Float64Array {
    const g = this.g;
    for (let q = 0; q < g.length; q++) out[q] = g[q] * P[q];
    if (this.k !== 0) {
      const S = rankOneSandwich(this.rotated, P, this.S, this.w);
      for (let q = 0; q < g.length; q++) out[q] += this.k * S[q];
    }
    return out;
  }
}
