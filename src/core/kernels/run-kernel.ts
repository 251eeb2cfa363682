/**
 * Which loop steps a live run's SGD runs: a WebAssembly kernel or TypeScript,
 * and why — the live status line's tooltip (docs/architecture.md "WebAssembly
 * kernels", how the fallback is chosen). The same conditions as SgdRun.advance
 * uses to hand stretches of steps to a kernel, and the same load of each kernel.
 */
import type { Config } from '../params/param-table';
import type { Problem } from '../problems/problem';
import { batchMode } from '../engine/batch-sampler';
import { KERNEL_MIN_STEPS, kernelCovers } from './advance-1d-kernel';
import { CIRCLE_KERNEL_MIN_STEPS, circleKernelCovers, circleKernelLoads } from './circle-kernel';
import { kernelStatus, kernelsAllowed, type KernelStatus } from './kernel-choice';

const COVERED = 'the kernels step SGD on the toy and 1D quadratic sums with one index a step, and on the quadratic circle; everything else, GD among it, runs in TypeScript';

export function runKernel(problem: Problem, config: Pick<Config, 'opt' | 'B' | 'sampling' | 'noise'>): KernelStatus {
  if (!config.opt.includes('sgd')) return { kernel: 'TypeScript', reason: `no SGD runs: GD steps in TypeScript (${COVERED})` };
  if (!kernelsAllowed()) return { kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' };
  if (config.noise === 'isotropic' || config.noise === 'aligned') return { kernel: 'TypeScript', reason: `artificial noise: its steps run in TypeScript (${COVERED})` };
  const mode = batchMode('sgd', problem.n, config.B, config.sampling, problem.weights);
  const oneD = mode.kind === 'uniform-one' && problem.dim === 1 && !problem.project && problem.batchGradient1D !== undefined && kernelCovers(problem);
  if (oneD) {
    const s = kernelStatus();
    return s.kernel === 'WebAssembly' ? { kernel: 'WebAssembly', reason: `SGD steps in WebAssembly (src/core/kernels/sgd-1d.wat) wherever ${KERNEL_MIN_STEPS} or more run between two recorded points: most of a long run's, none of a short run's, whose points are recorded densely; the rest and GD in TypeScript` } : s;
  }
  if (circleKernelCovers(problem, mode)) {
    const loads = circleKernelLoads();
    return loads.ok ? { kernel: 'WebAssembly', reason: `SGD steps in WebAssembly (src/core/kernels/sgd-circle.wat) in stretches of ${CIRCLE_KERNEL_MIN_STEPS} steps or more; the rest and GD in TypeScript (V8's own loop is faster for GD)` } : { kernel: 'TypeScript', reason: loads.reason };
  }
  return { kernel: 'TypeScript', reason: `no WebAssembly kernel for this problem and batch mode (${COVERED})` };
}
