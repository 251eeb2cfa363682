/**
 * The engine measured in several fresh Node processes (bench/engine-process.ts), one
 * after another, and merged: every figure becomes a Stat over the processes (each
 * process contributing its own median), so min / median / max show how far apart
 * two processes of the same code can be (V8's compilation state, not only load).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineFigures, EnsembleTiming, Throughput } from './engine';
import type { EngineProcessInput, EngineProcessOutput } from './engine-process';
import type { BenchOptions, EngineProblemKey } from './options';
import type { NativeFigure } from './references';
import { isSkipped, stat, type Skipped, type Stat } from './stat';

const child = fileURLToPath(new URL('./engine-process.ts', import.meta.url));

/** One process's output, or why it failed. */
export function runEngineProcess(opts: BenchOptions, bin: string | null): EngineProcessOutput {
  const input: EngineProcessInput = { opts, bin };
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, JSON.stringify(input)], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 900_000 });
  if (r.status !== 0) throw new Error(`engine process failed: ${(r.stderr || String(r.error)).trim().slice(0, 500)}`);
  return JSON.parse(r.stdout) as EngineProcessOutput;
}

const across = (xs: Stat[]): Stat => stat(xs.map((s) => s.median));

function mergeThroughput(ts: Throughput[]): Throughput {
  const first = ts[0];
  const out: Throughput = { ...first, stepsPerSecond: across(ts.map((t) => t.stepsPerSecond)) };
  if (ts.every((t) => t.paired)) out.paired = { stepsPerSecond: across(ts.map((t) => t.paired!.stepsPerSecond)), ratio: across(ts.map((t) => t.paired!.ratio)) };
  else delete out.paired;
  return out;
}

function mergeEnsemble(es: EnsembleTiming[]): EnsembleTiming {
  return { ...es[0], seconds: across(es.map((e) => e.seconds)), stepsPerSecond: across(es.map((e) => e.stepsPerSecond)) };
}

export function mergeEngine(all: EngineFigures[]): EngineFigures {
  const keys = Object.keys(all[0].sgd) as EngineProblemKey[];
  const pick = (opt: 'sgd' | 'gd') => Object.fromEntries(keys.map((k) => [k, mergeThroughput(all.map((e) => e[opt][k]))])) as Record<EngineProblemKey, Throughput>;
  return {
    sgd: pick('sgd'),
    gd: pick('gd'),
    ensemble: mergeEnsemble(all.map((e) => e.ensemble)),
    ensembleNoHistory: mergeEnsemble(all.map((e) => e.ensembleNoHistory)),
    processes: all.length,
  };
}

export function mergeNative(all: Array<NativeFigure | Skipped>): NativeFigure | Skipped {
  const bad = all.find(isSkipped);
  if (bad) return bad;
  const figs = all as NativeFigure[];
  return { ...figs[0], stepsPerSecond: across(figs.map((f) => f.stepsPerSecond)), matchesEngine: figs.every((f) => f.matchesEngine) };
}
