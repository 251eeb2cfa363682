/**
 * The command line's sweeps (README "npm run sim"): `--phase`, `--sweep`,
 * `--shard i/N` and `--merge FILES…`. sim.ts hands its arguments here first; a
 * plain `npm run sim -- '<query>'` is none of these and stays with sim.ts.
 */
import { readFileSync } from 'node:fs';
import { toJson } from '../core/simulate';
import { setKernelPreference, type KernelPreference } from '../core/kernels/kernel-choice';
import { CliError } from './cli-error';
import { runJob, type Job, type JobName } from './job';
import { mergeShards } from './merge';
import { phaseJob } from './phase';
import { parseShard, type Shard } from './shard';
import { sweepJob } from './sweep';

export type Command =
  | { kind: 'phase'; query: string; sweep: string | null; shard: Shard | null; kernel?: KernelPreference }
  | { kind: 'sweep'; query: string; sweep: string; shard: Shard | null; kernel?: KernelPreference }
  | { kind: 'merge'; files: string[] }
  /** A plain `npm run sim -- '<query>' --kernel=typescript`: sim.ts runs it, on the chosen loop. */
  | { kind: 'plain'; kernel: KernelPreference };

const FLAGS = ['--phase', '--sweep', '--shard', '--merge', '--kernel'];
const KERNELS: KernelPreference[] = ['auto', 'typescript'];

/** The command the arguments ask for, or null for a plain run (no flag of ours). */
export function commandOf(input: string[]): Command | null {
  // --kernel=X is --kernel X (the one form a plain run takes: sim.ts reads its link as the first argument not starting with --).
  const args = input.flatMap((a) => (a.startsWith('--kernel=') ? ['--kernel', a.slice('--kernel='.length)] : [a]));
  if (!args.some((a) => FLAGS.includes(a))) return null;
  if (!args.some((a) => FLAGS.includes(a) && a !== '--kernel')) {
    if (input.includes('--kernel')) throw new CliError('a plain run takes --kernel=typescript (with =), as its link is its one other argument');
    const i = args.indexOf('--kernel');
    const k = args[i + 1];
    if (!KERNELS.includes(k as KernelPreference)) throw new CliError(`--kernel must be ${KERNELS.join(' or ')}, got ${JSON.stringify(k)}`);
    return { kind: 'plain', kernel: k as KernelPreference };
  }
  const m = args.indexOf('--merge');
  if (m >= 0) {
    const other = args.filter((a, i) => i < m || (a.startsWith('--') && i > m));
    if (other.length > 0) throw new CliError(`--merge takes only the shard files, got also ${other.map((a) => JSON.stringify(a)).join(', ')}`);
    return { kind: 'merge', files: args.slice(m + 1) };
  }
  let phase = false;
  let sweep: string | null = null;
  let shard: Shard | null = null;
  let kernel: KernelPreference | undefined;
  const queries: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || FLAGS.includes(v)) throw new CliError(`${a} needs a value`);
      return v;
    };
    if (a === '--phase') {
      phase = true;
      // The link may follow --phase or stand apart: `--phase '<query>'` or `--phase --sweep … '<query>'`.
      if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) queries.push(args[++i]);
    } else if (a === '--sweep') sweep = value();
    else if (a === '--shard') shard = parseShard(value());
    else if (a === '--kernel') {
      const k = value();
      if (!KERNELS.includes(k as KernelPreference)) throw new CliError(`--kernel must be ${KERNELS.join(' or ')}, got ${JSON.stringify(k)}`);
      kernel = k as KernelPreference;
    }
    else if (a.startsWith('--')) throw new CliError(`unknown option ${JSON.stringify(a)} (the sweeps take --phase, --sweep, --shard and --merge)`);
    else queries.push(a);
  }
  if (queries.length > 1) throw new CliError(`one link at a time, got ${queries.length}: ${queries.map((q) => JSON.stringify(q)).join(', ')}`);
  const query = queries[0] ?? '';
  const k = kernel !== undefined ? { kernel } : {};
  if (phase) return { kind: 'phase', query, sweep, shard, ...k };
  if (sweep !== null) return { kind: 'sweep', query, sweep, shard, ...k };
  throw new CliError('--shard splits a --phase grid or a --sweep; give one of them');
}

async function jobOf(c: Extract<Command, { kind: 'phase' | 'sweep' }>): Promise<Job> {
  if (c.sweep !== null) return sweepJob(c.query, c.sweep, c.kind === 'phase' ? 'phase' : 'sim');
  return phaseJob(c.query);
}

/** The job a shard file names, rebuilt from its header (the merge assembles with it). */
async function jobNamed(name: JobName): Promise<Job> {
  const job = name.sweep !== null ? await sweepJob(name.link, name.sweep, name.each === 'phase' ? 'phase' : 'sim') : await phaseJob(name.link);
  if (JSON.stringify(job.name) !== JSON.stringify(name)) {
    throw new CliError(`the shards' header ${JSON.stringify(name)} is not what their link gives here, ${JSON.stringify(job.name)} (shards of another version of the explorer, or an edited header?)`);
  }
  return job;
}

/** The JSON text the command prints. */
export async function runCommandText(c: Exclude<Command, { kind: 'plain' }>, readText: (file: string) => string = (f) => readFileSync(f, 'utf8')): Promise<string> {
  if (c.kind === 'merge') {
    const files = c.files.map((name) => {
      let text: string;
      try {
        text = readText(name);
      } catch (e) {
        throw new CliError(`cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { name, text };
    });
    const merged = mergeShards(files);
    const job = await jobNamed(merged.name);
    return toJson(job.assemble(merged.values));
  }
  // The loop of the 1D phase cells and SGD steps; the numbers are the same either way (src/core/kernels).
  setKernelPreference(c.kernel ?? 'auto');
  const job = await jobOf(c);
  return c.shard ? runJob(job, c.shard) : runJob(job, null);
}

/**
 * Run the command the arguments ask for: its JSON on stdout (status 0), or the
 * refusal on stderr (status 2). Null when the arguments are a plain run.
 */
export async function dispatch(args: string[]): Promise<number | null> {
  try {
    const c = commandOf(args);
    if (c === null) return null;
    if (c.kind === 'plain') {
      // The loop of the 1D SGD steps; the numbers are the same either way (src/core/kernels).
      setKernelPreference(c.kernel);
      return null;
    }
    const text = await runCommandText(c);
    await new Promise<void>((resolve) => process.stdout.write(text + '\n', () => resolve()));
    return 0;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    for (const line of e.message.split('\n')) console.error(`sim: ${line}`);
    return 2;
  }
}
