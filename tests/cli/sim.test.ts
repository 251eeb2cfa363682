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
    expect(out.permalink).toBe('v=2&problem=toy&eta=0.7&B=1&seed=7&runs=50');
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
