/**
 * What the theory costs: ρ(𝒯) and Patel's bounds on random quadratic sums, the
 * minima atlas of Styblinski–Tang (the theory of every one of its 2^d minima),
 * the escape phase grid over (η, B), single-threaded, and Wu–Wang–Su's theory at
 * a switch point, whose longest piece is what holds the simulation worker.
 */
import { batchFactor } from '../src/core/batch-factor';
import { atlasCount, type AtlasCount } from '../src/core/explore/minima-atlas';
import { batchAxis, cellCount, coarseToFine, phaseCell, type PhaseGridSpec } from '../src/core/explore/phase-grid';
import { kernelStatus } from '../src/core/kernels/kernel-choice';
import { theoryOfMinima } from '../src/core/simulate';
import { analyseMinimum } from '../src/core/theory/analyse-minimum';
import { hessianSet, moments } from '../src/core/theory/hessian-set';
import { patelBounds } from '../src/core/theory/patel-bounds';
import { spectralRadius } from '../src/core/theory/spectral-radius';
import { GdPhase } from '../src/core/engine/switch-protocol';
import { resolveQuery } from './engine';
import type { BenchOptions } from './options';
import { stat, timeRepeated, type Stat } from './stat';

export interface RhoFigure {
  d: number;
  n: number;
  query: string;
  /** How ρ(𝒯) was computed (closed form, dense eigen-solve, power iteration). */
  method: string;
  rho: number;
  /** ρ(𝒯) alone. */
  seconds: Stat;
  /** Patel's bounds at k = B. */
  patelSeconds: Stat;
  /** Everything the page shows for the minimum (analyseMinimum: ρ, Λ, Patel, …). */
  minimumSeconds: Stat;
}

/** ρ(𝒯), Patel's bounds and the whole theory of the minimum of `problem=random&d=…&n=…`. */
export function measureRho(d: number, n: number, repeats: number): RhoFigure {
  const query = `problem=random&d=${d}&n=${n}&eta=0.5&B=1`;
  const { problem, config } = resolveQuery(query);
  const minimum = problem.minima[0];
  const set = hessianSet(problem, minimum, config.sampling === 'with');
  const m = moments(set);
  const c = batchFactor(problem.n, config.B, config.sampling);
  const r = spectralRadius(set, m, config.eta, c); // also a warm-up
  const settings = { eta: config.eta, B: config.B, sampling: config.sampling, radius: config.radius, escape: config.escape, seed: config.seed };
  return {
    d,
    n,
    query,
    method: r.method,
    rho: r.value,
    seconds: timeRepeated(repeats, () => void spectralRadius(set, m, config.eta, c)),
    patelSeconds: timeRepeated(repeats, () => void patelBounds(set, m, config.B)),
    minimumSeconds: timeRepeated(repeats, () => void analyseMinimum(problem, minimum, settings)),
  };
}

export interface AtlasFigure {
  query: string;
  minima: number;
  count: AtlasCount;
  seconds: Stat;
}

/** The theory of every listed minimum of Styblinski–Tang in dimension d (2^d of them up to 4096). */
export function measureAtlas(d: number, repeats: number): AtlasFigure {
  const query = `problem=styblinski&d=${d}&eta=0.01&B=1`;
  const { problem, config } = resolveQuery(query);
  let count: AtlasCount = { total: 0, stableSGD: 0, stableGD: 0 };
  const seconds = timeRepeated(repeats, () => {
    count = atlasCount(theoryOfMinima(problem, config));
  });
  return { query, minima: problem.minima.length, count, seconds };
}

export interface PhaseGridFigure {
  query: string;
  spec: PhaseGridSpec;
  /** The loop that computed the 1D cells: the WebAssembly kernel, or TypeScript (src/core/kernels). */
  loop: 'WebAssembly' | 'TypeScript';
  cells: number;
  /** Runs that escaped, over all cells (a check that the work was done). */
  escaped: number;
  /** Single-threaded wall time of every cell. */
  seconds: Stat;
}

/**
 * The toy's escape phase grid: Wu's b = (0.1, 1.9) repeated to n = 2·half so that
 * the B axis has distinct batch sizes to show (a = 2 and s = 1.8 at x* = 1 as in
 * the two-component toy), η log-spaced over the page's default range.
 */
export function measurePhaseGrid(etaCount: number, bCount: number, runs: number, steps: number, repeats: number, loop: 'kernel' | 'typescript' = 'kernel'): PhaseGridFigure {
  const half = Math.max(1, Math.ceil(bCount / 2));
  const b = Array.from({ length: half }, () => '0.1,1.9').join(',');
  const query = `problem=toy&b=${b}&eta=0.7&B=1`;
  const { problem } = resolveQuery(query);
  const spec: PhaseGridSpec = {
    etaMin: 0.01,
    etaMax: 10,
    etaCount,
    batches: batchAxis(problem.n, bCount),
    runs,
    steps,
    sampling: 'without',
    seed: 1,
    start: 1,
    radius: 1e-3,
    escape: 0.5,
  };
  const order = coarseToFine(spec);
  let escaped = 0;
  const seconds = timeRepeated(repeats, () => {
    escaped = 0;
    for (const cell of order) escaped += phaseCell(problem, spec, cell, loop);
  });
  return { loop: loop === 'kernel' ? kernelStatus().kernel : 'TypeScript', query: `problem=toy&b=(0.1,1.9)×${half}`, spec, cells: cellCount(spec), escaped, seconds };
}

export interface SwitchTheoryFigure {
  query: string;
  n: number;
  /** The whole theory at the switch point: the sum of its pieces (the same work as GdPhase.info() at once). */
  seconds: Stat;
  /** The longest piece when the worker runs it in pieces (GdPhase.infoInPieces()), over the repeats. */
  longestPieceMs: number;
  pieces: number;
}

export const switchQuery = (n: number) => `problem=dln&n=${n}&eta=0.1&B=1&start=1&radius=0.05&switchloss=1e-6`;

/** Wu–Wang–Su's theory at a switch point, at once and in the worker's pieces (dln with n = 200 in the full bench). */
export function measureSwitchTheory(n: number, repeats: number): SwitchTheoryFigure {
  const query = switchQuery(n);
  const { problem, config } = resolveQuery(query);
  const phase = new GdPhase(problem, config).runToEnd();
  let longest = 0;
  let pieces = 0;
  const totals: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const work = phase.infoInPieces();
    pieces = 0;
    let total = 0;
    for (;;) {
      const t0 = performance.now();
      const step = work.next();
      const dt = performance.now() - t0;
      total += dt;
      longest = Math.max(longest, dt);
      if (step.done) break;
      pieces++;
    }
    totals.push(total / 1000);
  }
  return { query, n, seconds: stat(totals), longestPieceMs: longest, pieces };
}

export interface TheoryFigures {
  rho: RhoFigure[];
  atlas: AtlasFigure;
  phaseGrid: PhaseGridFigure;
  /** The same grid on the TypeScript loop, beside the kernel's. */
  phaseGridTs: PhaseGridFigure;
  switchTheory: SwitchTheoryFigure;
}

export function measureTheory(opts: BenchOptions, log: (line: string) => void = () => {}): TheoryFigures {
  const s = opts.sizes;
  const rho = s.rhoDims.map((d) => {
    const f = measureRho(d, 50, opts.repeats);
    log(`theory: ρ(𝒯) d = ${d}: ${(f.seconds.median * 1e3).toFixed(2)} ms (${f.method}), Patel ${(f.patelSeconds.median * 1e3).toFixed(2)} ms`);
    return f;
  });
  const atlas = measureAtlas(s.atlasD, opts.slowRepeats);
  log(`theory: atlas of ${atlas.minima} minima: ${atlas.seconds.median.toFixed(2)} s`);
  const phaseGrid = measurePhaseGrid(s.gridEta, s.gridB, s.gridRuns, s.gridSteps, opts.slowRepeats);
  log(`theory: phase grid ${phaseGrid.cells} cells (${phaseGrid.loop}): ${phaseGrid.seconds.median.toFixed(2)} s`);
  const phaseGridTs = measurePhaseGrid(s.gridEta, s.gridB, s.gridRuns, s.gridSteps, opts.slowRepeats, 'typescript');
  log(`theory: phase grid ${phaseGridTs.cells} cells (TypeScript): ${phaseGridTs.seconds.median.toFixed(2)} s`);
  if (phaseGridTs.escaped !== phaseGrid.escaped) throw new Error(`bench: the phase grid's kernel and TypeScript loop disagree (${phaseGrid.escaped} and ${phaseGridTs.escaped} escaped)`);
  const switchTheory = measureSwitchTheory(s.switchN, opts.slowRepeats);
  log(`theory: switch-point theory (dln n = ${s.switchN}) ${(switchTheory.seconds.median * 1e3).toFixed(0)} ms in all, longest of ${switchTheory.pieces} pieces ${switchTheory.longestPieceMs.toFixed(1)} ms`);
  return { rho, atlas, phaseGrid, phaseGridTs, switchTheory };
}
