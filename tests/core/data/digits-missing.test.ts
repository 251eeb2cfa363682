import { describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src/core/data/digits';

// A file of its own: the loader caches the set, so the failure must come first in its module.
describe('a missing digits module', () => {
  it('gives a message naming the file, and a later load with the file succeeds', async () => {
    await expect(loadDigits(() => Promise.reject(new Error('Cannot find module')))).rejects.toThrow('the digits data file src/core/data/digits-pixels.ts could not be loaded: Cannot find module');
    await expect(loadDigits(() => Promise.resolve({ DIGITS_COMPACT: 'abc' }))).rejects.toThrow('digits-pixels.ts is damaged: expected 1797 rows, found 1');
    const data = await loadDigits();
    expect(data.n).toBe(1797);
  });
});
