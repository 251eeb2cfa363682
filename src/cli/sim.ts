/**
 * `npm run sim -- '<query>'`: run a configuration headless and print one JSON
 * object (config, permalink, minima with their theory, the GD and SGD runs).
 * A query with bad keys or values prints the messages and exits non-zero.
 * With `--sweep=table2|fig5|fig6` (a network link) it prints that sweep instead.
 */
import { decodeQuery } from '../core/params/query';
import { problemDef } from '../core/problems/registry';
import { runSweep, SWEEPS, type SweepKind } from '../core/network/sweeps';
import { simulateConfig, toJson } from '../core/simulate';

const args = process.argv.slice(2);
const query = args.find((a) => !a.startsWith('--')) ?? '';
const decoded = decodeQuery(query);
const problems = [...decoded.issues.map((i) => i.message), ...decoded.unknown.map((k) => `unknown key ${JSON.stringify(k)}`)];
if (problems.length > 0) {
  for (const m of problems) console.error(`sim: ${m}`);
  process.exit(2);
}
await problemDef(decoded.config.problem).prepare?.();
const sweep = args.find((a) => a.startsWith('--sweep='))?.slice('--sweep='.length);
if (sweep !== undefined) {
  // `--sweep=table2|fig5|fig6 [--values=0.1,0.2;…]`: Wu–Ma–E §5's sweeps over a network link (src/core/network/sweeps.ts).
  if (!(SWEEPS as readonly string[]).includes(sweep)) {
    console.error(`sim: --sweep must be one of ${SWEEPS.join(', ')}, got ${JSON.stringify(sweep)}`);
    process.exit(2);
  }
  const valuesArg = args.find((a) => a.startsWith('--values='))?.slice('--values='.length);
  const values = valuesArg ? valuesArg.split(';').map((list) => list.split(',')) : undefined;
  try {
    const result = runSweep(sweep as SweepKind, query, values, (_m, k, total) => console.error(`sim: sweep ${sweep}: model ${k + 1} of ${total} done`));
    process.stdout.write(toJson(result) + '\n');
  } catch (e) {
    console.error(`sim: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  process.exit(0);
}
const out = simulateConfig(decoded.config);
if (out.issues.length > 0) {
  for (const i of out.issues) console.error(`sim: ${i.message}`);
  process.exit(2);
}
process.stdout.write(toJson(out) + '\n');
