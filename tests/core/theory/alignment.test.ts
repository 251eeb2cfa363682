import { describe, expect, it } from 'vitest';
import { Ensemble } from '../../../src/core/engine/ensemble';
import { symMaxEigenvalue } from '../../../src/core/linalg/sym-eigen';
import { diagonalNetwork } from '../../../src/core/problems/diagonal-network';
import { randomFeatures } from '../../../src/core/problems/random-features';
import { SquareLossProblem, type SquareLossModel } from '../../../src/core/problems/square-loss';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';
import { alignmentAt, powerSharpness } from '../../../src/core/theory/alignment';
import { moments } from '../../../src/core/theory/hessian-set';
import { SecondMomentOperator } from '../../../src/core/theory/second-moment';

/** A linear model with chosen gradient rows J and targets y. */
class LinearModel implements SquareLossModel {
  constructor(
    readonly n: number,
    readonly p: number,
    readonly J: Float64Array,
    readonly y: Float64Array,
  ) {}
  predict(i: number, t: Float64Array): number {
    let s = 0;
    for (let k = 0; k < this.p; k++) s += this.J[i * this.p + k] * t[k];
    return s;
  }
  modelGradient(i: number, _t: Float64Array, out: Float64Array): void {
    out.set(this.J.subarray(i * this.p, (i + 1) * this.p));
  }
  modelHessian(_i: number, _t: Float64Array, out: Float64Array): void {
    out.fill(0);
  }
}

const at = (eta: number, B: number) => ({ eta, B, sampling: 'with' as const, radius: 1e-3, escape: 1, seed: 1 });

describe("Wu–Wang–Su's alignment of SGD noise", () => {
  it('gives μ = α = β = 1 when Σ = 2LG exactly (paired samples with opposite residuals)', () => {
    // samples 2k and 2k+1 share the gradient gₖ; residuals +ρ and −ρ make ∇L = 0 and Σ₁ = ρ²G = 2LG.
    const p = 3;
    const rows = [
      [1, 0.5, 0],
      [0.2, 1, -0.3],
      [0, 0.4, 2],
    ];
    const J = Float64Array.from(rows.flatMap((r) => [r, r]).flat());
    const y = Float64Array.from([0.7, -0.7, 0.7, -0.7, 0.7, -0.7]);
    const prob = new SquareLossProblem('features', new LinearModel(6, p, J, y), []);
    const a = alignmentAt(prob, new Float64Array(p)); // residuals −y
    expect(a.mu).toBeCloseTo(1, 12);
    expect(a.alpha).toBeCloseTo(1, 12);
    expect(a.beta).toBeCloseTo(1, 12);
    expect(a.mu1).toBeGreaterThanOrEqual(a.gamma - 1e-12); // Lemma 2.2
  });

  it('computes a and s by power iteration with Hessian–vector products in agreement with a dense eigen-solve', () => {
    const prob = randomFeatures(8, 30, 3);
    const theta = prob.minima[0].x;
    const J = prob.jacobian(theta);
    const { a, s } = powerSharpness(J, 8, 30);
    const H = new Float64Array(900);
    const S = new Float64Array(900);
    const hi = new Float64Array(900);
    for (let i = 0; i < 8; i++) {
      prob.componentHessian(i, theta, hi);
      for (let k = 0; k < 900; k++) H[k] += hi[k] / 8;
    }
    for (let i = 0; i < 8; i++) {
      prob.componentHessian(i, theta, hi);
      for (let r = 0; r < 30; r++)
        for (let c = 0; c < 30; c++) {
          let v = 0;
          for (let k = 0; k < 30; k++) v += (hi[r * 30 + k] - H[r * 30 + k]) * (hi[k * 30 + c] - H[k * 30 + c]);
          S[r * 30 + c] += v / 8;
        }
    }
    expect(a).toBeCloseTo(symMaxEigenvalue(H, 30), 9);
    expect(s).toBeCloseTo(Math.sqrt(symMaxEigenvalue(S, 30)), 7);
    // and the theory's reduced n-dimensional view reads the same (a, s)
    const t = analyseMinimum(prob, prob.minima[0], at(0.1, 1));
    expect(t.sharpness).toBeCloseTo(a, 9);
    expect(t.nonUniformity).toBeCloseTo(s, 7);
  });

  it('keeps the Frobenius bound ‖H‖_F ≤ √(B/μ₀)/η at every minimum the linearised SGD finds stable (Theorem 3.3)', () => {
    let stableSeen = 0;
    for (const prob of [randomFeatures(6, 20, 1), randomFeatures(8, 16, 2), diagonalNetwork(6, 10, 3), diagonalNetwork(5, 12, 4)]) {
      for (const m of prob.minima) {
        for (const B of [1, 2, 4]) {
          for (const eta of [0.05, 0.2, 0.5, 1, 2, 4]) {
            const t = analyseMinimum(prob, m, at(eta, B));
            if (!t.stableSGD || !t.wws || t.wws.frobeniusBound === null) continue;
            stableSeen++;
            expect(t.wws.frobenius).toBeLessThanOrEqual(t.wws.frobeniusBound * (1 + 1e-9));
          }
        }
      }
    }
    expect(stableSeen).toBeGreaterThan(10);
  });

  it('escapes slower with isotropic noise than with aligned noise of the same total variance', () => {
    const prob = randomFeatures(10, 60, 5);
    const t = analyseMinimum(prob, prob.minima[0], at(1, 1));
    // pick η where GD is stable but the aligned-noise rate exceeds 1
    const eta = 1.6 / t.sharpness;
    const spec = { opt: 'gd' as const, eta, B: 1, sampling: 'with' as const, seed: 2, runs: 1, steps: 300, start: 0, x0: [], radius: 1e-4, escape: 1e-1, hist: 0 };
    const escapes = (noise: 'isotropic' | 'aligned') => {
      let sum = 0;
      for (let r = 0; r < 40; r++) {
        const e = new Ensemble(prob, { ...spec, seed: 100 + r, noise }).runToEnd();
        sum += e.runs[0].escapeStep < 0 ? 300 : e.runs[0].escapeStep;
      }
      return sum / 40;
    };
    expect(escapes('aligned')).toBeLessThan(0.5 * escapes('isotropic'));
  });

  it('makes SGD leave a minimum above the bound exponentially fast: E L grows at least γ₀-fold a step (Theorem 3.5), and the runs follow the exact linearised E L', () => {
    const prob = diagonalNetwork(10, 20, 1);
    const m = prob.minima[2]; // GD's limit from α = 1
    const a = analyseMinimum(prob, m, at(1, 1)).sharpness;
    const eta = 1.5 / a; // GD-stable: ηa = 1.5 < 2
    const t = analyseMinimum(prob, m, at(eta, 1));
    const w = t.wws!;
    expect(t.stableGD).toBe(true);
    expect(w.frobenius).toBeGreaterThan(w.frobeniusBound!);
    expect(w.gamma0!).toBeGreaterThan(1);

    // Exact E L_t of linearised SGD-1: P_{t+1} = 𝒯(P_t), E L_t = ½ tr(H P_t), from E δ₀δ₀ᵀ = ε²/(p+2) I.
    const p = prob.dim;
    const n = prob.n;
    const J = prob.jacobian(m.x);
    const data = new Float64Array(n * p * p);
    for (let i = 0; i < n; i++) for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) data[i * p * p + r * p + c] = J[i * p + r] * J[i * p + c];
    const set = { d: p, n, p: new Float64Array(n).fill(1 / n), diagonal: false, data };
    const mom = moments(set);
    const op = new SecondMomentOperator(set, mom, eta, 1);
    const eps = 1e-9;
    let P: Float64Array = new Float64Array(p * p);
    for (let r = 0; r < p; r++) P[r * p + r] = (eps * eps) / (p + 2);
    const exact: number[] = [];
    for (let step = 0; step <= 6; step++) {
      let tr = 0;
      for (let k = 0; k < p * p; k++) tr += mom.H[k] * P[k];
      exact.push(0.5 * tr);
      P = op.apply(P, new Float64Array(p * p));
    }
    for (let step = 0; step < 6; step++) expect(exact[step + 1]).toBeGreaterThanOrEqual(w.gamma0! * exact[step] * (1 - 1e-9));

    // 4000 real SGD runs on the network from the same start distribution
    const losses: number[] = [];
    for (let gidx = 0; gidx < 20; gidx++) {
      const e = new Ensemble(prob, { opt: 'sgd', eta, B: 1, sampling: 'with', seed: 1000 + gidx, runs: 200, steps: 6, start: 2, x0: [], radius: eps, escape: 1e9, hist: 0 });
      e.runToEnd();
      for (const r of e.runs) losses.push(prob.loss(r.x));
    }
    const mean = losses.reduce((x, y) => x + y, 0) / losses.length;
    const se = Math.sqrt(losses.reduce((x, y) => x + (y - mean) ** 2, 0) / (losses.length - 1) / losses.length);
    expect(Math.abs(mean - exact[6])).toBeLessThan(4 * se);
    expect(mean).toBeGreaterThan(20 * exact[0]);
  });
});

describe('the alignment computed in pieces', () => {
  it('is alignmentAt’s to the last bit, one Gram row a call or all at once', async () => {
    const { buildProblem } = await import('../../../src/core/problems/build-problem');
    const { decodeQuery } = await import('../../../src/core/params/query');
    const { AlignmentInPieces } = await import('../../../src/core/theory/alignment');
    const { problem } = buildProblem(decodeQuery('problem=features&n=24&width=40').config);
    if (!(problem instanceof SquareLossProblem)) throw new Error('not a square-loss model');
    const theta = Float64Array.from(problem.minima[0].x, (v, j) => v + 0.01 * Math.sin(j));
    const whole = alignmentAt(problem, theta);
    const pieces = new AlignmentInPieces(problem, theta);
    let calls = 0;
    let a = null;
    while (a === null) {
      a = pieces.advance(() => true);
      calls++;
    }
    expect(calls).toBe(problem.n);
    expect(a).toEqual(whole);
    expect(new AlignmentInPieces(problem, theta).advance(() => false)).toEqual(whole);
  });
});
