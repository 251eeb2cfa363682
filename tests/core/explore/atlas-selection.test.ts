import { describe, expect, it } from 'vitest';
import { atlasCount } from '../../../src/core/explore/minima-atlas';
import { selection } from '../../../src/core/explore/selection';
import { decodeQuery } from '../../../src/core/params/query';
import { StyblinskiProblem } from '../../../src/core/problems/styblinski';
import { ToyProblem } from '../../../src/core/problems/toy';
import { theoryOfMinima } from '../../../src/core/simulate';
import { hessianSet, moments } from '../../../src/core/theory/hessian-set';
import { spectralRadius } from '../../../src/core/theory/spectral-radius';
import { batchFactor } from '../../../src/core/batch-factor';

describe('the minima atlas', () => {
  it('counts stable minima as a brute-force dense eigen-solve of 𝒯 does, for small d', () => {
    const p = new StyblinskiProblem(3, 30, 4);
    for (const eta of [0.02, 0.05, 0.08]) {
      const config = { ...decodeQuery('problem=styblinski&d=3&n=30&pseed=4').config, eta, B: 2 };
      const count = atlasCount(theoryOfMinima(p, config));
      let brute = 0;
      for (const m of p.minima) {
        const diag = hessianSet(p, m, false);
        // the same Hᵢ, as dense matrices: forces the general solver
        const dense = new Float64Array(diag.n * 9);
        for (let i = 0; i < diag.n; i++) for (let r = 0; r < 3; r++) dense[i * 9 + r * 4] = diag.data[i * 3 + r];
        const set = { ...diag, diagonal: false, data: dense };
        const rho = spectralRadius(set, moments(set), eta, batchFactor(30, 2, 'without'));
        expect(rho.method).toBe('dense eigen-solve');
        if (rho.value <= 1) brute++;
      }
      expect(count.total).toBe(8);
      expect(count.stableSGD).toBe(brute);
    }
  });
});

describe('the selection experiment', () => {
  const toy = new ToyProblem([0.1, 1.9]);
  const spec = { eta: 0.7, B: 1, sampling: 'without' as const, seed: 11, runs: 200, steps: 400, around: null, radius: 0, settleRadius: 1e-3 };

  it('shows SGD selecting only the minimum inside its region, while GD also keeps the sharper one', () => {
    const sgd = selection(toy, spec, 'sgd');
    const gd = selection(toy, spec, 'gd');
    expect(sgd.counts[1]).toBe(0); // x* = 1 is outside SGD's region at η = 0.7
    expect(sgd.counts[0]).toBeGreaterThan(150);
    expect(gd.counts[1]).toBeGreaterThan(0); // GD keeps it
  });

  it('is reproducible from the seed', () => {
    const a = selection(toy, spec, 'sgd');
    const b = selection(toy, spec, 'sgd');
    expect(Array.from(b.endedIn)).toEqual(Array.from(a.endedIn));
    expect(b.checksum).toBe(a.checksum);
    expect(selection(toy, { ...spec, seed: 12 }, 'sgd').checksum).not.toBe(a.checksum);
  });
});
