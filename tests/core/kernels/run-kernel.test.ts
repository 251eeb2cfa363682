import { afterEach, describe, expect, it } from 'vitest';
import { advanceKernelStats } from '../../../src/core/kernels/advance-1d-kernel';
import { circleKernelStats } from '../../../src/core/kernels/circle-kernel';
import { setKernelPreference } from '../../../src/core/kernels/kernel-choice';
import { runKernel } from '../../../src/core/kernels/run-kernel';
import { decodeQuery } from '../../../src/core/params/query';
import { prepareRun, startEnsembles } from '../../../src/core/prepare-run';

/** What the status line would say for a link, and whether its SGD runs' steps then went through a kernel. */
function sayAndDo(query: string, steps: number) {
  const run = prepareRun(decodeQuery(query).config);
  const said = runKernel(run.problem, run.config);
  const before = advanceKernelStats.steps + circleKernelStats.steps;
  startEnsembles(run).sgd?.advance(steps);
  return { said, kernelSteps: advanceKernelStats.steps + circleKernelStats.steps - before };
}

afterEach(() => setKernelPreference('auto'));

describe('the loop named for a live run', () => {
  // [the run, its link, the loop the tooltip names, words of its reason, whether a kernel takes steps].
  // Long 1D runs: the 1D kernel takes the stretches of 64 steps or more between two recorded points;
  // a short run's densely recorded steps never reach it, as its reason says.
  it.each([
    ['the toy with one index a step', 'problem=toy&B=1&sampling=without&runs=20&steps=200000', 'WebAssembly', 'sgd-1d.wat', true],
    ['a 1D quadratic sum drawn with replacement, B = 1', 'problem=point&a=2&s=1&B=1&sampling=with&runs=20&steps=200000', 'WebAssembly', 'sgd-1d.wat', true],
    ['the quadratic circle, B = 1', 'problem=circle&B=1&runs=20&steps=2000', 'WebAssembly', 'sgd-circle.wat', true],
    ['the quadratic circle, B = 7 without replacement', 'problem=circle&B=7&sampling=without&runs=20&steps=2000', 'WebAssembly', 'sgd-circle.wat', true],
    ['the toy’s 200 steps, all recorded', 'problem=toy&B=1&runs=20&steps=200', 'WebAssembly', 'none of a short run', false],
    ['the toy with B = 2 (a batch mode the 1D kernel does not take)', 'problem=toy&n=4&b=0.1,1.9,0.5,1.5&B=2&sampling=without&runs=20&steps=2000', 'TypeScript', 'no WebAssembly kernel for this problem and batch mode', false],
    ['Styblinski–Tang', 'problem=styblinski&d=2&n=20&B=1&runs=5&steps=2000', 'TypeScript', 'no WebAssembly kernel', false],
    ['a random quadratic in d = 2', 'problem=random&d=2&B=1&runs=5&steps=2000', 'TypeScript', 'no WebAssembly kernel', false],
    ['GD alone', 'problem=toy&opt=gd&steps=2000', 'TypeScript', 'no SGD runs', false],
  ])('is true for %s: %s names %s, and a kernel takes steps only where it says so', (_name, query, kernel, why, takesSteps) => {
    const steps = Number(new URLSearchParams(query).get('steps'));
    const { said, kernelSteps } = sayAndDo(query, steps);
    expect(said.kernel).toBe(kernel);
    expect(said.reason).toContain(why);
    expect(kernelSteps > 0).toBe(takesSteps);
  });

  it('is TypeScript, as chosen, when the TypeScript loops are forced (the CLI’s --kernel typescript)', () => {
    setKernelPreference('typescript');
    const { said, kernelSteps } = sayAndDo('problem=toy&B=1&runs=20&steps=200000', 200000);
    expect(said).toEqual({ kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' });
    expect(kernelSteps).toBe(0);
  });
});
