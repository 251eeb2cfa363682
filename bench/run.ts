/**
 * `npm run bench`: the engine, the references, the theory and the page, measured
 * in one run; a table on the console, the JSON report in bench/results/ and, for
 * a full run, the README's performance table.
 *   npm run bench                 everything (several minutes)
 *   npm run bench -- --quick      under a minute, no page → bench/results/quick.json
 *   npm run bench -- --no-page    without Chromium
 */
import { fileURLToPath } from 'node:url';
import { loadFormulaCompiler } from '../src/core/formula/load-formula-compiler';
import type { EngineProcessOutput } from './engine-process';
import type { Measured } from './figures';
import { measureNetwork, type NetworkFigures } from './network';
import { parseBenchArgs, type BenchOptions, type BenchSizes } from './options';
import { measurePage } from './page';
import { updateReadme } from './readme-table';
import { mergeEngine, mergeNative, runEngineProcess } from './processes';
import { compileNative, measureNumpy, nativeCircleEnsemble } from './references';
import { consoleTable, makeReport, writeReport, type Report } from './report';
import { isSkipped, type Skipped } from './stat';
import { measureTheory } from './theory';

const root = new URL('..', import.meta.url);

/** Engine with its native partners in fresh processes, then NumPy, the theory and (unless skipped) the page. */
export async function measureAll(opts: BenchOptions, log: (line: string) => void = () => {}): Promise<Measured> {
  const bin = compileNative();
  if (isSkipped(bin)) log(`native: skipped: ${bin.skipped}`);
  const outs: EngineProcessOutput[] = [];
  let nativeEnsemble: Measured['nativeEnsemble'] = { skipped: 'not run' };
  try {
    for (let p = 0; p < opts.processes; p++) {
      const out = runEngineProcess(opts, isSkipped(bin) ? null : bin.bin);
      outs.push(out);
      const e = out.engine;
      log(`engine, process ${p + 1} of ${opts.processes}: SGD toy ${(e.sgd.toy.stepsPerSecond.median / 1e6).toFixed(1)} M steps/s, ensemble ${e.ensemble.seconds.median.toFixed(3)} s`);
    }
    if (!isSkipped(bin)) {
      const s = opts.sizes;
      nativeEnsemble = nativeCircleEnsemble(bin, s.ensembleRuns, s.ensembleSteps, 128, opts.repeats);
      if (!isSkipped(nativeEnsemble)) log(`native: circle ensemble ${nativeEnsemble.seconds.median.toFixed(3)} s; same x as the engine: ${nativeEnsemble.matchesEngine}`);
    }
  } finally {
    if (!isSkipped(bin)) bin.dispose();
  }
  const engine = mergeEngine(outs.map((o) => o.engine));
  let native: Measured['native'] = isSkipped(bin) ? bin : { skipped: 'not run' };
  if (!isSkipped(bin) && outs.every((o) => o.native !== null)) {
    const toySgd = mergeNative(outs.map((o) => o.native!.toySgd));
    const circleGd = mergeNative(outs.map((o) => o.native!.circleGd));
    native = isSkipped(toySgd) ? toySgd : isSkipped(circleGd) ? circleGd : { compiler: bin.compiler, flags: bin.flags, toySgd, circleGd };
    if (!isSkipped(native)) {
      log(`native: toy SGD ${(native.toySgd.stepsPerSecond.median / 1e6).toFixed(1)} M steps/s, circle GD ${(native.circleGd.stepsPerSecond.median / 1e6).toFixed(2)} M steps/s; same x as the engine: ${native.toySgd.matchesEngine && native.circleGd.matchesEngine}`);
    }
  }
  const s = opts.sizes;
  const numpy = measureNumpy(s.numpyRuns, s.numpyToySteps, s.ensembleSteps, opts.repeats, log);
  if (isSkipped(numpy)) log(`numpy: skipped: ${numpy.skipped}`);
  await loadFormulaCompiler();
  const theory = measureTheory(opts, log);
  const network = await measureNetworkOrSkip(s.network, log);
  let page: Measured['page'];
  if (opts.page) page = await measurePage(opts.pageSizes, log);
  else page = { skipped: opts.mode === 'quick' ? 'quick mode measures no page' : 'skipped (--no-page)' } satisfies Skipped;
  return { engine, native, nativeEnsemble, numpy, theory, network, page };
}

/** bench/network.ts on the sizes' network; a failure is reported as skipped with its message, not as a crash of the whole bench. */
async function measureNetworkOrSkip(sizes: BenchSizes['network'], log: (line: string) => void): Promise<NetworkFigures | Skipped> {
  try {
    const f = await measureNetwork(sizes.query, sizes.fig6);
    log(`network ${f.label}: GD ${f.stepsToTrained === null ? 'not trained' : `trained in ${f.stepsToTrained} steps`}, ${f.trainSeconds.toFixed(1)} s; a and s ${(f.sharpnessSeconds + f.nonUniformitySeconds).toFixed(2)} s${f.fig6 ? `; Fig. 6 sweep ${f.fig6.seconds.toFixed(0)} s` : ''}`);
    return f;
  } catch (e) {
    const skipped = { skipped: `the network bench failed: ${e instanceof Error ? e.message : String(e)}` };
    log(`network: ${skipped.skipped}`);
    return skipped;
  }
}

export async function runBench(opts: BenchOptions, log: (line: string) => void = () => {}): Promise<Report> {
  const t0 = performance.now();
  const measured = await measureAll(opts, log);
  return makeReport(opts, measured, (performance.now() - t0) / 1000);
}

const log = (line: string) => console.log(`  ${line}`);

async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(parsed.error.startsWith('unknown') ? 2 : 0);
  }
  const opts = parsed;
  console.log(`bench (${opts.mode}${opts.page ? '' : ', no page'}): medians of ${opts.repeats} runs`);
  const report = await runBench(opts, log);
  const out = fileURLToPath(new URL(opts.output, root));
  writeReport(out, report);
  console.log('\n' + consoleTable(report.figures) + '\n');
  console.log(`report: ${opts.output} (${report.seconds.toFixed(0)} s)`);
  if (opts.readme) {
    updateReadme(fileURLToPath(new URL('README.md', root)), report);
    console.log('README: bench section rewritten from the report');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

