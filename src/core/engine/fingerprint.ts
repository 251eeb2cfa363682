import type { SgdRun } from './sgd-run';

/**
 * A 64-bit fingerprint of a whole ensemble run (README "Checksum and
 * fingerprint"): for every run, in order, its step count, escape step,
 * divergence step, final iterate and every point its decimated history kept
 * (step, loss, distance). Two runs that end at the same point by different
 * paths (two seeds of a stable configuration) differ here, where the final
 * iterates' `checksum` cannot tell them apart.
 *
 * The positions kept for the time scrubber are left out: they are drawing only
 * and the command line does not keep them. Two FNV-1a lanes over the exact bits,
 * as `checksumFloat64`, with a separator byte between fields and between runs.
 */
const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');

export function fingerprintRuns(runs: readonly SgdRun[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  const buf = new Float64Array(1);
  const bytes = new Uint8Array(buf.buffer);
  const word = (v: number) => {
    buf[0] = v;
    for (let k = 0; k < 8; k++) {
      h1 = Math.imul(h1 ^ bytes[k], 0x01000193);
      h2 = Math.imul(h2 ^ bytes[k], 0x01000193 + 0x2a);
    }
  };
  const separate = (tag: number) => {
    h1 = Math.imul(h1 ^ tag, 0x01000193);
    h2 = Math.imul(h2 ^ tag, 0x01000193 + 0x2a);
  };
  for (const r of runs) {
    word(r.t);
    word(r.escapeStep);
    word(r.divergedStep);
    separate(0xf1);
    for (let j = 0; j < r.x.length; j++) word(r.x[j]);
    separate(0xf2);
    const h = r.history;
    if (h) {
      word(h.count);
      for (let i = 0; i < h.count; i++) {
        word(h.step[i]);
        word(h.lossAt(i));
        word(h.dist[i]);
      }
    }
    separate(0xff);
  }
  return hex(h1) + hex(h2);
}
