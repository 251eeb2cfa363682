import { describe, expect, it } from 'vitest';
import { SGD_1D_WASM } from '../../../src/core/kernels/sgd-1d-wasm';
import { base64Bytes, instantiateKernel } from '../../../src/core/kernels/wasm-loader';

describe('loading a WebAssembly kernel', () => {
  it('decodes base64 as Node’s Buffer does, with and without padding', () => {
    for (const bytes of [[], [0], [1, 2], [255, 254, 253], [0, 97, 115, 109, 1, 0, 0, 0, 7]]) {
      const text = Buffer.from(bytes).toString('base64');
      expect(Array.from(base64Bytes(text))).toEqual(bytes);
    }
    expect(() => base64Bytes('AB$C')).toThrow('base64: unexpected character "$" at 2');
  });

  it('gives the kernel’s exports where WebAssembly is available', () => {
    const r = instantiateKernel(SGD_1D_WASM);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.exports).sort()).toEqual(['advance1D', 'escapedRuns', 'memory']);
  });

  it('gives a reason, not a throw, in an engine without WebAssembly (the TypeScript loop then runs)', () => {
    const g = globalThis as { WebAssembly?: unknown };
    const saved = g.WebAssembly;
    delete g.WebAssembly;
    try {
      expect(instantiateKernel(SGD_1D_WASM)).toEqual({ ok: false, reason: 'WebAssembly is not available in this engine' });
    } finally {
      g.WebAssembly = saved;
    }
  });

  it('gives a reason when the engine refuses the bytes (as a Content-Security-Policy without wasm-unsafe-eval would)', () => {
    const r = instantiateKernel(Buffer.from([0, 97, 115, 109, 9, 9, 9, 9]).toString('base64'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^WebAssembly refused the kernel: /);
  });
});
