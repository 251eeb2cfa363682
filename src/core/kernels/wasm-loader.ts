/**
 * Instantiating a kernel from its base64 bytes (scripts/build-kernels.mjs), in
 * Node and in the browser's workers alike. WebAssembly is looked up on
 * globalThis rather than typed from a DOM library: the core compiles without one
 * (docs/architecture.md), and an engine without WebAssembly (or one that refuses
 * to compile, as a strict Content-Security-Policy does) gets a reason instead of
 * a throw, so the caller falls back to TypeScript.
 */

interface WasmNamespace {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with = padding) to bytes, without atob or Buffer. */
export function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = ALPHABET.indexOf(clean[i]);
    if (v < 0) throw new Error(`base64: unexpected character ${JSON.stringify(clean[i])} at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return out;
}

export type Instantiated = { ok: true; exports: Record<string, unknown> } | { ok: false; reason: string };

/** The kernel's exports, or why there are none. Compiled synchronously: the kernels are a few kilobytes. */
export function instantiateKernel(base64: string): Instantiated {
  const wasm = (globalThis as { WebAssembly?: WasmNamespace }).WebAssembly;
  if (wasm === undefined) return { ok: false, reason: 'WebAssembly is not available in this engine' };
  try {
    const instance = new wasm.Instance(new wasm.Module(base64Bytes(base64)), {});
    return { ok: true, exports: instance.exports };
  } catch (e) {
    return { ok: false, reason: `WebAssembly refused the kernel: ${e instanceof Error ? e.message : String(e)}` };
  }
}
