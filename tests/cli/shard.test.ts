import { describe, expect, it } from 'vitest';
import { parseShard, shardUnits } from '../../src/cli/shard';

describe('--shard i/N', () => {
  it('reads i/N with shards counted from 1', () => {
    expect(parseShard('3/16')).toEqual({ index: 3, count: 16 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it('refuses 0/N, i > N, N = 0 and anything that is not i/N, quoting what it got', () => {
    for (const bad of ['0/4', '5/4', '1/0', '1', '1/2/3', 'a/b', '-1/4', '1.5/4', '']) {
      expect(() => parseShard(bad)).toThrow(`--shard must be i/N with 1 ≤ i ≤ N ≤ 100000 (shards count from 1), got ${JSON.stringify(bad)}`);
    }
  });

  it('deals the units round-robin, so the shards together hold every unit exactly once', () => {
    expect(shardUnits(10, { index: 1, count: 4 })).toEqual([0, 4, 8]);
    expect(shardUnits(10, { index: 4, count: 4 })).toEqual([3, 7]);
    for (const [total, N] of [[1, 3], [12, 5], [40 * 40, 16], [7, 7]]) {
      const all = Array.from({ length: N }, (_, i) => shardUnits(total, { index: i + 1, count: N })).flat();
      expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, u) => u));
    }
  });
});
