import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/data/dataset';
import { firstRows } from '../../../src/core/data/dataset';
import { moons, teacher } from '../../../src/core/data/generated-sets';
import { symMaxEigenvalue } from '../../../src/core/linalg/sym-eigen';
import { nonUniformity, sharpness } from '../../../src/core/network/curvature';
import type { Activation } from '../../../src/core/network/mlp';
import { MlpProblem } from '../../../src/core/network/mlp-problem';

/** Hᵢ by central differences of the exact gradient, column by column, symmetrised: independent of the Hessian-vector code. */
function differencedHessian(problem: MlpProblem, i: number, theta: Float64Array, h = 1e-5): Float64Array {
  const p = problem.dim;
  const H = new Float64Array(p * p);
  const gp = new Float64Array(p);
  const gm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const x = Float64Array.from(theta);
    x[j] = theta[j] + h;
    problem.componentGradient(i, x, gp);
    x[j] = theta[j] - h;
    problem.componentGradient(i, x, gm);
    for (let k = 0; k < p; k++) H[k * p + j] = (gp[k] - gm[k]) / (2 * h);
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) H[j * p + k] = H[k * p + j] = (H[j * p + k] + H[k * p + j]) / 2;
  return H;
}

function denseCurvature(problem: MlpProblem, theta: Float64Array): { a: number; s: number } {
  const p = problem.dim;
  const n = problem.n;
  const Hs = Array.from({ length: n }, (_, i) => differencedHessian(problem, i, theta));
  const H = new Float64Array(p * p);
  for (const Hi of Hs) for (let k = 0; k < p * p; k++) H[k] += Hi[k] / n;
  // Σ = (1/n) Σ (Hᵢ − H)², formed densely.
  const S = new Float64Array(p * p);
  for (const Hi of Hs) {
    const D = Hi.map((x, k) => x - H[k]);
    for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += D[r * p + k] * D[k * p + c];
      S[r * p + c] += s / n;
    }
  }
  return { a: symMaxEigenvalue(H, p), s: Math.sqrt(symMaxEigenvalue(S, p)) };
}

function tiny(data: Dataset, width: number, depth: number, activation: Activation, init = 2): MlpProblem {
  return new MlpProblem({ data, width, depth, activation, init, pseed: 3 });
}

const exact = { tol: 1e-12, maxSteps: 200 };

describe('the curvature of a network', () => {
  it('gives a = λ_max(H) and s = √λ_max(Σ) of a 2–3–1 network on 8 samples as a dense differenced Hessian does, to 1e-6', () => {
    const data: Dataset = { ...firstRows(moons(8, 1), 8), classes: 1, labels: new Int32Array(8) };
    // One output, fitted to alternate targets: relabel so half the samples aim at 0 (class "1" has no output, so its one-hot target is 0).
    data.labels.forEach((_, i) => (data.labels[i] = i % 2));
    const problem = tiny(data, 3, 1, 'tanh');
    expect(problem.net.label).toBe('2–3–1');
    expect(problem.dim).toBe(13);
    const dense = denseCurvature(problem, problem.initial);
    const a = sharpness(problem, problem.initial, exact);
    const s = nonUniformity(problem, problem.initial, exact);
    expect(Math.abs(a.value - dense.a) / dense.a).toBeLessThan(1e-6);
    expect(Math.abs(s.value - dense.s) / dense.s).toBeLessThan(1e-6);
    expect(a.lower).toBeLessThanOrEqual(a.upper);
    expect(dense.a).toBeGreaterThan(a.lower - 1e-6 * dense.a);
  });

  it('agrees with the dense check on a deeper ReLU network with three outputs', () => {
    const problem = tiny(teacher(8, 2), 3, 2, 'relu', 1.5);
    const dense = denseCurvature(problem, problem.initial);
    expect(Math.abs(sharpness(problem, problem.initial, exact).value - dense.a) / dense.a).toBeLessThan(1e-6);
    expect(Math.abs(nonUniformity(problem, problem.initial, exact).value - dense.s) / dense.s).toBeLessThan(1e-6);
  });

  it('makes Hessian-vector products equal to the dense differenced Hᵢ times v', () => {
    const problem = tiny(moons(6, 4), 4, 2, 'tanh');
    const p = problem.dim;
    const v = Float64Array.from({ length: p }, (_, k) => Math.cos(k));
    for (let i = 0; i < problem.n; i++) {
      const H = differencedHessian(problem, i, problem.initial);
      const hv = new Float64Array(p);
      problem.addComponentHessianVector(i, problem.initial, v, 1, hv);
      for (let r = 0; r < p; r++) {
        let s = 0;
        for (let c = 0; c < p; c++) s += H[r * p + c] * v[c];
        expect(hv[r]).toBeCloseTo(s, 7);
      }
    }
  });

  it('makes gradients equal to differenced losses', () => {
    const problem = tiny(teacher(5, 1), 4, 1, 'tanh');
    const g = new Float64Array(problem.dim);
    problem.fullGradient(problem.initial, g);
    const h = 1e-6;
    for (let j = 0; j < problem.dim; j += 3) {
      const x = Float64Array.from(problem.initial);
      x[j] += h;
      const up = problem.loss(x);
      x[j] -= 2 * h;
      const down = problem.loss(x);
      expect(g[j]).toBeCloseTo((up - down) / (2 * h), 7);
    }
  });
});
