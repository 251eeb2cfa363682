import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormulaCompiler } from '../../../src/core/formula/load-formula-compiler';
import { simulateQuery } from '../../../src/core/simulate';

beforeAll(async () => {
  await loadFormulaCompiler();
}, 60_000);

// f = 0.8·(0.1x²) + 0.2·(1.9x²): curvatures 0.2 and 3.8, weighted Hessian 0.8·0.2 + 0.2·3.8 = 0.92.
const WEIGHTED = 'problem=custom&f=0.1*x^2;1.9*x^2&p=0.8,0.2&eta=1.05';

describe('a weighted sum has one definition of its batches', () => {
  it('at B = n without replacement it is GD on Σ pᵢfᵢ: a = 0.92, both verdicts stable, and every run converges', () => {
    const out = simulateQuery(`${WEIGHTED}&B=2&sampling=without&runs=200&steps=300`);
    expect(out.issues).toEqual([]);
    const m = out.minima[0];
    expect(m.sharpness).toBeCloseTo(0.8 * 0.2 + 0.2 * 3.8, 12);
    // GD's factor (1 − 1.05·0.92)² = 0.0012 < 1
    expect(m.spectralRadius).toBeCloseTo((1 - 1.05 * 0.92) ** 2, 12);
    expect([m.stableGD, m.stableSGD]).toEqual([true, true]);
    expect(m.escapeStepsFromRho).toBeNull();
    expect(out.runs.sgd!.escaped).toBe(0);
    expect(out.runs.gd!.escaped).toBe(0);
  });

  it('SGD without replacement at B < n is refused, naming p and sampling, and runs with replacement', () => {
    const out = simulateQuery(`${WEIGHTED}&B=1&sampling=without&runs=5&steps=10`);
    expect(out.config.sampling).toBe('with');
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0].key).toBe('sampling');
    expect(out.issues[0].message).toMatch(/weights p need sampling=with for B < n/);
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', `${WEIGHTED}&B=1&runs=5&steps=10`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('weights p need sampling=with');
  }, 60_000);

  it('with replacement the theory uses the weights: a = 0.92 and s² = Σ pᵢ(hᵢ − a)²', () => {
    const m = simulateQuery(`${WEIGHTED}&B=1&sampling=with&runs=2&steps=5`).minima[0];
    const a = 0.8 * 0.2 + 0.2 * 3.8;
    expect(m.sharpness).toBeCloseTo(a, 12);
    expect(m.nonUniformity).toBeCloseTo(Math.sqrt(0.8 * (0.2 - a) ** 2 + 0.2 * (3.8 - a) ** 2), 12);
  });

  it('where the components do not share the minimum, the listed point is said not to be a fixed point of SGD, and the runs hover around it', () => {
    // f = 0.9(x − 1)² + 0.1(x + 1)² has its minimum at 0.8, where ∇f₁ = −0.4 and ∇f₂ = 3.6 do not vanish.
    const out = simulateQuery('problem=custom&f=(x-1)^2;(x+1)^2&p=0.9,0.1&eta=0.1&B=1&sampling=with&runs=50&steps=2000');
    const m = out.minima[0];
    expect(m.x[0]).toBeCloseTo(0.8, 9);
    expect(m.fixedPoint).toBe(false);
    expect(out.problem.notes.some((t) => /inhomogeneous: ∇fᵢ\(x\*\) ≠ 0 at x\* = 0\.8.*not a fixed point of SGD/.test(t))).toBe(true);
    // the runs follow the weights: their mean distance from 0.8 stays near the predicted spread
    // (√tr P = 0.2) rather than 0.8, where runs drifting to 0 would be
    const d = out.runs.sgd!.curves.meanDist;
    expect(m.noise!.spread).toBeCloseTo(0.2, 9);
    expect(d[d.length - 1]).toBeLessThan(0.4);
  });
});

describe('a comparison with weights and sampling=without at B < n', () => {
  const MAIN = 'problem=custom&f=0.1*x^2;1.9*x^2;x^2&p=0.5,0.2,0.3&eta=0.9&B=2&sampling=with&runs=5&steps=20';

  it('is left out by name (it would otherwise run with replacement, the main run under another name), and the others are kept', () => {
    const out = simulateQuery(`${MAIN}&compare=sampling:without;eta:0.5;B:3,sampling:without`);
    expect(out.issues).toEqual([{ key: 'compare', message: 'compare "sampling:without": weights p need sampling=with for B < n (a batch without replacement cannot follow the weights); got sampling=without with p and B = 2 < n = 3; left out' }]);
    expect(out.compare!.map((c) => c.overrides)).toEqual(['eta:0.5', 'B:3,sampling:without']);
    expect(out.compare![1].permalink).not.toContain('sampling=with');
  });

  it('runs as recorded on a link before v=3', () => {
    const out = simulateQuery(`v=2&${MAIN}&compare=sampling:without`);
    expect(out.issues).toEqual([]);
    // sampling=without is the default, so the comparison's own link leaves it out
    expect(out.compare![0].permalink).not.toContain('sampling=with');
  });
});

describe('links before v=3 with weights and sampling=without at B < n', () => {
  // Recorded by `npm run sim` at commit b20229c^ (before the refusal): SGD's batches uniform, GD on Σ pᵢfᵢ.
  const OLD = 'v=2&problem=custom&f=0.1*x^2;1.9*x^2;x^2&p=0.5,0.2,0.3&eta=0.9&B=2&sampling=without&runs=50&steps=100&seed=3';

  it('run as they were recorded, with no refusal, and reproduce their checksums', () => {
    const out = simulateQuery(OLD);
    expect(out.issues).toEqual([]);
    expect(out.config.sampling).toBe('without');
    expect([out.runs.sgd!.checksum, out.runs.gd!.checksum]).toEqual(['d50d53f90bafebee', '8524e3bae85403de']);
  });

  it('are refused at v=3, naming p and sampling', () => {
    const out = simulateQuery(OLD.replace('v=2', 'v=3'));
    expect(out.config.sampling).toBe('with');
    expect(out.issues.map((i) => i.key)).toEqual(['sampling']);
    expect(out.minima.every((m) => m.samplingNote === undefined)).toBe(true);
  });

  it('say in every minimum’s theory that SGD does not follow it, naming p, sampling and the link version', () => {
    const out = simulateQuery(OLD);
    expect(out.minima.length).toBeGreaterThan(0);
    for (const m of out.minima) {
      expect(m.samplingNote).toContain('weights p with sampling=without at B = 2 < n = 3');
      expect(m.samplingNote).toContain('this v=2 link, run as recorded');
      expect(m.samplingNote).toContain('SGD draws its batches uniformly, ignoring p');
    }
    // at B = n it is GD on the weighted sum, which the theory describes: no note
    expect(simulateQuery(OLD.replace('B=2', 'B=3')).minima.every((m) => m.samplingNote === undefined)).toBe(true);
    expect(simulateQuery(OLD.replace('v=2', 'v=1')).minima[0].samplingNote).toContain('this v=1 link');
  });

  it('print the note on the command line’s stderr and in its JSON, and exit 0 with the recorded runs', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', OLD], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.issues).toEqual([]);
    expect([out.runs.sgd.checksum, out.runs.gd.checksum]).toEqual(['d50d53f90bafebee', '8524e3bae85403de']);
    expect(out.minima[0].samplingNote).toContain('this v=2 link');
    expect(r.stderr.match(/^sim: note: weights p with sampling=without/gm)).toHaveLength(1);
  });
});
