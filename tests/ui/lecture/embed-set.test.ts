import { describe, expect, it } from 'vitest';
import { LINK } from '../../../src/ui/state/link-params';
import { mergeSet } from '../../../src/ui/lecture/embed-set';

const current = LINK.decode('problem=point&a=3&s=2&n=4&eta=0.4&B=2&seed=9&embed=1&embedorigin=https://deck.example&lecture=1').config;

describe("mergeSet(config, query): a 'set' message on top of the current configuration", () => {
  it('replaces the keys it names and keeps the others', () => {
    const r = mergeSet(current, 'eta=0.5&seed=3');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = LINK.decode(r.query).config;
    expect([c.eta, c.seed, c.a, c.s, c.n, c.B, c.lecture, c.embed]).toEqual([0.5, 3, 3, 2, 4, 2, true, true]);
    expect(c.embedorigin).toEqual(['https://deck.example']);
  });

  it('a new problem drops the old problem’s own keys, as the problem menu does', () => {
    const r = mergeSet(current, 'problem=toy&B=1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = LINK.decode(r.query);
    expect(d.issues).toEqual([]);
    expect(d.config.problem).toBe('toy');
    expect(d.config.eta).toBe(0.4);
  });

  it('is all or nothing: a bad value, an unknown key or B > n returns every message', () => {
    const r = mergeSet(current, 'eta=abc&seed=3&colour=red');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.key)).toEqual(['eta', 'colour']);
    expect(r.errors[0].message).toContain('eta must be a positive number, got "abc"');
    const big = mergeSet(current, 'B=9');
    expect(big).toEqual({ ok: false, errors: [{ key: 'B', message: 'B must be at most n = 4, got 9' }] });
  });

  it('refuses embed and embedorigin: a message cannot widen its own allow-list', () => {
    const r = mergeSet(current, 'embedorigin=https://evil.example');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ key: 'embedorigin', message: 'embedorigin cannot be set by a message; it belongs to the link of the page that embeds the explorer' });
    expect(mergeSet(current, 'embed=0').ok).toBe(false);
    expect(mergeSet(current, 'emb%65d=0').ok).toBe(false);
  });
});
