import { describe, expect, it } from 'vitest';
import { batchFactor } from '../../../src/core/batch-factor';
import { decodeQuery } from '../../../src/core/params/query';
import { simulateQuery } from '../../../src/core/simulate';
import { prepareRun, startEnsembles } from '../../../src/core/prepare-run';
import type { RandomFeaturesModel } from '../../../src/core/problems/random-features';
import type { SquareLossProblem } from '../../../src/core/problems/square-loss';

/**
 * Wu–Wang–Su's artificial noises (§3.3) stand in for SGD's own noise, whose covariance is the
 * batch factor c times one draw's (docs/theory.md#artificial-noise-and-the-batch-factor). Here
 * one step from a point off the minimum is taken by K runs, and the injected noise is read back,
 * ξ = (θ₀ − θ₁)/η − ∇L(θ₀), with ∇L, L and Tr G computed here from the features directly.
 * Its total variance must be c · 2L · Tr G for both noises (isotropic S = 2σ²L·I, σ² = Tr G/p;
 * aligned S = 2L·G). The test allows 6 standard deviations of the estimate (a false alarm
 * about once in 10⁹).
 */
function injectedNoise(query: string) {
  const { config } = decodeQuery(query);
  const probe = prepareRun(config);
  const problem = probe.problem as SquareLossProblem;
  const model = problem.model as RandomFeaturesModel;
  const { n, p } = model;
  // θ₀: the minimum moved by 0.3 along every coordinate, so that L > 0.
  const theta0 = Array.from(problem.minima[0].x, (v) => v + 0.3);
  const run = prepareRun({ ...config, x0: theta0 });
  const sgd = startEnsembles(run).sgd!.runToEnd();
  const phi = model.phi;
  const r = Array.from({ length: n }, (_, i) => phi.subarray(i * p, (i + 1) * p).reduce((s, f, j) => s + f * theta0[j], 0) - model.y[i]);
  const grad = Array.from({ length: p }, (_, j) => r.reduce((s, ri, i) => s + ri * phi[i * p + j], 0) / n);
  const twoL = r.reduce((s, ri) => s + ri * ri, 0) / n;
  let trG = 0;
  for (let k = 0; k < n * p; k++) trG += (phi[k] * phi[k]) / n;
  const K = sgd.runs.length;
  let total = 0;
  for (const run1 of sgd.runs) for (let j = 0; j < p; j++) total += ((theta0[j] - run1.x[j]) / config.eta - grad[j]) ** 2;
  return { measured: total / K, twoLTrG: twoL * trG, n, p, K, config };
}

describe('artificial noise (noise=isotropic|aligned) is scaled by the batch factor c', () => {
  for (const noise of ['isotropic', 'aligned'] as const) {
    it(`${noise}, B = 5 of n = 10 without replacement: its total variance is c · 2L · Tr G with c = (n − B)/(B(n − 1)), not 2L · Tr G / B`, () => {
      const { measured, twoLTrG, n, p, K } = injectedNoise(`problem=features&n=10&width=30&eta=0.01&B=5&sampling=without&noise=${noise}&runs=3000&steps=1&hist=0`);
      const expected = batchFactor(n, 5, 'without') * twoLTrG;
      // isotropic: a χ² over K·p squares, relative sd √(2/(Kp)); aligned: a quadratic form in n
      // normals, relative sd at most √(2/K) (rank n ≤ p makes it the larger of the two).
      const sd = noise === 'isotropic' ? Math.sqrt(2 / (K * p)) : Math.sqrt(2 / K);
      expect(Math.abs(measured / expected - 1)).toBeLessThan(6 * sd);
    });
  }

  it('with replacement c = 1/B, as before', () => {
    const { measured, twoLTrG, p, K } = injectedNoise('problem=features&n=10&width=30&eta=0.01&B=5&sampling=with&noise=isotropic&runs=3000&steps=1&hist=0');
    expect(Math.abs(measured / (twoLTrG / 5) - 1)).toBeLessThan(6 * Math.sqrt(2 / (K * p)));
  });

  it('at B = n without replacement c = 0: no noise, every SGD run takes GD’s step', () => {
    for (const noise of ['isotropic', 'aligned']) {
      const { measured, twoLTrG } = injectedNoise(`problem=features&n=10&width=30&eta=0.01&B=10&sampling=without&noise=${noise}&runs=20&steps=1&hist=0`);
      expect(measured / twoLTrG).toBeLessThan(1e-20);
    }
  });

  it('a v=2 noise link keeps the checksum and fingerprint recorded before v=3', () => {
    // Recorded by `npm run sim` on the main branch before the change.
    const out = simulateQuery('v=2&problem=features&n=10&width=30&eta=0.5&B=2&noise=isotropic&runs=20&steps=100&seed=2');
    expect([out.runs.sgd!.checksum, out.runs.sgd!.fingerprint]).toEqual(['78e63dab3182eefc', '4f2a809682acdc37']);
    expect(simulateQuery('v=3&problem=features&n=10&width=30&eta=0.5&B=2&noise=isotropic&runs=20&steps=100&seed=2').runs.sgd!.checksum).not.toBe('78e63dab3182eefc');
  });

  it('links before v=3 keep 1/B whatever the sampling, so their runs reproduce', () => {
    const { measured, twoLTrG, p, K } = injectedNoise('v=2&problem=features&n=10&width=30&eta=0.01&B=5&sampling=without&noise=isotropic&runs=3000&steps=1&hist=0');
    expect(Math.abs(measured / (twoLTrG / 5) - 1)).toBeLessThan(6 * Math.sqrt(2 / (K * p)));
  });
});
