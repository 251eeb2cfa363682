import { describe, expect, it } from 'vitest';
import { runSweep, sweepModel, sweepVariants } from '../../../src/core/network/sweeps';
import { NOT_ASKED } from '../../../src/core/network/trained-minima';
import { simulateQuery } from '../../../src/core/simulate';

const base = 'problem=mlp&data=moons&n=16&width=8&steps=300';

describe("Wu–Ma–E §5's sweeps over a network", () => {
  it('makes Fig. 6 from 24 models, every B with every v, and Fig. 5 from six batch sizes', () => {
    const fig6 = sweepVariants('fig6');
    expect(fig6).toHaveLength(24);
    expect(fig6[0]).toEqual({ opt: 'gd,sgd', runs: '1', B: '2', init: '0.5' });
    expect(fig6[1]).toEqual({ opt: 'gd,sgd', runs: '1', B: '2', init: '1' });
    expect(sweepVariants('fig5').map((v) => v.B)).toEqual(['1', '2', '5', '10', '25', '50']);
    expect(sweepVariants('table2', [['0.1', '0.3']])).toEqual([
      { opt: 'gd', eta: '0.1' },
      { opt: 'gd', eta: '0.3' },
    ]);
  });

  it('gives each model exactly what `npm run sim` gives its permalink, and hears of each model as it finishes', () => {
    const heard: number[] = [];
    const out = runSweep('fig5', base, [['2', '8']], (_m, k) => heard.push(k), { alignment: true });
    expect(heard).toEqual([0, 1]);
    for (const m of out.models) {
      const sim = simulateQuery(m.permalink);
      expect(m.ends).toEqual(sim.network!.ends.map(({ theta: _theta, ...rest }) => rest));
      expect(m.sqrtBOverEta).toBeCloseTo(Math.sqrt(m.B) / m.eta, 12);
      expect(m.rectangleTop).toBeCloseTo(sim.rectangle.nonUniformityMax!, 12);
    }
    expect(out.models.map((m) => m.B)).toEqual([2, 8]);
  });

  it('leaves the alignment of a trained end out unless asked, saying so, and changes nothing else', () => {
    const trains = 'problem=mlp&data=teacher&n=12&width=16&steps=300';
    const asked = sweepModel(trains, { opt: 'gd', eta: '0.3' }, { alignment: true });
    const left = sweepModel(trains, { opt: 'gd', eta: '0.3' });
    expect(asked.ends[0].trained).toBe(true);
    expect(asked.ends[0].alignment).toHaveProperty('mu0');
    expect(left.ends[0].alignment).toEqual(NOT_ASKED);
    expect({ ...left.ends[0], alignment: null }).toEqual({ ...asked.ends[0], alignment: null });
  });

  it('replaces the link’s own values of the swept keys (a page link writes η, B and opt)', () => {
    const m = sweepModel(`${base}&eta=0.7&opt=gd,sgd&runs=3&B=2`, { opt: 'gd', eta: '0.3' });
    expect(m.eta).toBe(0.3);
    expect(m.B).toBe(2);
    expect(m.ends.map((e) => e.optimiser)).toEqual(['gd']);
  });

  it('names a bad swept value, and refuses a link that is not a network', () => {
    expect(() => sweepModel(base, { eta: '-1' })).toThrow(/eta/);
    expect(() => sweepModel('problem=toy', { eta: '0.1' })).toThrow('a sweep needs problem=mlp, got problem=toy');
  });
});
