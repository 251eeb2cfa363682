import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKernels, kernelModule } from '../../../scripts/build-kernels.mjs';
import { SGD_1D_WASM } from '../../../src/core/kernels/sgd-1d-wasm';
import { base64Bytes } from '../../../src/core/kernels/wasm-loader';

describe('the committed WebAssembly kernels', () => {
  it('are exactly what their .wat sources assemble to with wabt from npm', async () => {
    expect(await buildKernels({ check: true })).toEqual([]);
  });

  it('change when the source changes (the comparison sees a one-instruction edit)', async () => {
    const wat = readFileSync('src/core/kernels/sgd-1d.wat', 'utf8');
    const edited = wat.replace('(f64.const 1e100)', '(f64.const 1e99)');
    expect(edited).not.toBe(wat);
    expect(await kernelModule('sgd-1d', edited)).not.toBe(await kernelModule('sgd-1d', wat));
  });

  it('decode from base64 to a WebAssembly module (magic number and version 1)', () => {
    const bytes = base64Bytes(SGD_1D_WASM);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(Buffer.from(bytes).toString('base64')).toBe(SGD_1D_WASM);
  });
});
