/**
 * The network problem's figures (README "Performance", issue targets stated there):
 *   training: GD from the initialisation to loss < 1e-4 on the default network (target ≤ 20 s in the page's worker);
 *   measurement: a and s at that minimum (target ≤ 3 s);
 *   Fig. 6 sweep: 24 models (target ≤ 3 min on two cores, the first within 20 s).
 * Node, one core. Part of `npm run bench` (the default network and the sweep; `--quick`
 * runs the tiny one), or alone: `npx tsx bench/network.ts [--tiny] [--fig6]` (`--tiny` for
 * a seconds-long check of the code, `--fig6` to add the whole sweep).
 */
import { loadDigits } from '../src/core/data/digits';
import { networkAlignment } from '../src/core/network/alignment';
import { nonUniformity, sharpness } from '../src/core/network/curvature';
import { isMlp } from '../src/core/network/mlp-problem';
import { runSweep } from '../src/core/network/sweeps';
import { TRAINED_LOSS } from '../src/core/network/trained-minima';
import { decodeQuery } from '../src/core/params/query';
import { prepareRun, startEnsembles } from '../src/core/prepare-run';

export interface NetworkFigures {
  query: string;
  label: string;
  parameters: number;
  /** GD steps to loss < 1e-4 (checked every 10 steps), or null when it did not get there within the link's steps. */
  stepsToTrained: number | null;
  trainSeconds: number;
  finalLoss: number;
  sharpnessSeconds: number;
  nonUniformitySeconds: number;
  /** Wu–Wang–Su's ‖G‖_F and μ at the same point (closed form, src/core/network/alignment.ts). */
  alignmentSeconds: number;
  a: number;
  s: number;
  fig6?: { models: number; seconds: number; firstModelSeconds: number };
}

export const DEFAULT_QUERY = 'problem=mlp&opt=gd&steps=5000';
export const TINY_QUERY = 'problem=mlp&data=teacher&n=12&width=16&eta=0.3&opt=gd&steps=1500';

export async function measureNetwork(query: string, fig6 = false): Promise<NetworkFigures> {
  await loadDigits();
  const run = prepareRun(decodeQuery(query).config);
  const problem = run.problem;
  if (!isMlp(problem)) throw new Error(`bench/network.ts needs problem=mlp, got ${problem.kind}`);
  const gd = startEnsembles(run).gd!;
  const x = gd.runs[0].x;
  const t0 = performance.now();
  let steps: number | null = null;
  let loss = problem.loss(x);
  while (!gd.finished && loss >= TRAINED_LOSS) {
    gd.advance(10);
    loss = problem.loss(x);
  }
  if (loss < TRAINED_LOSS) steps = gd.t;
  const trainSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const a = sharpness(problem, x);
  const t2 = performance.now();
  const s = nonUniformity(problem, x);
  const t3 = performance.now();
  networkAlignment(problem, x);
  const t4 = performance.now();
  const out: NetworkFigures = {
    query,
    label: problem.label,
    parameters: problem.dim,
    stepsToTrained: steps,
    trainSeconds,
    finalLoss: loss,
    sharpnessSeconds: (t2 - t1) / 1000,
    nonUniformitySeconds: (t3 - t2) / 1000,
    alignmentSeconds: (t4 - t3) / 1000,
    a: a.value,
    s: s.value,
  };
  if (fig6) {
    const started = performance.now();
    let first = NaN;
    const sweep = runSweep('fig6', query.replace('opt=gd', '').replace('steps=5000', 'steps=2000'), undefined, (_m, k) => {
      if (k === 0) first = (performance.now() - started) / 1000;
    });
    out.fig6 = { models: sweep.models.length, seconds: (performance.now() - started) / 1000, firstModelSeconds: first };
  }
  return out;
}

if (process.argv[1]?.endsWith('network.ts')) {
  if (process.argv.includes('--help')) {
    console.log('npx tsx bench/network.ts [--tiny] [--fig6]: GD to loss < 1e-4, then a, s, ‖G‖_F and μ, timed (JSON on stdout)');
    process.exit(0);
  }
  const tiny = process.argv.includes('--tiny');
  console.log(JSON.stringify(await measureNetwork(tiny ? TINY_QUERY : DEFAULT_QUERY, process.argv.includes('--fig6')), null, 2));
}
