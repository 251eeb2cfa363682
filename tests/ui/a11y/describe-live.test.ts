import { describe, expect, it } from 'vitest';
import { describeLandscape, describeSeries, type SeriesDescription } from '../../../src/ui/a11y/describe-live';

const curve = (a: number, b: number, peak = b, peakStep = 200) => ({ first: { value: a, step: 0 }, last: { value: b, step: 200 }, peak: { value: peak, step: peakStep } });

const burst: SeriesDescription = { field: 'loss', eta: 0.7, B: 1, runs: 40, sgd: curve(0.0123, 4.56, 5.1, 180), gd: curve(0.01, 0.01), done: true };

describe('describeSeries(d)', () => {
  it('says the controls, what the burst shows, and what the runs measured, with the mean’s highest point', () => {
    expect(describeSeries(burst)).toBe(
      'η 0.7, B 1: the escape burst, the loss of 40 SGD runs and GD against the step. Measured: the mean loss went from 0.0123 at step 0 to 4.56 at step 200, highest 5.1 at step 180; GD’s went from 0.01 at step 0 to 0.01 at step 200.',
    );
  });

  it('says “so far” while the run goes, “the run’s” for one run, and where GD diverged, never NaN', () => {
    const text = describeSeries({ ...burst, runs: 1, sgd: curve(1, 2), gd: { diverged: 12 }, done: false });
    expect(text).toBe('η 0.7, B 1: the escape burst, the loss of 1 SGD run and GD against the step. Measured: the run’s loss went from 1 at step 0 to 2 at step 200 so far; GD diverged at step 12.');
  });

  it('gives the distance chart’s theory a sentence of its own, before the measurement, with R', () => {
    const text = describeSeries({ ...burst, field: 'dist', radius: 0.5, theory: { rho: 1.234, lyapunov: -0.0456 }, gd: null });
    expect(text).toBe(
      'η 0.7, B 1: the distance from the start minimum of 40 SGD runs against the step, with the escape radius R = 0.5. Theory: ρ(𝒯) = 1.23, the mean square distance growing as ρ(𝒯) to the power t; Lyapunov exponent Λ = −0.0456. Measured: the mean distance went from 0.0123 at step 0 to 4.56 at step 200, highest 5.1 at step 180.',
    );
  });

  it('names the highest point only where it is neither end of the curve', () => {
    expect(describeSeries({ ...burst, sgd: curve(3, 1, 3, 0), gd: null })).toBe('η 0.7, B 1: the escape burst, the loss of 40 SGD runs against the step. Measured: the mean loss went from 3 at step 0 to 1 at step 200.');
  });

  it('says only the controls and the chart before anything is recorded', () => {
    expect(describeSeries({ ...burst, sgd: null, gd: null })).toBe('η 0.7, B 1: the escape burst, the loss of 40 SGD runs against the step.');
  });
});

describe('describeLandscape(d)', () => {
  it('counts the minima by the theory’s verdicts, then says where run 0 and GD are, measured', () => {
    const text = describeLandscape({ eta: 0.7, B: 1, axes: ['x'], minima: [{ stableSGD: true, stableGD: true }, { stableSGD: false, stableGD: true }], run0: [3.14159], gd: [1], step: 200 });
    expect(text).toBe('η 0.7, B 1: the loss landscape along x, with 2 minima: 1 stable for SGD, 1 unstable for SGD and stable for GD. Measured: at step 200, SGD’s run 0 is at x = 3.14 and GD at x = 1.');
  });

  it('names both coordinates of a plane, says “undecided” where the bounds do not decide, and leaves out a diverged GD', () => {
    const text = describeLandscape({ eta: 0.05, B: 4, axes: ['x3', 'x7'], minima: [{ stableSGD: null, stableGD: false }], run0: [-1, 2e-19], gd: null, step: 40 });
    expect(text).toBe('η 0.05, B 4: the loss landscape over x3 and x7, with 1 minimum: 1 undecided for SGD. Measured: at step 40, SGD’s run 0 is at x3 = −1, x7 = 2e−19.');
  });
});
