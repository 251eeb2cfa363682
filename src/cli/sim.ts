/**
 * `npm run sim -- '<query>'`: run a configuration headless and print one JSON
 * object (config, permalink, minima with their theory, the GD and SGD runs).
 * A query with bad keys or values prints the messages and exits non-zero.
 * With `--paper-sweep=table2|fig5|fig6` (a network link) it prints that sweep of Wu–Ma–E §5 instead
 * (`--alignment` adds Wu–Wang–Su's ‖G‖_F, μ and μ₀ at each trained end, left out by default: src/core/network/sweeps.ts)
 * (the general sweeps over any key are `--sweep`, src/cli/commands.ts).
 */
// A link copied from the page carries its view keys too: read with the page's whole table.
import { LINK, runSpecOf } from '../ui/state/link-params';
import { problemDef } from '../core/problems/registry';
import { isLeftOutComparison, simulateConfig, toJson } from '../core/simulate';
import { dispatch } from './commands';
import { runSweep, SWEEPS, type SweepKind } from '../core/network/sweeps';

const args = process.argv.slice(2);
// --phase, --sweep, --shard and --merge (src/cli/commands.ts); a plain link goes on below.
const status = await dispatch(args);
if (status !== null) process.exit(status);
const query = args.find((a) => !a.startsWith('--')) ?? '';
const decoded = LINK.decode(query);
const problems = [...decoded.issues.map((i) => i.message), ...decoded.unknown.map((k) => `unknown key ${JSON.stringify(k)}`)];
if (problems.length > 0) {
  for (const m of problems) console.error(`sim: ${m}`);
  process.exit(2);
}
await problemDef(decoded.config.problem).prepare?.();
const sweep = args.find((a) => a.startsWith('--paper-sweep='))?.slice('--paper-sweep='.length);
if (sweep !== undefined) {
  // `--paper-sweep=table2|fig5|fig6 [--values=0.1,0.2;…]`: Wu–Ma–E §5's sweeps over a network link (src/core/network/sweeps.ts).
  if (!(SWEEPS as readonly string[]).includes(sweep)) {
    console.error(`sim: --paper-sweep must be one of ${SWEEPS.join(', ')}, got ${JSON.stringify(sweep)}`);
    process.exit(2);
  }
  const valuesArg = args.find((a) => a.startsWith('--values='))?.slice('--values='.length);
  const values = valuesArg ? valuesArg.split(';').map((list) => list.split(',')) : undefined;
  try {
    const alignment = args.includes('--alignment');
    const result = runSweep(sweep as SweepKind, query, values, (_m, k, total) => console.error(`sim: sweep ${sweep}: model ${k + 1} of ${total} done`), { alignment });
    process.stdout.write(toJson(result) + '\n');
  } catch (e) {
    console.error(`sim: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  process.exit(0);
}
// The view keys were read (a page's link is taken as it is) but shape no number: the run specification is printed.
const out = simulateConfig(runSpecOf(decoded.config));
for (const i of out.issues) console.error(`sim: ${i.message}`);
// A note (an old weighted link without replacement) says what the numbers mean; the link is run as recorded, so it is not a reason to stop.
for (const note of new Set(out.minima.map((m) => m.samplingNote).filter((t) => t !== undefined))) console.error(`sim: note: ${note}`);
// A comparison left out by name stays in the JSON's issues and the rest is printed, as the page keeps the others.
if (out.issues.some((i) => !isLeftOutComparison(i))) process.exit(2);
process.stdout.write(toJson(out) + '\n');
