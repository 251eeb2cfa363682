import { show, type ParamSpec } from './param-types';

/** scheme://host[:port] with nothing after it: the form `MessageEvent.origin` takes. */
const ORIGIN = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(:\d{1,5})?$/;

/** One origin in its canonical form (lower-case host, default port dropped), or null. */
export function canonicalOrigin(raw: string): string | null {
  const s = raw.trim();
  if (!ORIGIN.test(s)) return null;
  const port = /:(\d+)$/.exec(s.replace(/^https?:\/\/\[[^\]]*\]/, ''))?.[1];
  if (port !== undefined && Number(port) > 65535) return null;
  const lower = s.toLowerCase();
  return lower.replace(/^(http:\/\/.*):80$/, '$1').replace(/^(https:\/\/.*):443$/, '$1');
}

/**
 * The origins allowed to drive an embedded explorer by postMessage (besides the
 * page's own origin). Exact origins only — no wildcard, no path — because an
 * origin is compared for equality with the message's.
 */
export const originListParam: ParamSpec<string[]> = {
  key: 'embedorigin',
  doc: 'view: origins allowed to drive the embedded explorer by postMessage besides its own, comma-separated (https://deck.example.org)',
  default: [],
  parse(raw) {
    const parts = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length > 20) return { ok: false, reason: `embedorigin may list at most 20 origins, got ${parts.length}` };
    const out: string[] = [];
    for (const p of parts) {
      const o = canonicalOrigin(p);
      if (o === null) return { ok: false, reason: `embedorigin must list origins such as https://deck.example.org (scheme, host and optional port, no path or wildcard), got ${show(p)}` };
      if (!out.includes(o)) out.push(o);
    }
    return { ok: true, value: out };
  },
  format: (v) => v.join(','),
};
