/**
 * `npm run sim -- '<query>'`: run a configuration headless and print one JSON
 * object (config, permalink, minima with their theory, the GD and SGD runs).
 * A query with bad keys or values prints the messages and exits non-zero.
 */
import { decodeQuery } from '../core/params/query';
import { problemDef } from '../core/problems/registry';
import { simulateConfig, toJson } from '../core/simulate';
import { dispatch } from './commands';

const args = process.argv.slice(2);
// --phase, --sweep, --shard and --merge (src/cli/commands.ts); a plain link goes on below.
const status = await dispatch(args);
if (status !== null) process.exit(status);
const query = args.find((a) => !a.startsWith('--')) ?? '';
const decoded = decodeQuery(query);
const problems = [...decoded.issues.map((i) => i.message), ...decoded.unknown.map((k) => `unknown key ${JSON.stringify(k)}`)];
if (problems.length > 0) {
  for (const m of problems) console.error(`sim: ${m}`);
  process.exit(2);
}
await problemDef(decoded.config.problem).prepare?.();
const out = simulateConfig(decoded.config);
if (out.issues.length > 0) {
  for (const i of out.issues) console.error(`sim: ${i.message}`);
  process.exit(2);
}
process.stdout.write(toJson(out) + '\n');
