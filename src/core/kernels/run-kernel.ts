/**
 * Which loop steps a run's SGD steps: one decision (`stepPath`) that SgdRun.advance
 * follows and the live status line's tooltip reports (`runKernel`: a WebAssembly
 * kernel or TypeScript, and why; docs/architecture.md "WebAssembly kernels", how the
 * fallback is chosen), with the same load of each kernel.
 */
import type { Config } from '../params/param-table';
import type { Problem } from '../problems/problem';
import { batchMode, type BatchMode } from '../engine/batch-sampler';
import { KERNEL_MIN_STEPS, kernelCovers } from './advance-1d-kernel';
import { CIRCLE_KERNEL_MIN_STEPS, circleKernelCovers, circleKernelLoads } from './circle-kernel';
import { kernelStatus, kernelsAllowed, type KernelStatus } from './kernel-choice';

const COVERED = 'the kernels step SGD on the toy and 1D quadratic sums with one index a step, and on the quadratic circle; everything else, GD among it, runs in TypeScript';

/**
 * The loop SgdRun.advance takes: the 1D loop (one uniform index a step, no projection;
 * handing stretches to the sgd-1d kernel where it covers the problem), the circle's
 * kernel, or the generic steps. Artificial noise always takes the generic steps.
 */
export type StepPath = '1d-kernel' | '1d' | 'circle-kernel' | 'steps';

export function stepPath(problem: Problem, mode: BatchMode, noise: 'sgd' | 'isotropic' | 'aligned' | undefined): StepPath {
  if (noise === 'isotropic' || noise === 'aligned') return 'steps';
  if (mode.kind === 'uniform-one' && problem.dim === 1 && !problem.project && problem.batchGradient1D !== undefined) return kernelCovers(problem) ? '1d-kernel' : '1d';
  return circleKernelCovers(problem, mode) ? 'circle-kernel' : 'steps';
}

export function runKernel(problem: Problem, config: Pick<Config, 'opt' | 'B' | 'sampling' | 'noise'>): KernelStatus {
  if (!config.opt.includes('sgd')) return { kernel: 'TypeScript', reason: `no SGD runs: GD steps in TypeScript (${COVERED})` };
  if (!kernelsAllowed()) return { kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' };
  if (config.noise === 'isotropic' || config.noise === 'aligned') return { kernel: 'TypeScript', reason: `artificial noise: its steps run in TypeScript (${COVERED})` };
  const path = stepPath(problem, batchMode('sgd', problem.n, config.B, config.sampling, problem.weights), config.noise);
  if (path === '1d-kernel') {
    const s = kernelStatus();
    return s.kernel === 'WebAssembly' ? { kernel: 'WebAssembly', reason: `SGD steps in WebAssembly (src/core/kernels/sgd-1d.wat) wherever ${KERNEL_MIN_STEPS} or more run between two recorded points: most of a long run's, none of a short run's, whose points are recorded densely; the rest and GD in TypeScript` } : s;
  }
  if (path === 'circle-kernel') {
    const loads = circleKernelLoads();
    return loads.ok ? { kernel: 'WebAssembly', reason: `SGD steps in WebAssembly (src/core/kernels/sgd-circle.wat) in stretches of ${CIRCLE_KERNEL_MIN_STEPS} steps or more; the rest and GD in TypeScript (V8's own loop is faster for GD)` } : { kernel: 'TypeScript', reason: loads.reason };
  }
  return { kernel: 'TypeScript', reason: `no WebAssembly kernel for this problem and batch mode (${COVERED})` };
}
