/**
 * One fresh process of the engine's measurement (bench/processes.ts starts several):
 * the engine figures with their native partners, as JSON on stdout. V8 compiles
 * each process's loops anew, so the spread between processes is what a user's
 * page load may get; the bench reports min / median / max over them.
 *   node --import tsx bench/engine-process.ts '{"opts": …, "bin": "/tmp/…/ref" | null}'
 */
import { fileURLToPath } from 'node:url';
import { loadFormulaCompiler } from '../src/core/formula/load-formula-compiler';
import { measureEngine, type EngineFigures, type Partner, type PartnerKey } from './engine';
import type { BenchOptions } from './options';
import { NativeLoop, type NativeBinary, type NativeFigure } from './references';
import type { Skipped } from './stat';

export interface EngineProcessInput {
  opts: BenchOptions;
  /** The compiled bench/ref.c, or null (native skipped). */
  bin: string | null;
}

export interface EngineProcessOutput {
  engine: EngineFigures;
  native: { toySgd: NativeFigure | Skipped; circleGd: NativeFigure | Skipped } | null;
}

export async function engineProcess(input: EngineProcessInput): Promise<EngineProcessOutput> {
  await loadFormulaCompiler(); // the custom toy is built from formulas
  const partners: Partial<Record<PartnerKey, Partner>> = {};
  let loops: { toy: NativeLoop; circle: NativeLoop } | null = null;
  if (input.bin !== null) {
    const bin: NativeBinary = { bin: input.bin, compiler: '', flags: [], dispose: () => {} };
    loops = { toy: new NativeLoop(bin, 'toy-sgd', 0.7, 0.5), circle: new NativeLoop(bin, 'circle-gd', 0.7, 1, 1) };
    partners['sgd.toy'] = loops.toy.partner;
    partners['gd.circle'] = loops.circle.partner;
  }
  const engine = measureEngine(input.opts, () => {}, partners);
  const native = loops ? { toySgd: loops.toy.figure(engine.sgd.toy), circleGd: loops.circle.figure(engine.gd.circle) } : null;
  return { engine, native };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  engineProcess(JSON.parse(process.argv[2]) as EngineProcessInput).then(
    (out) => process.stdout.write(JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)) + '\n'),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
