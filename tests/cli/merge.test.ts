import { describe, expect, it } from 'vitest';
import { runJob, type Job } from '../../src/cli/job';
import { mergeShards } from '../../src/cli/merge';

/** A job of 10 units whose values are the unit's square, as a stand-in for cells. */
const job = (link = 'v=2&problem=toy'): Job => ({
  name: { kind: 'phase', link, sweep: null, each: null, units: 10 },
  unitLabel: 'cells',
  compute: (u) => u * u,
  assemble: (values) => values,
});
const shard = (i: number, N: number, j = job()) => ({ name: `s${i}of${N}.json`, text: runJob(j, { index: i, count: N }) });

describe('--merge', () => {
  it('puts every unit back in its place from shards given in any order', () => {
    const m = mergeShards([shard(3, 4), shard(1, 4), shard(4, 4), shard(2, 4)]);
    expect(m.values).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    expect(m.name.link).toBe('v=2&problem=toy');
  });

  it('accepts shards of different N when together they hold each unit once', () => {
    expect(mergeShards([shard(1, 2), shard(2, 4), shard(4, 4)]).values).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
  });

  it('refuses a missing shard, naming it', () => {
    expect(() => mergeShards([shard(1, 4), shard(2, 4), shard(4, 4)])).toThrow('missing shard 3/4: 2 of 10 units are in none of the files (s1of4.json, s2of4.json, s4of4.json)');
  });

  it('refuses the same shard twice, naming both files', () => {
    const again = { ...shard(2, 4), name: 'copy.json' };
    expect(() => mergeShards([shard(1, 4), shard(2, 4), again, shard(3, 4), shard(4, 4)])).toThrow('copy.json repeats shard 2/4, already in s2of4.json (a duplicate shard)');
  });

  it('refuses overlapping shards, naming both files and a unit they share', () => {
    expect(() => mergeShards([shard(1, 2), shard(2, 2), shard(1, 4)])).toThrow('s1of4.json (shard 1/4) overlaps s1of2.json (shard 1/2): both hold unit 0');
  });

  it('refuses a shard of another link, naming the file and both links', () => {
    const other = shard(2, 2, job('v=2&problem=toy&seed=2'));
    expect(() => mergeShards([shard(1, 2), other])).toThrow('s2of2.json is a shard of a different run: phase of "v=2&problem=toy&seed=2", 10 units; s1of2.json is a shard of phase of "v=2&problem=toy", 10 units');
  });

  it('refuses a file that is not a shard, or a shard whose units were edited, naming the file', () => {
    expect(() => mergeShards([{ name: 'x.json', text: 'not json' }])).toThrow(/^x\.json is not JSON/);
    expect(() => mergeShards([{ name: 'y.json', text: '{"permalink": "v=2"}' }])).toThrow('y.json is not a shard file');
    const cut = JSON.parse(shard(1, 2).text);
    cut.units.pop();
    cut.values.pop();
    expect(() => mergeShards([{ name: 'cut.json', text: JSON.stringify(cut) }])).toThrow('cut.json: its units are not those of shard 1/2 of 10 (a cut or edited file?)');
    expect(() => mergeShards([])).toThrow('--merge needs the shard files to merge');
  });
});
