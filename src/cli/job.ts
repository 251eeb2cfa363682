/**
 * What `--phase` and `--sweep` have in common: a list of independent units (the
 * grid's cells, the sweep's points), each computed from the link alone, and a
 * whole result assembled from the units' values in order. A unit's value does
 * not depend on which process computes it or which other units it computes (the
 * phase grid's run r of cell c draws from the stream (seed, c, r), README
 * "Random streams"), so shards computed anywhere merge into the unsharded result
 * bit for bit.
 */
import { toJson } from '../core/simulate';
import { progressBar, type ProgressSink } from './progress';
import { shardName, shardUnits, type Shard } from './shard';

/** What names a job: equal names, equal units. A shard file carries it as its header. */
export interface JobName {
  /** The units: the phase grid's cells, or the sweep's points. */
  kind: 'phase' | 'sweep';
  /** The canonical link (a sweep's base link). */
  link: string;
  /** The sweep as given to --sweep, or null. */
  sweep: string | null;
  /** A sweep's point: a whole phase grid (with --phase) or one `npm run sim` result. */
  each: 'phase' | 'sim' | null;
  units: number;
}

export interface Job {
  name: JobName;
  /** 'cells' or 'points', for the progress bar and the messages. */
  unitLabel: string;
  /** One unit's value, as plain JSON (what a shard file holds). */
  compute(unit: number): unknown;
  /** The whole result from every unit's value, in unit order. */
  assemble(values: unknown[]): unknown;
}

/** The format tag of a shard file; --merge refuses anything else. */
export const SHARD_FORMAT = 'sharpness-explorer shard 1';

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  of: JobName;
  shard: string;
  units: number[];
  values: unknown[];
}

/** Plain JSON, as it will be read back: an infinity is null (as toJson writes it), -0 is 0. */
export const plain = (v: unknown): unknown => JSON.parse(toJson(v, 0));

/** Every unit of a job, assembled (no progress bar: a sweep's point). */
export function wholeResult(job: Job): unknown {
  return job.assemble(Array.from({ length: job.name.units }, (_, u) => job.compute(u)));
}

/** The whole result (shard null) or one shard's file, as the JSON text to print. */
export function runJob(job: Job, shard: Shard | null, sink?: ProgressSink): string {
  const units = shard ? shardUnits(job.name.units, shard) : Array.from({ length: job.name.units }, (_, u) => u);
  const bar = progressBar(job.unitLabel, units.length, sink);
  const values: unknown[] = [];
  for (let i = 0; i < units.length; i++) {
    values.push(job.compute(units[i]));
    bar.update(i + 1);
  }
  bar.end();
  if (!shard) return toJson(job.assemble(values));
  const file: ShardFile = { format: SHARD_FORMAT, of: job.name, shard: shardName(shard), units, values };
  return toJson(file);
}
