import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/core/network/sweeps';

const tsx = ['node_modules/.bin/tsx', 'src/cli/sim.ts'];

describe('npm run sim --paper-sweep', () => {
  it('prints the sweep the core runs, model by model', () => {
    const base = 'problem=mlp&data=moons&n=12&width=6&steps=100';
    const r = spawnSync(tsx[0], [tsx[1], '--paper-sweep=table2', '--values=0.1,0.3', base], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(runSweep('table2', base, [['0.1', '0.3']]))));
    expect(r.stderr).toContain('sim: sweep table2: model 2 of 2 done');
  });

  it('adds the alignment of each trained end with --alignment', () => {
    const base = 'problem=mlp&data=teacher&n=12&width=16&steps=300';
    const r = spawnSync(tsx[0], [tsx[1], '--paper-sweep=table2', '--values=0.3', '--alignment', base], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(runSweep('table2', base, [['0.3']], undefined, { alignment: true }))));
    expect(printed.models[0].ends[0].alignment).toHaveProperty('mu0');
  });

  it('names an unknown sweep and exits non-zero', () => {
    const r = spawnSync(tsx[0], [tsx[1], '--paper-sweep=fig9', 'problem=mlp'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sim: --paper-sweep must be one of table2, fig5, fig6, got "fig9"');
  });
});
