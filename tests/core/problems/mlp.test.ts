import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src/core/data/digits';
import { isMlp } from '../../../src/core/network/mlp-problem';
import { decodeQuery } from '../../../src/core/params/query';
import { prepareRun, startEnsembles } from '../../../src/core/prepare-run';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { queryNeedsDigits } from '../../../src/core/problems/mlp-data';
import { simulateQuery } from '../../../src/core/simulate';

beforeAll(async () => {
  await loadDigits();
});

const issueKeys = (query: string) => {
  const decoded = decodeQuery(query);
  return [...decoded.issues, ...buildProblem(decoded.config).issues];
};

describe('the network problem', () => {
  it('is over-parameterised by default: p ≥ 2·n·classes, and says what it trains', () => {
    const { problem, config } = buildProblem(decodeQuery('problem=mlp').config);
    if (!isMlp(problem)) throw new Error('not a network');
    expect(problem.label).toBe('digits, 50 samples, 64–32–10');
    expect(problem.dim).toBe(64 * 32 + 32 + 32 * 10 + 10);
    expect(problem.dim).toBeGreaterThanOrEqual(2 * problem.n * 10);
    expect([config.eta, config.B, config.steps, config.runs]).toEqual([0.2, 10, 2000, 4]);
  });

  it('names bad keys: width 0, depth 50, an unknown activation or data set, n larger than the data', () => {
    const bad = issueKeys('problem=mlp&width=0&depth=50&activation=sine&data=mnist');
    expect(bad.map((i) => i.key).sort()).toEqual(['activation', 'data', 'depth', 'width']);
    for (const i of bad) expect(i.message).toContain(i.key);
    const tooMany = issueKeys('problem=mlp&n=1800');
    expect(tooMany).toEqual([{ key: 'n', message: 'n must be at most 1797 for data=digits (the set\'s size), got 1800; used 1797' }]);
    expect(issueKeys('problem=mlp&width=300')).toEqual([{ key: 'width', message: 'width must be at most 256 for mlp, got 300; used 256' }]);
    expect(issueKeys('problem=mlp&data=moons&n=1800')).toEqual([]);
  });

  it('starts GD and every SGD run at the same initialisation, inside U[−v/√n_in, v/√n_in]', () => {
    const run = prepareRun(decodeQuery('problem=mlp&data=moons&n=20&width=8&init=2&runs=3').config);
    const { sgd, gd } = startEnsembles(run);
    const problem = run.problem;
    if (!isMlp(problem)) throw new Error('not a network');
    for (const r of [...sgd!.runs, ...gd!.runs]) expect(r.x).toEqual(problem.initial);
    const first = problem.initial.subarray(0, problem.net.bAt[0]);
    expect(Math.max(...first.map(Math.abs))).toBeLessThanOrEqual(2 / Math.sqrt(2));
    expect(Math.max(...first.map(Math.abs))).toBeGreaterThan(1);
  });

  it('asks for the digits only when a network trains on them', () => {
    expect(queryNeedsDigits('problem=mlp&eta=0.2')).toBe(true);
    expect(queryNeedsDigits('problem=mlp&data=digits')).toBe(true);
    expect(queryNeedsDigits('problem=mlp&data=moons')).toBe(false);
    expect(queryNeedsDigits('problem=toy')).toBe(false);
  });
});

describe('a trained network (Wu–Ma–E Table 2, as a property of our runs)', () => {
  it.each([0.1, 0.4])('GD at η = %s trains to loss < 1e-4 and its sharpness is at most 2/η, within the estimate', (eta) => {
    const out = simulateQuery(`problem=mlp&n=20&width=16&eta=${eta}&opt=gd&steps=1200&hist=2`);
    const gd = out.network!.ends[0];
    expect(gd.optimiser).toBe('gd');
    expect(gd.trained).toBe(true);
    expect(gd.loss).toBeLessThan(1e-4);
    expect(gd.sharpness!.lower).toBeLessThanOrEqual(2 / eta);
    expect(gd.sharpness!.upper - gd.sharpness!.lower).toBeLessThan(1e-3 * gd.sharpness!.value);
    expect(gd.nonUniformity!.value).toBeGreaterThan(0);
    expect(gd.theta).toHaveLength(out.problem.dim);
  });

  it('does not place a run that ended above 1e-4 as a minimum: no a, no s, marked not trained', () => {
    const out = simulateQuery('problem=mlp&n=20&width=16&eta=0.1&opt=gd&steps=20&hist=2');
    const gd = out.network!.ends[0];
    expect(gd.loss).toBeGreaterThan(1e-4);
    expect(gd.trained).toBe(false);
    expect(gd.sharpness).toBeNull();
    expect(gd.nonUniformity).toBeNull();
  });

  it('reports a diverged run as diverged, not as a loss', () => {
    const out = simulateQuery('problem=mlp&data=moons&n=10&width=8&eta=1000&opt=gd&steps=50&hist=2');
    const gd = out.network!.ends[0];
    expect(gd.diverged).toBe(true);
    expect(gd.trained).toBe(false);
  });
});

describe('the switch from GD to SGD on a network (Wu–Ma–E Fig. 1, Table 3, Fig. 8)', () => {
  it('trains GD from the initialisation below switchloss, then starts every SGD run at its point', () => {
    const out = simulateQuery('problem=mlp&n=20&width=16&eta=0.4&B=1&switchloss=1e-4&runs=2&steps=30&escape=1&hist=4');
    const sw = out.switch!;
    expect(sw.step).not.toBeNull();
    expect(sw.loss).toBeLessThan(1e-4);
    expect(out.runs.sgd!.curves.meanLoss[0]).toBe(sw.loss);
    // B = 1 at η = 0.4: GD's minimum has s far above 1/η = 2.5, and every SGD run leaves it (here within a few steps).
    expect(out.runs.sgd!.escaped).toBe(2);
    expect(out.network!.ends[0].trained).toBe(true);
    for (const e of out.network!.ends.slice(1)) expect(e.trained).toBe(false);
  });

  it('without switchloss, starts every run at the initialisation as before', () => {
    const out = simulateQuery('problem=mlp&data=moons&n=10&width=6&steps=5&runs=1&hist=2');
    expect(out.switch).toBeUndefined();
  });
});

