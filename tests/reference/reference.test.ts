import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_KINDS, problemDef } from '../../src/core/problems/registry';
import { loadFormulaCompiler } from '../../src/core/formula/load-formula-compiler';
import { simulateQuery, type SimOutput } from '../../src/core/simulate';
import { drawnData } from './drawn-data';

/**
 * The explorer against an independent reference: tests/reference/reference.py recomputes,
 * in plain Python with NumPy and from the papers and docs/theory.md (never from our
 * TypeScript), a, s, c, the rectangle, ρ(𝒯), Λ (1D) and escape counts for each of its
 * configurations, and for the networks (mlp) the loss, a, s, ‖G‖_F, Tr G, μ and μ₁ at every
 * end point the command line printed. Here each is compared with what `npm run sim` prints for
 * the same link (simulateQuery, the function the command line prints): the theory to 1e-9, a
 * network's a and s within the interval the command line states for its Lanczos estimate, the escape
 * counts by a two-sided 99 % test of two binomial proportions (a false alarm in 1 % of the
 * simulated configurations that differ only by chance; the seeds are fixed, so a run of
 * the suite is reproducible, and a pass or failure is the same every time).
 */
type Ref = {
  a: number;
  s: number;
  c: number;
  sharpnessMax: number;
  nonUniformityMax: number | null;
  rho: number;
  lyapunov?: number;
  /** ρ(𝒯) on the span of the sample gradients (square-loss models). */
  rangeRho?: number;
  /** The start minimum, where the reference finds it itself (d > 1). */
  x?: number[];
  /** The Hessians are themselves an estimate (the circle's disc average): so is every number. */
  estimate?: boolean;
  escape?: { escaped: number; runs: number };
};

/** A network's end point as the reference recomputes it (tests/reference/network.py). */
type NetworkEnd = { optimiser: 'gd' | 'sgd'; run: number; loss: number; sharpness: number; nonUniformity: number; frobeniusG: number; traceG: number; mu: number; mu1: number };
type NetworkRef = Pick<Ref, 'c' | 'sharpnessMax' | 'nonUniformityMax'> & { network: NetworkEnd[] };

let networks: Record<string, NetworkRef> = {};

/** The command line's output for a link, computed once (a network's training is the slow part). */
const outputs = new Map<string, SimOutput>();
const sim = (q: string): SimOutput => {
  if (!outputs.has(q)) outputs.set(q, simulateQuery(q));
  return outputs.get(q)!;
};

let reference: Record<string, Ref> = {};

beforeAll(async () => {
  await loadFormulaCompiler();
  await problemDef('mlp').prepare?.(); // the digits
  const found = spawnSync('node', ['scripts/find-numpy.mjs'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(found.stderr || 'no Python with NumPy (scripts/find-numpy.mjs)');
  const python = found.stdout.trim().split('\n').pop()!;
  // The drawn problems' seeded draws, for the reference to restate the rest from the papers.
  const needs = spawnSync(python, ['tests/reference/reference.py', '--needs'], { encoding: 'utf8' });
  if (needs.status !== 0) throw new Error(`tests/reference/reference.py --needs failed: ${needs.stderr}`);
  const draws = Object.fromEntries((JSON.parse(needs.stdout) as string[]).map((q) => [q, drawnData(q, q.includes('problem=mlp') ? sim(q) : undefined)]));
  const file = join(mkdtempSync(join(tmpdir(), 'reference-')), 'draws.json');
  writeFileSync(file, JSON.stringify(draws));
  const r = spawnSync(python, ['tests/reference/reference.py', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`tests/reference/reference.py failed: ${r.stderr}`);
  const all = JSON.parse(r.stdout) as Record<string, Ref | NetworkRef>;
  for (const [q, ref] of Object.entries(all)) {
    if ('network' in ref) networks[q] = ref;
    else reference[q] = ref;
  }
}, 180_000);

const close = (ours: number, ref: number, what: string) => {
  const scale = Math.max(1, Math.abs(ref));
  expect(Math.abs(ours - ref) / scale, `${what}: ours ${ours}, reference ${ref}`).toBeLessThan(1e-9);
};

/** Two-sided test at 99 % that two binomial samples share their proportion (pooled z-test). */
function sameProportion(k1: number, n1: number, k2: number, n2: number): boolean {
  const pooled = (k1 + k2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return true;
  const z = Math.abs(k1 / n1 - k2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return z <= 2.5758;
}

describe('the theory and the runs agree with an independent NumPy reference', () => {
  it('covers at least 20 configurations and every problem kind, with at least two networks', () => {
    const queries = [...Object.keys(reference), ...Object.keys(networks)];
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(queries.map((q) => /problem=(\w+)/.exec(q)![1]));
    expect([...kinds].sort()).toEqual([...PROBLEM_KINDS].sort());
    expect(Object.keys(networks).length).toBeGreaterThanOrEqual(2);
  });

  it('a, s, c, the rectangle, ρ(𝒯) and Λ (1D) to 1e-9 in every configuration', () => {
    for (const [q, ref] of Object.entries(reference)) {
      const out = sim(q);
      expect(out.issues, q).toEqual([]);
      const m = out.minima[out.config.start] ?? out.minima[0];
      close(m.sharpness, ref.a, `${q}: a`);
      close(m.nonUniformity, ref.s, `${q}: s`);
      close(out.rectangle.c, ref.c, `${q}: c`);
      close(out.rectangle.sharpnessMax, ref.sharpnessMax, `${q}: 2/η`);
      if (ref.nonUniformityMax === null) expect(out.rectangle.nonUniformityMax, q).toBeNull();
      else close(out.rectangle.nonUniformityMax!, ref.nonUniformityMax, `${q}: 1/(η√c)`);
      close(m.spectralRadius, ref.rho, `${q}: ρ(𝒯)`);
      if (ref.lyapunov !== undefined) {
        expect(m.lyapunov.exact, `${q}: Λ exact`).toBe(!ref.estimate);
        close(m.lyapunov.value, ref.lyapunov, `${q}: Λ`);
      }
      if (ref.estimate) expect(m.hessian, `${q}: the Hessians are an estimate`).toBe('estimate');
      if (ref.rangeRho !== undefined) close(m.rangeSpectralRadius!.value, ref.rangeRho, `${q}: ρ(𝒯) on the range`);
      if (ref.x) ref.x.forEach((v, j) => close(m.x[j], v, `${q}: x*[${j}]`));
    }
  }, 120_000);

  it('the escape counts are those of the reference’s own runs (99 % two-proportion test)', () => {
    let simulated = 0;
    const fractions: number[] = [];
    for (const [q, ref] of Object.entries(reference)) {
      if (!ref.escape) continue;
      simulated++;
      const sgd = sim(q).runs.sgd!;
      fractions.push(ref.escape.escaped / ref.escape.runs);
      expect(sameProportion(sgd.escaped, sgd.runs, ref.escape.escaped, ref.escape.runs), `${q}: ours ${sgd.escaped}/${sgd.runs}, reference ${ref.escape.escaped}/${ref.escape.runs}`).toBe(true);
    }
    expect(simulated).toBeGreaterThanOrEqual(10);
    // the comparison is not vacuous: some configurations escape, some do not
    expect(fractions.filter((f) => f > 0.1 && f < 0.9).length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('a network’s loss, ‖G‖_F, Tr G, μ and μ₁ to 1e-9 and its a and s inside their stated intervals, at every end point printed', () => {
    let trained = 0;
    for (const [q, ref] of Object.entries(networks)) {
      const out = sim(q);
      expect(out.issues, q).toEqual([]);
      close(out.rectangle.c, ref.c, `${q}: c`);
      close(out.rectangle.sharpnessMax, ref.sharpnessMax, `${q}: 2/η`);
      if (ref.nonUniformityMax === null) expect(out.rectangle.nonUniformityMax, q).toBeNull();
      else close(out.rectangle.nonUniformityMax!, ref.nonUniformityMax, `${q}: 1/(η√c)`);
      const ends = out.network!.ends;
      expect(ends.map((e) => `${e.optimiser} ${e.run}`), q).toEqual(ref.network.map((e) => `${e.optimiser} ${e.run}`));
      ends.forEach((end, k) => {
        const r = ref.network[k];
        const what = `${q}: ${end.optimiser} run ${end.run}`;
        expect(Math.abs(end.loss - r.loss) / r.loss, `${what}: loss, ours ${end.loss}, reference ${r.loss}`).toBeLessThan(1e-9);
        expect(end.trained, `${what}: trained means loss < 1e-4`).toBe(r.loss < 1e-4);
        if (!end.trained) {
          expect(end.sharpness, what).toBeNull();
          return;
        }
        trained++;
        // Lanczos: the Ritz value is at most λ_max, the stated upper end the Ritz value plus its residual
        // (docs/theory.md, "The estimators and their error"); 1e-9 relative of slack for rounding.
        for (const [name, est, value] of [['a', end.sharpness!, r.sharpness], ['s', end.nonUniformity!, r.nonUniformity]] as const) {
          expect(value, `${what}: ${name} ${value} below the stated interval [${est.lower}, ${est.upper}]`).toBeGreaterThanOrEqual(est.lower * (1 - 1e-9));
          expect(value, `${what}: ${name} ${value} above the stated interval [${est.lower}, ${est.upper}]`).toBeLessThanOrEqual(est.upper * (1 + 1e-9));
        }
        const a = end.alignment;
        if (!a || 'skipped' in a) throw new Error(`${what}: no alignment printed`);
        for (const key of ['frobeniusG', 'traceG', 'mu', 'mu1'] as const) expect(Math.abs(a[key] - r[key]) / Math.abs(r[key]), `${what}: ${key}, ours ${a[key]}, reference ${r[key]}`).toBeLessThan(1e-9);
      });
    }
    expect(trained, 'trained end points compared').toBeGreaterThanOrEqual(4);
  }, 120_000);
});
