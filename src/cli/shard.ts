/**
 * `--shard i/N`: which units (phase cells, sweep points) shard i of N computes.
 * Units are dealt round-robin — unit u belongs to shard (u mod N) + 1 — so each
 * shard gets cells from every part of the grid (cells at large η end in a few
 * steps, cells at small η run all `steps`), and the shards' costs stay close.
 * Shards are numbered from 1, as `seq 1 N` and Slurm's `--array=1-N` count.
 */
import { CliError } from './cli-error';

export interface Shard {
  /** 1..count */
  index: number;
  count: number;
}

/** At most this many shards: a million files would be a mistake, not a plan. */
export const MAX_SHARDS = 100_000;

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= MAX_SHARDS) || !(index >= 1 && index <= count)) {
    throw new CliError(`--shard must be i/N with 1 ≤ i ≤ N ≤ ${MAX_SHARDS} (shards count from 1), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

export const shardName = (s: Shard) => `${s.index}/${s.count}`;

/** The units of shard s among `total`, ascending. */
export function shardUnits(total: number, s: Shard): number[] {
  const out: number[] = [];
  for (let u = s.index - 1; u < total; u += s.count) out.push(u);
  return out;
}
