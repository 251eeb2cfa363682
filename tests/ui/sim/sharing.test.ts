import { describe, expect, it } from 'vitest';
import { workerShare } from '../../../src/ui/sim/sharing';

describe('the share of a core each configuration’s worker takes', () => {
  it('is the whole core for one configuration, on any machine', () => {
    expect(workerShare(1, 2)).toBe(1);
    expect(workerShare(1, 1)).toBe(1);
    expect(workerShare(1, 16)).toBe(1);
  });

  it('leaves one core to the page on a two-core machine: two configurations take half a core each, four a quarter', () => {
    expect(workerShare(2, 2)).toBe(0.5);
    expect(workerShare(4, 2)).toBe(0.25);
  });

  it('is the whole core where there are cores to spare', () => {
    expect(workerShare(4, 8)).toBe(1);
    expect(workerShare(4, 4)).toBe(0.75);
  });
});
