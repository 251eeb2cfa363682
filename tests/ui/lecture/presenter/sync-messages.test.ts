import { describe, expect, it } from 'vitest';
import { readSyncMessage, SYNC_PROTOCOL, wrap } from '../../../../src/ui/lecture/presenter/sync-messages';

const BUILD = 'index-abc123.js';
const state = { query: 'v=2&problem=toy&eta=0.7&B=1&seed=7', paused: true, t: 40, resets: 2, note: { title: 'A preset', text: 'watch the corner' }, qr: false };

describe('readSyncMessage(data, build): the presenter channel checked by shape and build', () => {
  it('reads back every message this build sends', () => {
    const bodies = [
      { kind: 'hello', role: 'presenter' },
      { kind: 'bye', role: 'projector' },
      { kind: 'state', role: 'projector', state },
      { kind: 'state', role: 'presenter', state: { ...state, note: null } },
      { kind: 'reset', resets: 4 },
      { kind: 'claim' },
      { kind: 'presenter-here', to: 'x-1' },
    ] as const;
    for (const b of bodies) {
      const m = wrap(b, BUILD, 'me-1');
      expect(readSyncMessage(structuredClone(m), BUILD)).toEqual({ ok: true, message: m });
    }
  });

  it('ignores a message from another build or protocol, saying which', () => {
    const m = wrap({ kind: 'reset', resets: 1 }, 'index-old999.js', 'me-1');
    expect(readSyncMessage(m, BUILD)).toEqual({ ok: false, why: expect.stringContaining('another build') });
    expect(readSyncMessage({ ...wrap({ kind: 'claim' }, BUILD, 'a'), v: SYNC_PROTOCOL + 1 }, BUILD)).toEqual({ ok: false, why: expect.stringContaining('protocol') });
  });

  it('ignores anything of the wrong shape', () => {
    const ok = wrap({ kind: 'state', role: 'presenter', state }, BUILD, 'me');
    const bad: unknown[] = [
      null,
      'hello',
      [ok],
      { kind: 'hello', role: 'presenter' },
      { ...ok, from: '' },
      { ...ok, kind: 'eval' },
      { ...ok, role: 'audience' },
      { ...ok, state: { ...state, t: -1 } },
      { ...ok, state: { ...state, t: 1.5 } },
      { ...ok, state: { ...state, paused: 'yes' } },
      { ...ok, state: { ...state, query: 5 } },
      { ...ok, state: { ...state, note: { title: 3, text: '' } } },
      { ...ok, state: null },
      { ...wrap({ kind: 'reset', resets: 1 }, BUILD, 'me'), resets: 0.5 },
      wrap({ kind: 'hello', role: 'presenter' }, BUILD, 'x'.repeat(101)),
      { ...wrap({ kind: 'reset', resets: 1 }, BUILD, 'me'), resets: -3 },
    ];
    for (const data of bad) expect(readSyncMessage(data, BUILD).ok, JSON.stringify(data)?.slice(0, 80)).toBe(false);
  });
});
