import { describe, expect, it } from 'vitest';
import { moons, teacher } from '../../../src/core/data/generated-sets';
import { ALIGNMENT_MAX_ROWS, frobeniusBound, isAlignmentSkipped, networkAlignment, type NetworkAlignment } from '../../../src/core/network/alignment';
import { MlpProblem } from '../../../src/core/network/mlp-problem';
import { symEigen } from '../../../src/core/linalg/sym-eigen';
import { decodeQuery } from '../../../src/core/params/query';
import { prepareRun } from '../../../src/core/prepare-run';
import { simulateQuery } from '../../../src/core/simulate';

const h = 1e-5;

/** Central differences of a function of θ along each coordinate: column j is (F(θ + h e_j) − F(θ − h e_j))/2h. */
function differenced(theta: Float64Array, F: (x: Float64Array) => Float64Array, rows: number): Float64Array {
  const p = theta.length;
  const D = new Float64Array(rows * p);
  for (let j = 0; j < p; j++) {
    const x = Float64Array.from(theta);
    x[j] = theta[j] + h;
    const up = F(x);
    x[j] = theta[j] - h;
    const down = F(x);
    for (let r = 0; r < rows; r++) D[r * p + j] = (up[r] - down[r]) / (2 * h);
  }
  return D;
}

/**
 * Wu–Wang–Su's μ and ‖G‖_F from dense p × p matrices: G from differenced network
 * outputs, Σ from differenced sample losses. Shares no code with the Gram-matrix route
 * but the forward pass.
 */
function denseAlignment(problem: MlpProblem, theta: Float64Array): NetworkAlignment {
  const { n, dim: p } = problem;
  const k = problem.net.sizes.at(-1)!;
  const { inputs } = problem.spec.data;
  const G = new Float64Array(p * p);
  const grads: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const Ji = differenced(theta, (x) => Float64Array.from(problem.net.forward(x, inputs, i)), k);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) for (let c = 0; c < k; c++) G[a * p + b] += (Ji[c * p + a] * Ji[c * p + b]) / n;
    grads.push(differenced(theta, (x) => Float64Array.of(problem.component(i, x)), 1));
  }
  const mean = new Float64Array(p);
  for (const g of grads) for (let a = 0; a < p; a++) mean[a] += g[a] / n;
  let trS1G = 0;
  let trS2G = 0;
  let G2 = 0;
  let trG = 0;
  for (let a = 0; a < p; a++) {
    trG += G[a * p + a];
    for (let b = 0; b < p; b++) {
      G2 += G[a * p + b] ** 2;
      for (const g of grads) trS1G += (g[a] * g[b] * G[a * p + b]) / n;
      trS2G += mean[a] * mean[b] * G[a * p + b];
    }
  }
  const twoL = 2 * problem.loss(theta);
  return { frobeniusG: Math.sqrt(G2), traceG: trG, mu: (trS1G - trS2G) / (twoL * G2), mu1: trS1G / (twoL * G2), mu0: denseMu0(problem, theta) };
}

/**
 * μ₀ in parameter space, from dense differenced output Jacobians Jᵢ: with Gᵢ = JᵢᵀJᵢ and the linearised
 * gradients ∇Lᵢ = Gᵢδ, Tr(ΣG) = δᵀAδ with A = (1/n) Σ GᵢGGᵢ − G³ and 2L = δᵀGδ, so μ₀ is the smallest
 * eigenvalue of the pencil (A, G) on G's range, over ‖G‖²_F: λ_min(WᵀAW) with W = UΛ^(−1/2) from G's eigenpairs.
 */
function denseMu0(problem: MlpProblem, theta: Float64Array): number | null {
  const { n, dim: p } = problem;
  const k = problem.net.sizes.at(-1)!;
  const { inputs } = problem.spec.data;
  const Gs = Array.from({ length: n }, (_, i) => {
    const Ji = differenced(theta, (x) => Float64Array.from(problem.net.forward(x, inputs, i)), k);
    const Gi = new Float64Array(p * p);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) for (let c = 0; c < k; c++) Gi[a * p + b] += Ji[c * p + a] * Ji[c * p + b];
    return Gi;
  });
  const mul = (X: Float64Array, Y: Float64Array) => {
    const Z = new Float64Array(p * p);
    for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) for (let b = 0; b < p; b++) Z[a * p + b] += X[a * p + c] * Y[c * p + b];
    return Z;
  };
  const G = new Float64Array(p * p);
  for (const Gi of Gs) for (let a = 0; a < p * p; a++) G[a] += Gi[a] / n;
  const A = mul(G, mul(G, G)).map((v) => -v);
  for (const Gi of Gs) {
    const GiGGi = mul(Gi, mul(G, Gi));
    for (let a = 0; a < p * p; a++) A[a] += GiGGi[a] / n;
  }
  const { values, vectors } = symEigen(G, p);
  const kept = [...values].map((v, j) => ({ v, j })).filter(({ v }) => v > 1e-8 * values[0]);
  const q = kept.length;
  const W = new Float64Array(p * q);
  kept.forEach(({ v, j }, col) => {
    for (let a = 0; a < p; a++) W[a * q + col] = vectors[a * p + j] / Math.sqrt(v);
  });
  const R = new Float64Array(q * q);
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) R[i * q + j] += W[a * q + i] * A[a * p + b] * W[b * q + j];
  const G2 = G.reduce((s, x) => s + x * x, 0);
  const mu0 = symEigen(R, q).values[q - 1] / G2;
  return mu0 > 0 ? mu0 : null;
}

function computed(x: ReturnType<typeof networkAlignment>): NetworkAlignment {
  if (isAlignmentSkipped(x)) throw new Error(x.skipped);
  return x;
}

const relative = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe("Wu–Wang–Su's quantities on a network", () => {
  it('networkAlignment(problem, θ) gives ‖G‖_F, Tr G, μ and μ₁ of a 2–3–2 tanh network on 8 samples as dense differenced matrices do, to 1e-6', () => {
    const problem = new MlpProblem({ data: moons(8, 1), width: 3, depth: 1, activation: 'tanh', init: 2, pseed: 3 });
    const fast = computed(networkAlignment(problem, problem.initial));
    const dense = denseAlignment(problem, problem.initial);
    for (const key of ['frobeniusG', 'traceG', 'mu', 'mu1'] as const) expect(relative(fast[key], dense[key])).toBeLessThan(1e-6);
    expect(relative(fast.mu0!, dense.mu0!)).toBeLessThan(1e-6);
  });

  it('agrees with the dense matrices on a deeper ReLU network with three outputs', () => {
    const problem = new MlpProblem({ data: teacher(8, 2), width: 3, depth: 2, activation: 'relu', init: 1.5, pseed: 3 });
    const fast = computed(networkAlignment(problem, problem.initial));
    const dense = denseAlignment(problem, problem.initial);
    for (const key of ['frobeniusG', 'traceG', 'mu', 'mu1'] as const) expect(relative(fast[key], dense[key])).toBeLessThan(1e-6);
    expect(relative(fast.mu0!, dense.mu0!)).toBeLessThan(1e-6);
  });

  it('gives μ₀, the smallest alignment over all directions, as the dense (A, G) pencil does, also when nk > p leaves K singular', () => {
    for (const problem of [
      new MlpProblem({ data: moons(8, 1), width: 3, depth: 1, activation: 'tanh', init: 2, pseed: 3 }),
      new MlpProblem({ data: teacher(8, 2), width: 3, depth: 2, activation: 'relu', init: 1.5, pseed: 3 }),
      // p = 12 parameters, nk = 16 output gradients: K has rank at most 12, and μ₀ is the minimum over its range.
      new MlpProblem({ data: moons(8, 4), width: 2, depth: 1, activation: 'tanh', init: 2, pseed: 5 }),
    ]) {
      const fast = computed(networkAlignment(problem, problem.initial));
      const dense = denseMu0(problem, problem.initial);
      expect(dense).not.toBeNull();
      expect(relative(fast.mu0!, dense!)).toBeLessThan(1e-6);
      // μ₀ is the minimum over directions; μ at this point is one of them.
      expect(fast.mu0!).toBeLessThanOrEqual(fast.mu * (1 + 1e-9));
    }
  });

  it("gives Theorem 3.3's bound 1/(η√(cμ₀)): √(B/μ₀)/η with replacement, none for GD's batch without it", () => {
    expect(frobeniusBound(0.25, 0.1, 50, 4, 'with')).toBeCloseTo(Math.sqrt(4 / 0.25) / 0.1, 12);
    expect(frobeniusBound(0.25, 0.1, 50, 50, 'without')).toBeNull();
    expect(frobeniusBound(null, 0.1, 50, 4, 'with')).toBeNull();
  });

  it('gives ‖G‖_F within 1e-3 of the dense differenced ‖H‖_F at a minimum just trained below 1e-4, and `npm run sim` prints it', () => {
    const query = 'problem=mlp&data=teacher&n=12&width=16&eta=0.3&opt=gd&steps=300';
    const end = simulateQuery(query).network!.ends[0];
    // Just under the paper's threshold, so the residual term H − G is as large as a trained point allows.
    expect(end.loss).toBeGreaterThan(1e-5);
    expect(end.trained).toBe(true);
    const problem = prepareRun(decodeQuery(query).config).problem as MlpProblem;
    const theta = Float64Array.from(end.theta);
    const g = new Float64Array(problem.dim);
    const H = differenced(theta, (x) => (problem.fullGradient(x, g), Float64Array.from(g)), problem.dim);
    const frobeniusH = Math.sqrt(H.reduce((s, x) => s + x * x, 0));
    const alignment = computed(networkAlignment(problem, theta));
    expect(relative(alignment.frobeniusG, frobeniusH)).toBeLessThan(1e-3);
    expect(end.alignment).toEqual(alignment);
  });

  it('is not computed beyond ALIGNMENT_MAX_ROWS output gradients, and says why', () => {
    const problem = new MlpProblem({ data: teacher(ALIGNMENT_MAX_ROWS / 2, 1), width: 2, depth: 1, activation: 'tanh', init: 1, pseed: 1 });
    const result = networkAlignment(problem, problem.initial);
    expect(isAlignmentSkipped(result) && result.skipped).toMatch(/^not computed: n·k = 500·\d+ = \d+ output gradients, more than 1000/);
  });
});
