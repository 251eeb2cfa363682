/**
 * `npm run sim -- '<query>'`: run a configuration headless and print one JSON
 * object (config, permalink, minima with their theory, the GD and SGD runs).
 * A query with bad keys or values prints the messages and exits non-zero.
 */
// A link copied from the page carries its view keys too: read with the page's whole table.
import { LINK, runSpecOf } from '../ui/state/link-params';
import { problemDef } from '../core/problems/registry';
import { isLeftOutComparison, simulateConfig, toJson } from '../core/simulate';
import { dispatch } from './commands';

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
// The view keys were read (a page's link is taken as it is) but shape no number: the run specification is printed.
const out = simulateConfig(runSpecOf(decoded.config));
for (const i of out.issues) console.error(`sim: ${i.message}`);
// A comparison left out by name stays in the JSON's issues and the rest is printed, as the page keeps the others.
if (out.issues.some((i) => !isLeftOutComparison(i))) process.exit(2);
process.stdout.write(toJson(out) + '\n');
