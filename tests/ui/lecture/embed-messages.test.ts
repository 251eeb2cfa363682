import { describe, expect, it } from 'vitest';
import { readRequest } from '../../../src/ui/lecture/embed-messages';

describe('readRequest(data): the postMessage API checked by shape', () => {
  it('accepts each request of the API', () => {
    expect(readRequest({ type: 'set', query: 'eta=0.5' })).toEqual({ ok: true, request: { type: 'set', query: 'eta=0.5' } });
    expect(readRequest({ type: 'preset', id: 3 })).toEqual({ ok: true, request: { type: 'preset', id: 3 } });
    expect(readRequest({ type: 'preset', id: 'Wu Fig. 2: the two-minima toy' })).toMatchObject({ ok: true });
    for (const type of ['play', 'pause', 'reset']) expect(readRequest({ type })).toEqual({ ok: true, request: { type } });
    expect(readRequest({ type: 'step' })).toEqual({ ok: true, request: { type: 'step', steps: 1 } });
    expect(readRequest({ type: 'step', steps: 10 })).toEqual({ ok: true, request: { type: 'step', steps: 10 } });
  });

  it('refuses anything else with a message naming what is wrong', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'a message must be an object'],
      ['play', 'got string'],
      [[{ type: 'play' }], 'got an array'],
      [{}, 'message type must be one of'],
      [{ type: 'eval' }, 'got "eval"'],
      [{ type: 'set', query: 5 }, "'set' needs query"],
      [{ type: 'set', query: 'a'.repeat(200_001) }, 'at most 200000'],
      [{ type: 'play', after: 'pause' }, "'play' message has no field \"after\""],
      [{ type: 'preset', id: 1.5 }, "'preset' needs id"],
      [{ type: 'preset', id: { toString: 'x' } }, "'preset' needs id"],
      [{ type: 'step', steps: 0 }, "'step' takes steps"],
      [{ type: 'step', steps: '3' }, "'step' takes steps"],
    ];
    for (const [data, text] of cases) {
      const r = readRequest(data);
      expect(r.ok, JSON.stringify(data)?.slice(0, 40)).toBe(false);
      if (!r.ok) expect(r.message).toContain(text);
    }
  });

  it('does not read objects with a prototype other than a plain object (nothing is called)', () => {
    class Sneaky {
      get type() {
        throw new Error('a getter ran');
      }
    }
    expect(readRequest(new Sneaky()).ok).toBe(false);
    expect(readRequest(new Date()).ok).toBe(false);
  });
});
