import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulateQuery } from '../../src/core/simulate';

const tsx = ['node_modules/.bin/tsx', 'src/cli/sim.ts'];

describe('npm run sim', () => {
  it('prints one JSON object with the same numbers and checksum as the core', () => {
    const q = 'problem=toy&eta=0.7&B=1&seed=7&runs=50';
    const text = execFileSync(tsx[0], [tsx[1], q], { encoding: 'utf8' });
    const out = JSON.parse(text);
    const core = simulateQuery(q);
    expect(out.permalink).toBe('v=3&problem=toy&eta=0.7&B=1&seed=7&runs=50');
    expect(out.minima[1]).toMatchObject({ sharpness: 2, nonUniformity: 1.8, stableSGD: false, stableGD: true, inRectangle: false, fixedPoint: true });
    expect(out.minima[1].spectralRadius).toBeCloseTo(1.7476, 12);
    expect(out.rectangle.sharpnessMax).toBeCloseTo(2 / 0.7, 14);
    for (const k of ['sgd', 'gd'] as const) {
      expect(out.runs[k].checksum).toBe(core.runs[k]!.checksum);
      expect(out.runs[k]).toMatchObject({ runs: core.runs[k]!.runs, escaped: core.runs[k]!.escaped, diverged: core.runs[k]!.diverged });
    }
    expect(out.runs.sgd.medianEscapeStep).toBe(core.runs.sgd!.medianEscapeStep);
  });

  it('prints the messages of a bad query and exits non-zero', () => {
    const r = spawnSync(tsx[0], [tsx[1], 'problem=toy&eta=abc&B=9'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('eta must be a positive number, got "abc"');
    expect(r.stdout).toBe('');
  });

  it('exits non-zero when B is larger than n', () => {
    const r = spawnSync(tsx[0], [tsx[1], 'problem=toy&B=9'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('B must be at most n = 2, got 9');
  });
});

describe('npm run sim with compare', () => {
  it('prints compare: [{ overrides, rectangle, minima, runs }] with each configuration’s checksum', () => {
    const q = 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=60&compare=B:2;eta:0.5,seed:3';
    const out = JSON.parse(execFileSync(tsx[0], [tsx[1], q], { encoding: 'utf8' }));
    expect(out.compare.map((c: { overrides: string }) => c.overrides)).toEqual(['B:2', 'eta:0.5,seed:3']);
    const alone = simulateQuery('problem=toy&eta=0.5&B=1&seed=3&runs=20&steps=60');
    expect(out.compare[1].runs.sgd.checksum).toBe(alone.runs.sgd!.checksum);
    expect(out.compare[1].rectangle.sharpnessMax).toBeCloseTo(4, 14);
    expect(out.compare[0].minima).toHaveLength(out.minima.length);
  });

  it('leaves out a comparison with B > n by name, in the JSON’s issues, and prints the others (exit 0)', () => {
    const q = 'problem=toy&eta=0.7&B=1&runs=20&steps=60&compare=B:4;eta:0.3';
    const r = spawnSync(tsx[0], [tsx[1], q], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.compare.map((c: { overrides: string }) => c.overrides)).toEqual(['eta:0.3']);
    expect(out.issues).toEqual([{ key: 'compare', message: 'compare "B:4": B must be at most n = 2, got 4; left out' }]);
    expect(r.stderr).toContain('B must be at most n = 2, got 4; left out');
    // the kept comparison is the run of its own link
    const alone = simulateQuery('problem=toy&eta=0.3&B=1&runs=20&steps=60');
    expect(out.compare[0].runs.sgd.fingerprint).toBe(alone.runs.sgd!.fingerprint);
  });

  it('refuses an override of a key that is not allowed, naming it', () => {
    const r = spawnSync(tsx[0], [tsx[1], 'problem=toy&compare=radius:2'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('compare may override only eta, B, sampling, seed, runs, steps, noise, opt, got "radius"');
  });
});
