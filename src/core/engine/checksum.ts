/**
 * A 64-bit checksum (two FNV-1a lanes) of the exact bits of a list of Float64
 * arrays: a reproduced run matches bit for bit or not at all.
 */
const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

export function checksumFloat64(arrays: ArrayLike<number>[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  const buf = new Float64Array(1);
  const bytes = new Uint8Array(buf.buffer);
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      buf[0] = a[i];
      for (let k = 0; k < 8; k++) {
        h1 = Math.imul(h1 ^ bytes[k], 0x01000193);
        h2 = Math.imul(h2 ^ bytes[k], 0x01000193 + 0x2a);
      }
    }
    h1 = Math.imul(h1 ^ 0xff, 0x01000193);
  }
  return hex(h1) + hex(h2);
}
