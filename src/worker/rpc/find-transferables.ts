/**
 * The buffers a value can hand over instead of copying: every ArrayBuffer
 * (alone or under a typed array or DataView) and every MessagePort, found by
 * walking arrays and plain objects. Each is listed once, however many views
 * share it. A SharedArrayBuffer is shared, not transferred, so it is left out.
 *
 * The sender loses what is transferred (the buffer is detached): a caller that
 * keeps a typed array passes a copy.
 */
export function findTransferables(value: unknown): Transferable[] {
  const found = new Set<Transferable>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (v instanceof ArrayBuffer) found.add(v);
    else if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (typeof MessagePort !== 'undefined' && v instanceof MessagePort) found.add(v);
    else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object') walk(x);
    } else if (isPlain(v)) for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  return [...found];
}

/** Objects structuredClone copies field by field (a class instance is not walked). */
function isPlain(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
