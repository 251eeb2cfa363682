import { describe, expect, it } from 'vitest';
import { symEigenvalues } from '../../../src/core/linalg/sym-eigen';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { simulateQuery, theoryOfMinima } from '../../../src/core/simulate';

const theoryOf = (q: string) => {
  const { problem, config } = buildProblem(decodeQuery(q).config);
  return { problem, theory: theoryOfMinima(problem, config), config };
};

describe('GD and SGD are judged by one inequality with one tolerance', () => {
  // η one ulp above 2/3: η·3 rounds to 2, so (1 − ηa)² = 1 exactly, while 2/η rounds just below 3.
  const onBoundary = 'problem=point&a=3&s=0&n=2&eta=0.6666666666666667&B=2&runs=1&steps=1';

  it('at B = n (GD) one ulp from 2/a, SGD and GD get the same verdict, and it is labelled marginal', () => {
    const m = theoryOf(onBoundary).theory[0];
    // Independently: GD's factor max (1 − ηλ)² with λ = a = 3 is 1 here, to the last bit.
    expect((1 - 0.6666666666666667 * 3) ** 2).toBe(1);
    expect(m.stableSGD).toBe(m.stableGD);
    expect(m.stableGD).toBe(true);
    expect(m.marginal).toEqual({ sgd: true, gd: true });
  });

  it('at B = n the verdicts agree for every η in the ulps around 2/a, and at B < n on the same boundary too', () => {
    let eta = 2 / 3;
    for (let k = 0; k < 6; k++) eta = nextDown(eta);
    for (let k = 0; k < 12; k++, eta = nextUp(eta)) {
      for (const B of [1, 2]) {
        const m = theoryOf(`problem=point&a=3&s=0&n=2&eta=${eta}&B=${B}&runs=1&steps=1`).theory[0];
        // s = 0: every component has curvature a, so SGD is GD for any B (c·Σ = 0)
        expect(m.stableSGD, `η = ${eta}, B = ${B}`).toBe(m.stableGD);
        expect(m.marginal.sgd, `η = ${eta}, B = ${B}`).toBe(m.marginal.gd);
      }
    }
  });

  it('away from the boundary nothing is marginal, and the verdicts are the plain ones', () => {
    const inside = theoryOf('problem=point&a=3&s=0&n=2&eta=0.6&B=2&runs=1&steps=1').theory[0];
    expect([inside.stableGD, inside.stableSGD, inside.marginal.gd, inside.marginal.sgd]).toEqual([true, true, false, false]);
    const outside = theoryOf('problem=point&a=3&s=0&n=2&eta=0.7&B=2&runs=1&steps=1').theory[0];
    expect([outside.stableGD, outside.stableSGD, outside.marginal.gd, outside.marginal.sgd]).toEqual([false, false, false, false]);
  });

  it('the command line prints the marginal label with the verdicts', () => {
    const m = simulateQuery(onBoundary).minima[0];
    expect(m).toMatchObject({ stableSGD: true, stableGD: true, marginal: { sgd: true, gd: true } });
  });
});

describe('flat directions are split off before ρ(𝒯) is bracketed', () => {
  it('random features with p = 40 > n = 20: the range part is decided by a dense solve of 𝒯 on it (ρ ≈ 0.99971 < 1)', () => {
    const { problem, theory, config } = theoryOf('problem=features&n=20&width=40&eta=0.5&B=4&sampling=with&runs=1&steps=1');
    const x = problem.minima[0].x;
    const p = problem.dim;
    const n = problem.n;
    // Independently: the component Hessians in parameter space, the range of their mean H
    // (its eigenvectors with eigenvalue above 1e-10 of the largest), and 𝒯 restricted there.
    const Hs = Array.from({ length: n }, (_, i) => {
      const out = new Float64Array(p * p);
      problem.componentHessian(i, x, out);
      return out;
    });
    const H = new Float64Array(p * p);
    for (const Hi of Hs) for (let q = 0; q < p * p; q++) H[q] += Hi[q] / n;
    const Q = rangeBasis(H, p);
    const r = Q.length;
    expect(r).toBe(n);
    const proj = (M: Float64Array) => {
      const out = new Float64Array(r * r);
      for (let a = 0; a < r; a++)
        for (let b = 0; b < r; b++) {
          let s = 0;
          for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += Q[a][i] * M[i * p + j] * Q[b][j];
          out[a * r + b] = s;
        }
      return out;
    };
    const Hr = proj(H);
    const Dr = Hs.map((Hi) => {
      const P = proj(Hi);
      for (let q = 0; q < r * r; q++) P[q] -= Hr[q];
      return P;
    });
    const eta = config.eta;
    const c = 1 / config.B; // with replacement (Patel's SGD-k)
    const A = new Float64Array(r * r);
    for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) A[a * r + b] = (a === b ? 1 : 0) - eta * Hr[a * r + b];
    // 𝒯(P) = A P A + η²c (1/n) Σ Dᵢ P Dᵢ on the orthonormal symmetric basis.
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < r; a++) for (let b = a; b < r; b++) pairs.push([a, b]);
    const m = pairs.length;
    const T = new Float64Array(m * m);
    const terms = [{ X: A, w: 1 }, ...Dr.map((X) => ({ X, w: (eta * eta * c) / n }))];
    const basis = ([a, b]: [number, number]) => {
      const E = new Float64Array(r * r);
      const v = a === b ? 1 : Math.SQRT1_2;
      E[a * r + b] = v;
      E[b * r + a] = v;
      return E;
    };
    for (let j = 0; j < m; j++) {
      const E = basis(pairs[j]);
      const out = new Float64Array(r * r);
      for (const { X, w } of terms) {
        const XE = matMul(X, E, r);
        const XEX = matMul(XE, X, r);
        for (let q = 0; q < r * r; q++) out[q] += w * XEX[q];
      }
      for (let i = 0; i < m; i++) {
        const F = basis(pairs[i]);
        let s = 0;
        for (let q = 0; q < r * r; q++) s += F[q] * out[q];
        T[i * m + j] = s;
      }
    }
    for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) T[i * m + j] = T[j * m + i] = (T[i * m + j] + T[j * m + i]) / 2;
    const ev = symEigenvalues(T, m);
    const rhoRange = Math.max(ev[0], -ev[m - 1]);
    expect(rhoRange).toBeLessThan(0.9999);
    const t = theory[0];
    expect(t.rangeSpectralRadius!.value).toBeCloseTo(rhoRange, 9);
    // ρ(𝒯) itself is 1 (the flat directions), and the verdict rests on the range part: stable.
    expect(t.spectralRadius).toBe(1);
    expect(t.stableSGD).toBe(true);
  }, 60_000);
});

function rangeBasis(H: Float64Array, p: number): Float64Array[] {
  // Eigenvectors by Jacobi rotations (a small independent solver: the test does not trust ours for this).
  const A = Float64Array.from(H);
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++) V[i * p + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += A[i * p + j] ** 2;
    if (off < 1e-30) break;
    for (let i = 0; i < p; i++)
      for (let j = i + 1; j < p; j++) {
        const aij = A[i * p + j];
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (A[j * p + j] - A[i * p + i]) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < p; k++) {
          const aki = A[k * p + i];
          const akj = A[k * p + j];
          A[k * p + i] = cs * aki - sn * akj;
          A[k * p + j] = sn * aki + cs * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = A[i * p + k];
          const ajk = A[j * p + k];
          A[i * p + k] = cs * aik - sn * ajk;
          A[j * p + k] = sn * aik + cs * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = V[k * p + i];
          const vkj = V[k * p + j];
          V[k * p + i] = cs * vki - sn * vkj;
          V[k * p + j] = sn * vki + cs * vkj;
        }
      }
  }
  const top = Math.max(...Array.from({ length: p }, (_, i) => A[i * p + i]));
  const out: Float64Array[] = [];
  for (let i = 0; i < p; i++) if (A[i * p + i] > 1e-10 * top) out.push(Float64Array.from({ length: p }, (_, k) => V[k * p + i]));
  return out;
}

function matMul(X: Float64Array, Y: Float64Array, r: number): Float64Array {
  const out = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let k = 0; k < r; k++) {
    const x = X[a * r + k];
    if (x === 0) continue;
    for (let b = 0; b < r; b++) out[a * r + b] += x * Y[k * r + b];
  }
  return out;
}

function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] += 1n;
  return b[0];
}
function nextDown(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  i[0] -= 1n;
  return b[0];
}
