import { describe, expect, it } from 'vitest';
import { moons, teacher } from '../../../src/core/data/generated-sets';
import { ALIGNMENT_MAX_ROWS, isAlignmentSkipped, networkAlignment, type NetworkAlignment } from '../../../src/core/network/alignment';
import { MlpProblem } from '../../../src/core/network/mlp-problem';
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
  return { frobeniusG: Math.sqrt(G2), traceG: trG, mu: (trS1G - trS2G) / (twoL * G2), mu1: trS1G / (twoL * G2) };
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
  });

  it('agrees with the dense matrices on a deeper ReLU network with three outputs', () => {
    const problem = new MlpProblem({ data: teacher(8, 2), width: 3, depth: 2, activation: 'relu', init: 1.5, pseed: 3 });
    const fast = computed(networkAlignment(problem, problem.initial));
    const dense = denseAlignment(problem, problem.initial);
    for (const key of ['frobeniusG', 'traceG', 'mu', 'mu1'] as const) expect(relative(fast[key], dense[key])).toBeLessThan(1e-6);
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
