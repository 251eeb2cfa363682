/**
 * Engine throughput in Node through the code the worker runs: problems built
 * from a permalink (decodeQuery → buildProblem), an Ensemble advanced in chunks
 * of about a millisecond, as src/worker/sim-session.ts advances it.
 */
import { Ensemble } from '../src/core/engine/ensemble';
import type { Config } from '../src/core/params/param-table';
import { decodeQuery } from '../src/core/params/query';
import { buildProblem } from '../src/core/problems/build-problem';
import type { Problem } from '../src/core/problems/problem';
import { generatorOf, Mulberry32, Salt, xoshiroStreamState } from '../src/core/rng';
import { ensembleSpec } from '../src/core/prepare-run';
import type { BenchOptions, EngineProblemKey } from './options';
import { median, rateOf, seconds, stat, timeRepeated, type Stat } from './stat';

export const ENGINE_PROBLEMS: Record<EngineProblemKey, { label: string; query: string }> = {
  toy: { label: 'toy (n = 2)', query: 'problem=toy&eta=0.7&B=1' },
  quadratic: { label: '1D quadratic sum (n = 1000)', query: 'problem=point&a=2&s=1.8&n=1000&eta=0.3&B=1' },
  circle: { label: 'quadratic-circle Model 1 (N = 50)', query: 'problem=circle&model=1&eta=0.7&B=1' },
  styblinski: { label: 'Styblinski–Tang (d = 10, n = 200)', query: 'problem=styblinski&d=10&n=200&eta=0.01&B=1' },
  // The same toy typed as formulas, measured last: its tape's calls would otherwise make the
  // engine's call sites see one more problem before the others are timed. Compiled to a tape with forward-mode derivatives.
  customToy: { label: 'toy typed as formulas (custom, n = 2)', query: 'problem=custom&f=min(x^2,0.1*(x-1)^2);min(x^2,1.9*(x-1)^2)&start=1&eta=0.7&B=1' },
};

export const ENSEMBLE_QUERY = 'problem=circle&model=1&eta=0.7&B=1';

/** The problem and configuration a query names; throws on a query the table repairs (a bench bug). */
export function resolveQuery(query: string): { problem: Problem; config: Config } {
  const decoded = decodeQuery(query);
  const { problem, config, issues } = buildProblem(decoded.config);
  const all = [...decoded.issues, ...issues].map((i) => i.message);
  if (all.length > 0 || decoded.unknown.length > 0) throw new Error(`bench query ${query}: ${[...all, ...decoded.unknown].join('; ')}`);
  return { problem, config };
}

/** Where a run started and ended: what the native reference must reproduce bit for bit. */
export interface RunTrace {
  x0: number[];
  /** The run's random state before its first step: one word (mulberry32, v = 1) or four (xoshiro128**). */
  rngState: number[];
  steps: number;
  x: number[];
  escapeStep: number;
}

const CHUNK_SECONDS = 1e-3;

/** One engine configuration, warmed up, ready to be timed sample by sample. */
export interface ThroughputProbe {
  query: string;
  opt: 'gd' | 'sgd';
  steps: number;
  chunk: number;
  /** Run `steps` steps from a fresh ensemble; returns steps per second. */
  sample(): number;
  /** Start and end of the last sample's run. */
  trace(): RunTrace;
}

/**
 * The worker's ensemble with runs = 1, warmed up with many short chunks so V8
 * optimises the loop as the worker's steady state sees it (one long first call
 * would leave on-stack-replacement code), the chunk calibrated to about 1 ms.
 */
export function throughputProbe(query: string, opt: 'gd' | 'sgd', steps: number, warmupSeconds: number): ThroughputProbe {
  const { problem, config } = resolveQuery(query);
  const make = () => new Ensemble(problem, ensembleSpec({ ...config, runs: 1, steps }, opt));
  let chunk = 64;
  let warm = make();
  const start = performance.now();
  const until = start + warmupSeconds * 1000;
  // The chunk is set from the median rate of the calls in the second half of the warm-up, not
  // from the last step of a multiplicative walk: one call hit by a pause (GC, preemption) could
  // leave the walk at a few steps a call, and then the figure measured call overhead (a process
  // at half the speed of the next). The median ignores the paused calls.
  const rates: number[] = [];
  while (performance.now() < until) {
    if (warm.finished) warm = make();
    const dt = seconds(() => warm.advance(chunk));
    if (performance.now() - start > (warmupSeconds * 1000) / 2 && dt > 0) rates.push(chunk / dt);
    chunk = Math.max(1, Math.min(steps, Math.round(chunk * Math.min(4, CHUNK_SECONDS / Math.max(dt, 1e-7)))));
  }
  if (rates.length > 0) chunk = Math.max(1, Math.min(steps, Math.round(median(rates) * CHUNK_SECONDS)));
  let last = make();
  let x0 = Array.from(last.runs[0].x);
  return {
    query,
    opt,
    steps,
    chunk,
    sample() {
      last = make();
      x0 = Array.from(last.runs[0].x);
      const t = seconds(() => {
        while (!last.finished) last.advance(chunk);
      });
      return steps / t;
    },
    trace() {
      const run = last.runs[0];
      return { x0, rngState: generatorOf(config.v) === 'mulberry32' ? [new Mulberry32(config.seed, 0, Salt.run).state >>> 0] : xoshiroStreamState(config.seed, 0, Salt.run), steps: run.t, x: Array.from(run.x), escapeStep: run.escapeStep };
    },
  };
}

/** A reference timed in alternation with the engine: one sample after each engine sample (NaN: it failed). */
export type Partner = (probe: ThroughputProbe) => number;

export interface Throughput {
  query: string;
  opt: 'gd' | 'sgd';
  stepsPerSample: number;
  /** Steps per chunk, calibrated to about a millisecond (the worker's slicing). */
  chunk: number;
  stepsPerSecond: Stat;
  trace: RunTrace;
  /** The partner's steps per second, and engine ÷ partner sample by sample. */
  paired?: { stepsPerSecond: Stat; ratio: Stat };
}

/**
 * Steps per second of one run of `opt`: the median of `repeats` samples after the
 * warm-up; with a partner, its samples alternate with the engine's so that the
 * ratio of the two is taken under the same load.
 */
export function measureThroughput(query: string, opt: 'gd' | 'sgd', steps: number, repeats: number, warmupSeconds: number, partner?: Partner): Throughput {
  const probe = throughputProbe(query, opt, steps, warmupSeconds);
  const mine: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    mine.push(probe.sample());
    if (partner) theirs.push(partner(probe));
  }
  const out: Throughput = { query, opt, stepsPerSample: steps, chunk: probe.chunk, stepsPerSecond: stat(mine), trace: probe.trace() };
  if (partner && theirs.every((v) => Number.isFinite(v) && v > 0)) out.paired = { stepsPerSecond: stat(theirs), ratio: stat(mine.map((v, i) => v / theirs[i])) };
  return out;
}

export interface EnsembleTiming {
  query: string;
  runs: number;
  steps: number;
  /** Points kept in each run's decimated history (the default 128 is what the page and `npm run sim` keep). */
  hist: number;
  /** Wall time of building the ensemble and running it to the end. */
  seconds: Stat;
  stepsPerSecond: Stat;
}

/** Wall time of an SGD ensemble (runs × steps), built and run to its end as `npm run sim` does. */
export function measureEnsemble(query: string, runs: number, steps: number, repeats: number, hist?: number): EnsembleTiming {
  const { problem, config } = resolveQuery(query);
  const spec = ensembleSpec({ ...config, runs, steps, hist: hist ?? config.hist }, 'sgd');
  new Ensemble(problem, { ...spec, runs: Math.min(runs, 50) }).runToEnd(); // warm-up
  const s = timeRepeated(repeats, () => void new Ensemble(problem, spec).runToEnd());
  return { query, runs, steps, hist: spec.hist, seconds: s, stepsPerSecond: rateOf(runs * steps, s) };
}

export interface EngineFigures {
  sgd: Record<EngineProblemKey, Throughput>;
  gd: Record<EngineProblemKey, Throughput>;
  /** The quadratic-circle ensemble as the page runs it (histories kept). */
  ensemble: EnsembleTiming;
  /** The same without histories: the stepping alone. */
  ensembleNoHistory: EnsembleTiming;
  /** Fresh processes merged into these figures (bench/processes.ts); each Stat is then over processes. */
  processes?: number;
}

export type PartnerKey = `${'sgd' | 'gd'}.${EngineProblemKey}`;

export function measureEngine(opts: BenchOptions, log: (line: string) => void = () => {}, partners: Partial<Record<PartnerKey, Partner>> = {}): EngineFigures {
  const warmup = opts.mode === 'quick' ? 0.05 : 0.3;
  const keys = Object.keys(ENGINE_PROBLEMS) as EngineProblemKey[];
  const sgd = {} as Record<EngineProblemKey, Throughput>;
  const gd = {} as Record<EngineProblemKey, Throughput>;
  for (const k of keys) {
    const q = ENGINE_PROBLEMS[k].query;
    sgd[k] = measureThroughput(q, 'sgd', opts.sizes.sgdSteps[k], opts.repeats, warmup, partners[`sgd.${k}`]);
    log(`engine: SGD ${k} ${(sgd[k].stepsPerSecond.median / 1e6).toFixed(2)} M steps/s`);
    gd[k] = measureThroughput(q, 'gd', opts.sizes.gdSteps[k], opts.repeats, warmup, partners[`gd.${k}`]);
    log(`engine: GD ${k} ${(gd[k].stepsPerSecond.median / 1e6).toFixed(3)} M steps/s`);
  }
  const { ensembleRuns: runs, ensembleSteps: steps } = opts.sizes;
  const ensemble = measureEnsemble(ENSEMBLE_QUERY, runs, steps, opts.repeats);
  const ensembleNoHistory = measureEnsemble(ENSEMBLE_QUERY, runs, steps, opts.repeats, 0);
  log(`engine: ensemble ${runs}×${steps} ${ensemble.seconds.median.toFixed(4)} s (without histories ${ensembleNoHistory.seconds.median.toFixed(4)} s)`);
  return { sgd, gd, ensemble, ensembleNoHistory };
}
