import { describe, expect, it } from 'vitest';
import { canonicalOrigin, originListParam } from '../../../src/core/params/origin-list';
import { LINK } from '../../../src/ui/state/link-params';

describe('embedorigin: the origins allowed to drive an embedded explorer', () => {
  it('canonicalOrigin(o) keeps scheme, host and port, lower-cased, without a default port', () => {
    expect(canonicalOrigin('https://Deck.Example.org')).toBe('https://deck.example.org');
    expect(canonicalOrigin('https://deck.example.org:443')).toBe('https://deck.example.org');
    expect(canonicalOrigin('http://localhost:8000')).toBe('http://localhost:8000');
    expect(canonicalOrigin('http://[::1]:8000')).toBe('http://[::1]:8000');
  });

  it('canonicalOrigin(o) refuses paths, wildcards, other schemes, credentials and bad ports', () => {
    for (const bad of ['deck.example.org', 'https://deck.example.org/', 'https://deck.example.org/slides', 'https://*.example.org', '*', 'javascript:alert(1)', 'ftp://x.org', 'https://u:p@x.org', 'https://x.org:99999', 'null', ''])
      expect(canonicalOrigin(bad), bad).toBeNull();
  });

  it('parse(list) names the first malformed origin', () => {
    const r = originListParam.parse('https://ok.example,deck.example.org/slides');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('embedorigin must list origins such as https://deck.example.org (scheme, host and optional port, no path or wildcard), got "deck.example.org/slides"');
  });

  it('a link with a malformed embedorigin keeps the rest and names the key', () => {
    const d = LINK.decode('eta=0.5&embed=1&embedorigin=https://x.org/a');
    expect(d.config.eta).toBe(0.5);
    expect(d.config.embed).toBe(true);
    expect(d.config.embedorigin).toEqual([]);
    expect(d.issues.map((i) => i.key)).toEqual(['embedorigin']);
  });

  it('embed and embedorigin round-trip through the canonical link', () => {
    const d = LINK.decode('embed=1&embedorigin=https://A.example,http://localhost:3000,https://a.example');
    expect(d.config.embedorigin).toEqual(['https://a.example', 'http://localhost:3000']);
    const q = LINK.encode(d.config);
    expect(q).toContain('embed=1&embedorigin=https://a.example,http://localhost:3000');
    expect(LINK.decode(q)).toEqual({ ...d, issues: [] });
  });
});
