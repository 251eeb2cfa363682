import { describe, expect, it } from 'vitest';
import { GdPhase, SWITCH_GD_BUDGET, SwitchedEnsemble } from '../../../src/core/engine/switch-protocol';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import type { SquareLossProblem } from '../../../src/core/problems/square-loss';
import { Mulberry32 } from '../../../src/core/rng';
import { simulateQuery } from '../../../src/core/simulate';
import { ensembleSpec } from '../../../src/core/prepare-run';
import { analyseMinimum } from '../../../src/core/theory/analyse-minimum';
import type { FromWorker } from '../../../src/worker/protocol';
import { SimSession } from '../../../src/worker/sim-session';

/** The diagonal network's α = 0.5 minimum: GD-stable at η = 0.1 (a ≈ 12 < 2/η = 20) yet above √(B/μ₀)/η. */
const FIG4 = 'problem=dln&n=20&width=40&eta=0.1&B=1&start=1&radius=0.05&switchloss=1e-6';

function setup(query: string) {
  const { config } = decodeQuery(query);
  const { problem } = buildProblem(config);
  return { config, problem: problem as SquareLossProblem };
}

/** Least squares of y on t: slope and R². */
function fitLine(t: number[], y: number[]): { slope: number; r2: number } {
  const n = t.length;
  const mt = t.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    stt += (t[i] - mt) ** 2;
    sty += (t[i] - mt) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  const slope = sty / stt;
  return { slope, r2: (slope * sty) / syy };
}

describe('the switch protocol of Wu–Wang–Su Fig. 4', () => {
  it('switches at the first GD step whose loss is below switchloss, and not before', () => {
    const { config, problem } = setup(FIG4);
    const info = new GdPhase(problem, config).runToEnd().info();
    expect(info.step).not.toBeNull();
    expect(info.step!).toBeGreaterThan(1);
    expect(info.loss).toBeLessThan(config.switchloss);
    const before = new GdPhase(problem, config);
    before.advance(info.step! - 1);
    expect(before.switched).toBe(false);
    expect(before.loss).toBeGreaterThanOrEqual(config.switchloss);
    expect(info.diverged).toBe(false);
  });

  it('gives the same switch step however the GD phase is sliced', () => {
    const { config, problem } = setup(FIG4);
    const whole = new GdPhase(problem, config).runToEnd();
    const sliced = new GdPhase(problem, config);
    while (!sliced.finished) sliced.advance(3);
    expect(sliced.run.t).toBe(whole.run.t);
    expect(Array.from(sliced.point!)).toEqual(Array.from(whole.point!));
  });

  it('never switches when GD diverges: no run starts and the switch step is null', () => {
    // a ≈ 0.39 on this model, so η = 10 is far above GD's 2/a; the threshold is below
    // the start's own loss (about 3·10⁻⁹), so GD has to get there.
    const out = simulateQuery('problem=features&n=20&width=40&eta=10&B=1&switchloss=1e-10&runs=5&steps=10');
    expect(out.switch).toMatchObject({ step: null, diverged: true });
    expect(out.switch!.gdSteps).toBeLessThan(SWITCH_GD_BUDGET);
    expect(out.runs).toEqual({ sgd: null, gd: null });
  });

  it('starts every switched run at GD’s point and counts escapes from it', () => {
    const { config, problem } = setup(`${FIG4}&runs=7`);
    const phase = new GdPhase(problem, config).runToEnd();
    const ens = new SwitchedEnsemble(problem, ensembleSpec(config, 'sgd'), phase.point!);
    expect(ens.runs).toHaveLength(7);
    for (const r of ens.runs) {
      expect(Array.from(r.x)).toEqual(Array.from(phase.point!));
      expect(r.distance()).toBe(0);
      expect(r.t).toBe(0);
    }
  });

  it('leaves GD at its switch point and lets SGD escape: the minimum is GD-stable but above √(B/μ₀)/η', () => {
    const out = simulateQuery(`${FIG4}&runs=100&steps=40`);
    const th = out.switch!.theory!;
    expect(th.sharpnessPower).toBeLessThan(2 / out.config.eta);
    expect(th.frobenius).toBeGreaterThan(th.frobeniusBound!);
    expect(th.gamma0!).toBeGreaterThan(1);
    expect(out.runs.gd!.escaped).toBe(0);
    expect(out.runs.sgd!.escaped).toBe(100);
  });

  it('makes the switched runs’ mean loss grow exponentially, between γ₀ (Theorem 3.5) and ρ(𝒯) within statistical error', () => {
    const K = 400;
    const { config, problem } = setup(`${FIG4}&runs=${K}&steps=30&hist=64`);
    const phase = new GdPhase(problem, config).runToEnd();
    const theory = phase.info().theory!;
    const rho = analyseMinimum(problem, { label: 'θ_s', x: phase.point!, fixedPoint: false }, config).spectralRadius;
    const ens = new SwitchedEnsemble(problem, ensembleSpec(config, 'sgd'), phase.point!).runToEnd();
    // The loss of run r at step t (every step is recorded: 30 < 64).
    const L = ens.runs.map((r) => Array.from(r.history!.snapshot().loss));
    const meanAt = (rows: number[][], t: number) => rows.reduce((s, row) => s + row[t], 0) / rows.length;
    // The local (linear) regime: until the mean loss first exceeds 10⁻³.
    let T = 1;
    while (meanAt(L, T) < 1e-3) T++;
    const steps = Array.from({ length: T + 1 }, (_, t) => t);
    const rateOf = (rows: number[][]) => Math.exp(fitLine(steps, steps.map((t) => Math.log(meanAt(rows, t)))).slope);
    const fit = fitLine(steps, steps.map((t) => Math.log(meanAt(L, t))));
    const rate = Math.exp(fit.slope);
    // Bootstrap over runs for the statistical error of the fitted rate.
    const rng = new Mulberry32(11);
    const boot = Array.from({ length: 200 }, () => rateOf(Array.from({ length: K }, () => L[(rng.next() * K) | 0])));
    const mean = boot.reduce((a, b) => a + b, 0) / boot.length;
    const sd = Math.sqrt(boot.reduce((a, b) => a + (b - mean) ** 2, 0) / (boot.length - 1));
    expect(T).toBeGreaterThan(3);
    expect(fit.r2).toBeGreaterThan(0.95);
    expect(rate).toBeGreaterThan(theory.gamma0! - 2 * sd);
    expect(rate).toBeLessThan(rho + 2 * sd);
  });

  it('escapes far less with isotropic noise of the same total variance (§3.3)', () => {
    const sgd = simulateQuery(`${FIG4}&runs=100&steps=40`).runs.sgd!;
    const iso = simulateQuery(`${FIG4}&runs=100&steps=40&noise=isotropic`).runs.sgd!;
    expect(iso.escaped).toBeLessThan(sgd.escaped / 4);
  });
});

/** A session on a fake clock, drained to its end. */
function runSession(query: string, lean: boolean): FromWorker[] {
  const sent: FromWorker[] = [];
  const tasks: Array<() => void> = [];
  let clock = 0;
  const session = new SimSession({
    post: (m) => sent.push(m),
    now: () => (clock += 0.01),
    soon: (fn) => tasks.push(fn),
    later: (fn) => tasks.push(fn),
  });
  session.handle({ type: 'start', id: 1, query, stepsPerSecond: Infinity, paused: false, lean });
  for (let i = 0; i < 1e6 && tasks.length; i++) {
    tasks.shift()!();
    const last = sent[sent.length - 1];
    if (last?.type === 'frame') session.handle({ type: 'ack', id: last.id });
  }
  return sent;
}

const alignOf = (sent: FromWorker[]) => sent.flatMap((m) => (m.type === 'frame' && m.align ? Array.from(m.align.step).map((t, i) => ({ t, mu: m.align!.mu[i] })) : []));

describe('the switch protocol in the worker’s session', () => {
  it('ends with the same switch step, escape counts and checksums as simulateQuery', () => {
    const query = `${FIG4}&runs=50&steps=40`;
    const sent = runSession(query, false);
    const done = sent.at(-1)!;
    if (done.type !== 'done') throw new Error(`the session ended with ${done.type}`);
    const core = simulateQuery(query);
    expect(done.switch!.step).toBe(core.switch!.step);
    expect(done.switch!.theory!.gamma0).toBe(core.switch!.theory!.gamma0);
    expect(done.sgd!.escaped).toBe(core.runs.sgd!.escaped);
    expect(done.sgd!.escapeSteps).toEqual(core.runs.sgd!.escapeSteps);
    expect(done.sgd!.checksum).toBe(core.runs.sgd!.checksum);
    expect(done.gd!.checksum).toBe(core.runs.gd!.checksum);
    // Before the switch the frames carry GD's phase; a plain run computes no alignment.
    expect(sent.some((m) => m.type === 'frame' && m.gdPhase !== undefined)).toBe(true);
    expect(alignOf(sent)).toEqual([]);
  });

  it('streams α, β, μ, γ of run 0 on a fixed step grid to a lean companion, with the same checksum', () => {
    const query = `${FIG4}&runs=1&opt=sgd&steps=40`;
    const sent = runSession(query, true);
    const done = sent.at(-1)!;
    if (done.type !== 'done') throw new Error(`the session ended with ${done.type}`);
    expect(done.sgd!.checksum).toBe(simulateQuery(query).runs.sgd!.checksum);
    const started = sent.find((m) => m.type === 'started');
    expect(started?.type === 'started' && started.info.minima).toEqual([]);
    const points = alignOf(sent);
    // 40 steps, one point a step from t = 0 until run 0 overflows.
    expect(points.length).toBeGreaterThan(5);
    expect(points.map((p) => p.t)).toEqual(points.map((_, i) => i));
    expect(points.every((p) => p.mu > 0)).toBe(true);
  });
});
