import { describe, expect, it } from 'vitest';
import { networkRows } from '../../bench/figures';
import type { NetworkFigures } from '../../bench/network';
import { benchOptions } from '../../bench/options';

// The network's rows from made-up measurements: the four targets, and a run that
// did not train is not given a time to train.
const measured = (over: Partial<NetworkFigures> = {}): NetworkFigures => ({
  query: 'problem=mlp&opt=gd&steps=5000',
  label: 'digits, 50 samples, 64–32–10',
  parameters: 2410,
  stepsToTrained: 1400,
  trainSeconds: 6,
  finalLoss: 9e-5,
  sharpnessSeconds: 0.5,
  nonUniformitySeconds: 1,
  alignmentSeconds: 0.4,
  a: 9.5,
  s: 12,
  fig6: { models: 24, seconds: 200, firstModelSeconds: 8 },
  ...over,
});

const byId = (rows: ReturnType<typeof networkRows>) => Object.fromEntries(rows.map((r) => [r.id, r]));

describe("networkRows(figures): the network problem's rows of the bench", () => {
  it('holds training to 20 s, a and s to 3 s, the Fig. 6 sweep to 3 min and its first model to 20 s', () => {
    const rows = byId(networkRows(measured()));
    expect(rows['network.train']).toMatchObject({ value: 6, met: true, group: 'network' });
    expect(rows['network.train'].label).toContain('digits, 50 samples, 64–32–10, p = 2,410');
    expect(rows['network.measure']).toMatchObject({ value: 1.5, met: true });
    expect(rows['network.alignment']).toMatchObject({ value: 0.4, met: null });
    expect(rows['network.fig6']).toMatchObject({ value: 200, met: false });
    expect(rows['network.fig6.first']).toMatchObject({ value: 8, met: true });
  });

  it('gives a run that did not reach 1e-4 no time to train, and says why', () => {
    const rows = byId(networkRows(measured({ stepsToTrained: null, finalLoss: 3e-3, trainSeconds: 4 })));
    expect(rows['network.train']).toMatchObject({ value: null, met: null, display: 'skipped: GD did not reach loss < 1e-4 (loss 0.003 after 4 s)' });
  });

  it('leaves the sweep out when it was not run, and names a failed bench', () => {
    expect(Object.keys(byId(networkRows(measured({ fig6: undefined }))))).toEqual(['network.train', 'network.measure', 'network.alignment']);
    expect(networkRows({ skipped: 'the network bench failed: boom' })[0].display).toBe('skipped: the network bench failed: boom');
  });

  it('runs the default network with the sweep in a full bench and the tiny one without it in --quick', () => {
    expect(benchOptions('full').sizes.network).toEqual({ query: 'problem=mlp&opt=gd&steps=5000', fig6: true });
    expect(benchOptions('quick').sizes.network.fig6).toBe(false);
  });
});
