import { describe, expect, it, vi } from 'vitest';
import { batchAxis, cellCount, etaAt, phaseCell, type PhaseGridSpec } from '../../../src/core/explore/phase-grid';
import { kernelEscapedRuns } from '../../../src/core/kernels/phase-cell-kernel';
import { kernelStatus, setKernelPreference } from '../../../src/core/kernels/kernel-choice';
import type { Problem } from '../../../src/core/problems/problem';
import { pointProblem } from '../../../src/core/problems/point';
import { QuadraticProblem } from '../../../src/core/problems/quadratic';
import { ToyProblem } from '../../../src/core/problems/toy';

const spec = (over: Partial<PhaseGridSpec>): PhaseGridSpec => ({
  etaMin: 0.05,
  etaMax: 3,
  etaCount: 7,
  batches: [1],
  runs: 16,
  steps: 150,
  sampling: 'without',
  seed: 3,
  start: 0,
  radius: 1e-3,
  escape: 0.5,
  ...over,
});

const grid = (p: Problem, s: PhaseGridSpec, loop: 'kernel' | 'typescript') => Array.from({ length: cellCount(s) }, (_, c) => phaseCell(p, s, c, loop));

describe('the phase grid’s WebAssembly kernel', () => {
  it('is the loop Node runs', () => {
    expect(kernelStatus().kernel).toBe('WebAssembly');
  });

  // The toy (two and eight components), a 1D quadratic sum (`point`) and one with a negative curvature (diverging runs).
  const problems: Array<[string, Problem, number]> = [
    ['the toy', new ToyProblem([0.1, 1.9]), 1],
    ['the toy with eight components', new ToyProblem([0.1, 1.9, 0.3, 1.7, 0.1, 1.9, 0.5, 1.5]), 1],
    ['a 1D quadratic sum (point, n = 9)', pointProblem(2, 1.5, 9).problem, 0],
    ['a 1D quadratic sum with a negative hᵢ', new QuadraticProblem([Float64Array.of(3), Float64Array.of(-1), Float64Array.of(0.5)], 1), 0],
  ];
  for (const [name, problem, start] of problems) {
    it(`gives the TypeScript loop's counts, cell for cell, for ${name} in every batch mode and under both generators`, () => {
      let partial = 0;
      for (const [sampling, rng] of [['with', 'xoshiro128**'], ['without', 'xoshiro128**'], ['without', 'mulberry32'], ['with', 'mulberry32']] as const) {
        // B from 1 through partial batches to n (full batch without replacement); a start radius above R for some cells.
        for (const radius of [1e-3, 0.6]) {
          const s = spec({ batches: batchAxis(problem.n, 5), sampling, start, radius, rng });
          const wasm = grid(problem, s, 'kernel');
          const ts = grid(problem, s, 'typescript');
          expect(wasm).toEqual(ts);
          partial += wasm.filter((v) => v > 0 && v < s.runs).length;
        }
      }
      // Cells where some runs escape and some do not: the counts test each run's own path, not only all-or-none.
      expect(partial).toBeGreaterThan(0);
    });
  }

  it('is really the one computing (and so can be told apart from the TypeScript loop)', () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const s = spec({ start: 1, etaMin: 0.5, etaMax: 0.7, etaCount: 3 });
    expect(kernelEscapedRuns(toy, { kind: 'uniform-one', n: 2, B: 1, eta: etaAt(s, 1), c0: 1, radius: 1e-3, escape: 0.5, steps: 150, runs: 16, seed: 3, cell: 1, rng: undefined })).toBe(phaseCell(toy, s, 1, 'typescript'));
    // Not covered: a 2D problem gets null (the engine's loop runs it).
    expect(kernelEscapedRuns(new QuadraticProblem([Float64Array.of(1, 0, 0, 1)], 2), { kind: 'full', n: 1, B: 1, eta: 0.6, c0: 0, radius: 1e-3, escape: 0.5, steps: 10, runs: 2, seed: 3, cell: 0, rng: undefined })).toBeNull();
  });

  it('leaves 2^21 components or more to the TypeScript loop (its integer draws equal the doubles’ only below that)', () => {
    const cell = { kind: 'without', B: 2, eta: 0.6, c0: 1, radius: 1e-3, escape: 0.5, steps: 3, runs: 2, seed: 3, cell: 0, rng: undefined } as const;
    const at = new ToyProblem(new Float64Array(2 ** 21).fill(1.9));
    expect(kernelEscapedRuns(at, { ...cell, n: at.n })).toBeNull();
  });

  it('steps aside when TypeScript is chosen, and says so', () => {
    setKernelPreference('typescript');
    try {
      expect(kernelStatus()).toEqual({ kernel: 'TypeScript', reason: 'TypeScript chosen (--kernel typescript)' });
      expect(kernelEscapedRuns(new ToyProblem([0.1, 1.9]), { kind: 'uniform-one', n: 2, B: 1, eta: 0.6, c0: 1, radius: 1e-3, escape: 0.5, steps: 10, runs: 2, seed: 3, cell: 0, rng: undefined })).toBeNull();
    } finally {
      setKernelPreference('auto');
    }
  });

  it('grows its memory for many components and runs, and keeps the counts', () => {
    // More than the first 64 KiB page holds: 20 000 values, their permutation and 1000 runs' states.
    const b = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? 0.1 : 1.9));
    const toy = new ToyProblem(b);
    const s = spec({ batches: [2, 20_000], runs: 1000, steps: 2, start: 1, etaMin: 0.5, etaMax: 1, etaCount: 2, radius: 0.3 });
    expect(grid(toy, s, 'kernel')).toEqual(grid(toy, s, 'typescript'));
  });

  it('falls back to the TypeScript loop in an engine without WebAssembly, says why, and gives the same counts', async () => {
    const toy = new ToyProblem([0.1, 1.9]);
    const s = spec({ batches: [1, 2], start: 1, etaMin: 0.4, etaMax: 0.9, etaCount: 6, radius: 0.01, escape: 0.3 });
    const withKernel = grid(toy, s, 'kernel');
    const g = globalThis as { WebAssembly?: unknown };
    const saved = g.WebAssembly;
    delete g.WebAssembly;
    try {
      // Fresh modules: the kernel is loaded once per worker or process, on first use.
      vi.resetModules();
      const kernelModule = await import('../../../src/core/kernels/kernel-choice');
      const gridModule = await import('../../../src/core/explore/phase-grid');
      const toyModule = await import('../../../src/core/problems/toy');
      const freshToy = new toyModule.ToyProblem([0.1, 1.9]);
      expect(kernelModule.kernelStatus()).toEqual({ kernel: 'TypeScript', reason: 'WebAssembly is not available in this engine' });
      expect(Array.from({ length: cellCount(s) }, (_, c) => gridModule.phaseCell(freshToy, s, c))).toEqual(withKernel);
    } finally {
      g.WebAssembly = saved;
      vi.resetModules();
    }
  });
});
