import { describe, expect, it } from 'vitest';
import { GdPhase } from '../../../src/core/engine/switch-protocol';
import { drain, runFor } from '../../../src/core/in-pieces';
import { symEigenvalues, symEigenvaluesInPieces } from '../../../src/core/linalg/sym-eigen';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';

function switchedPhase(query: string): GdPhase {
  const { problem, config } = buildProblem(decodeQuery(query).config);
  return new GdPhase(problem, config).runToEnd();
}

const DLN_60 = 'problem=dln&n=60&eta=0.1&B=1&start=1&radius=0.05&switchloss=1e-6';

describe('GdPhase.infoInPieces()', () => {
  it('gives the numbers the theory gave before it was cut into pieces, bit for bit (dln, n = 60)', () => {
    // Recorded from GdPhase.info() on the commit before the pieces.
    expect(switchedPhase(DLN_60).info().theory).toEqual({
      mu0: 0.3402664643274501,
      gamma: 0.3465281989150594,
      frobenius: 19.51480796084459,
      traceH: 91.41266165433679,
      frobeniusBound: 17.143142130170045,
      c: 1,
      frobeniusBoundSource: 'Wu–Wang–Su Thm 3.3 (with replacement, c = 1/B)',
      gdFrobeniusBound: 178.88543819998318,
      gamma0: 1.2958290511942059,
      isotropicTraceBound: 89.44271909999159,
      sharpnessPower: 8.04289072561088,
      nonUniformityPower: 28.31187176864788,
    });
  });

  it('gives the same info one piece per call, with other work between the pieces, as drained at once', () => {
    const phase = switchedPhase(DLN_60);
    const whole = drain(phase.infoInPieces());
    const work = phase.infoInPieces();
    const other = switchedPhase('problem=dln&n=40&eta=0.1&B=2&start=1&radius=0.05&switchloss=1e-6').infoInPieces();
    let pieces = 0;
    let r = runFor(work, -Infinity, () => 0);
    while (!r.done) {
      pieces++;
      runFor(other, -Infinity, () => 0); // another computation's piece in between, as a worker's other runs would take
      r = runFor(work, -Infinity, () => 0);
    }
    expect(r.value).toEqual(whole);
    expect(whole.theory).not.toBeNull();
    // A row of K, a row of K², the reduction's rows, an eigenvalue or 16 power iterations a piece: many more pieces than n.
    expect(pieces).toBeGreaterThan(5 * 60);
  });

  it('stops at the deadline and carries on from where it stopped', () => {
    const phase = switchedPhase(DLN_60);
    let clock = 0;
    const work = phase.infoInPieces();
    const first = runFor(work, 3, () => ++clock);
    expect(first.done).toBe(false);
    expect(clock).toBe(3);
    let r = runFor(work, Infinity, () => 0);
    expect(r.done).toBe(true);
    if (r.done) expect(r.value).toEqual(phase.info());
    r = runFor(phase.infoInPieces(), Infinity, () => 0);
    expect(r.done && r.value.theory?.mu0).toBe(0.3402664643274501);
  });
});

describe('symEigenvaluesInPieces(A, d)', () => {
  it('gives symEigenvalues’ values bit for bit above the Jacobi limit, in about 3d pieces', () => {
    const d = 50;
    const A = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j <= i; j++) {
        const v = Math.sin(i * 7 + j * 3) + (i === j ? 3 : 0);
        A[i * d + j] = v;
        A[j * d + i] = v;
      }
    const work = symEigenvaluesInPieces(A, d);
    let pieces = 0;
    let r = work.next();
    while (!r.done) {
      pieces++;
      r = work.next();
    }
    expect(Array.from(r.value)).toEqual(Array.from(symEigenvalues(A, d)));
    expect(pieces).toBe(3 * d - 2); // the reduction's d − 1 rows, its accumulation's d − 1, the d eigenvalues
  });
});
