/**
 * `--merge FILES…`: shard files back into the whole grid or sweep. Every unit
 * must come from exactly one file; the files must name the same job (link,
 * sweep, unit count). Each refusal names the file (and the other file, where two
 * disagree).
 */
import { CliError } from './cli-error';
import { SHARD_FORMAT, type JobName, type ShardFile } from './job';
import { parseShard, shardUnits } from './shard';

export interface NamedText {
  name: string;
  text: string;
}

export interface Merged {
  name: JobName;
  /** Each unit's value, in unit order. */
  values: unknown[];
}

function readShard(f: NamedText): ShardFile {
  let data: unknown;
  try {
    data = JSON.parse(f.text);
  } catch (e) {
    throw new CliError(`${f.name} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const d = data as Partial<ShardFile> | null;
  if (d === null || typeof d !== 'object' || d.format !== SHARD_FORMAT) {
    throw new CliError(`${f.name} is not a shard file (no "format": "${SHARD_FORMAT}"; write shards with --shard i/N)`);
  }
  const of = d.of;
  if (!of || typeof of !== 'object' || typeof of.link !== 'string' || !Number.isInteger(of.units) || (of.kind !== 'phase' && of.kind !== 'sweep')) {
    throw new CliError(`${f.name}: its header "of" is missing or malformed`);
  }
  let shard;
  try {
    shard = parseShard(String(d.shard));
  } catch {
    throw new CliError(`${f.name}: its "shard" must be i/N, got ${JSON.stringify(d.shard)}`);
  }
  const expected = shardUnits(of.units, shard);
  const units = d.units;
  const values = d.values;
  if (!Array.isArray(units) || !Array.isArray(values) || units.length !== values.length || units.length !== expected.length || units.some((u, i) => u !== expected[i])) {
    throw new CliError(`${f.name}: its units are not those of shard ${d.shard} of ${of.units} (a cut or edited file?)`);
  }
  return d as ShardFile;
}

const nameKey = (n: JobName) => JSON.stringify([n.kind, n.link, n.sweep, n.each, n.units]);

function describe(n: JobName): string {
  return `${n.kind} of ${JSON.stringify(n.link)}${n.sweep !== null ? ` sweeping ${JSON.stringify(n.sweep)}` : ''}${n.each === 'phase' ? ' (phase grids)' : ''}, ${n.units} units`;
}

export function mergeShards(files: NamedText[]): Merged {
  if (files.length === 0) throw new CliError('--merge needs the shard files to merge');
  const shards = files.map(readShard);
  const first = shards[0];
  const key = nameKey(first.of);
  shards.forEach((s, i) => {
    if (nameKey(s.of) !== key) throw new CliError(`${files[i].name} is a shard of a different run: ${describe(s.of)}; ${files[0].name} is a shard of ${describe(first.of)}`);
  });
  // Which file holds each unit: a second holder is a duplicate (the same shard twice) or an overlap.
  const total = first.of.units;
  const owner = new Int32Array(total).fill(-1);
  const values: unknown[] = new Array(total);
  shards.forEach((s, i) => {
    const other = shards.findIndex((o, j) => j < i && o.shard === s.shard);
    if (other >= 0) throw new CliError(`${files[i].name} repeats shard ${s.shard}, already in ${files[other].name} (a duplicate shard)`);
    s.units.forEach((u, k) => {
      if (owner[u] >= 0) throw new CliError(`${files[i].name} (shard ${s.shard}) overlaps ${files[owner[u]].name} (shard ${shards[owner[u]].shard}): both hold unit ${u}`);
      owner[u] = i;
      values[u] = s.values[k];
    });
  });
  const missing: number[] = [];
  for (let u = 0; u < total; u++) if (owner[u] < 0) missing.push(u);
  if (missing.length > 0) {
    const counts = new Set(shards.map((s) => parseShard(s.shard).count));
    const of = [...counts][0];
    const have = new Set(shards.map((s) => s.shard));
    const absent = counts.size === 1 ? Array.from({ length: of }, (_, i) => `${i + 1}/${of}`).filter((n) => !have.has(n)) : [];
    const which = absent.length > 0 ? `shard${absent.length > 1 ? 's' : ''} ${absent.join(', ')}` : `units ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
    throw new CliError(`missing ${which}: ${missing.length} of ${total} units are in none of the files (${files.map((f) => f.name).join(', ')})`);
  }
  return { name: first.of, values };
}
