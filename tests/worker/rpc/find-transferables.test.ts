import { describe, expect, it } from 'vitest';
import { findTransferables } from '../../../src/worker/rpc/find-transferables';

describe('findTransferables(value)', () => {
  it('finds the buffers of typed arrays in nested plain objects and arrays, each once', () => {
    const a = new Float64Array(4);
    const b = new Int32Array(2);
    const shared = new ArrayBuffer(16);
    const v = { a, list: [b, { deep: new Uint8Array(shared, 0, 4) }, 3, 'x'], again: new Uint8Array(shared, 8, 4), n: 1 };
    const found = findTransferables(v);
    expect(found).toHaveLength(3);
    expect(found).toContain(a.buffer);
    expect(found).toContain(b.buffer);
    expect(found).toContain(shared);
  });

  it('finds a bare ArrayBuffer and a MessagePort', () => {
    const buf = new ArrayBuffer(8);
    const { port1 } = new MessageChannel();
    expect(findTransferables([buf, port1])).toEqual([buf, port1]);
    port1.close();
  });

  it('finds nothing in numbers, strings, plain number arrays, or class instances, and survives a cycle', () => {
    class Holder {
      data = new Float64Array(2);
    }
    const cyclic: { self?: unknown; x: number } = { x: 1 };
    cyclic.self = cyclic;
    expect(findTransferables(1)).toEqual([]);
    expect(findTransferables('s')).toEqual([]);
    expect(findTransferables([1, 2, 3])).toEqual([]);
    expect(findTransferables(new Holder())).toEqual([]);
    expect(findTransferables(cyclic)).toEqual([]);
  });
});
