import { describe, expect, it } from 'vitest';
import { select } from 'd3-selection';
import { installQuietWrites } from '../../../src/ui/charts/quiet-writes';

/** Just enough of an element for D3's attr and text: it counts the writes that reach it. */
class FakeElement {
  attrs = new Map<string, string>();
  writes = 0;
  children: Array<{ nodeType: number; data: string }> = [];
  getAttribute(n: string) {
    return this.attrs.get(n) ?? null;
  }
  hasAttribute(n: string) {
    return this.attrs.has(n);
  }
  setAttribute(n: string, v: unknown) {
    this.writes++;
    this.attrs.set(n, String(v));
  }
  removeAttribute(n: string) {
    this.writes++;
    this.attrs.delete(n);
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  get lastChild() {
    return this.children.at(-1) ?? null;
  }
  get textContent() {
    return this.children.map((c) => c.data).join('');
  }
  set textContent(s: string) {
    this.writes++;
    this.children = s === '' ? [] : [{ nodeType: 3, data: s }];
  }
}

installQuietWrites();

describe('quiet writes: D3 leaves a node alone when a write would change nothing', () => {
  it('writes an attribute once however often the same value is set, and again when it changes', () => {
    const el = new FakeElement();
    const s = select(el as unknown as Element);
    s.attr('x', 10).attr('x', 10).attr('x', '10');
    expect(el.writes).toBe(1);
    s.attr('x', 11);
    expect(el.getAttribute('x')).toBe('11');
    expect(el.writes).toBe(2);
  });

  it('computes a function value per node and removes an attribute for null, once', () => {
    const el = new FakeElement();
    const s = select(el as unknown as Element);
    s.datum(3).attr('r', (d) => (d as number) * 2);
    expect(el.getAttribute('r')).toBe('6');
    s.attr('r', null).attr('r', null);
    expect(el.hasAttribute('r')).toBe(false);
    expect(el.writes).toBe(2);
  });

  it('sets text only when the node does not already hold exactly that one text', () => {
    const el = new FakeElement();
    const s = select(el as unknown as Element);
    s.text('2/η = 2.857').text('2/η = 2.857');
    expect(el.writes).toBe(1);
    s.text(() => '2/η = 2.5');
    expect(el.textContent).toBe('2/η = 2.5');
    expect(el.writes).toBe(2);
    s.text(null).text('');
    expect(el.writes).toBe(3);
  });

  it('still replaces several children whose joined text equals the new text, as D3 does', () => {
    const el = new FakeElement();
    el.children = [
      { nodeType: 3, data: 'a' },
      { nodeType: 3, data: 'b' },
    ];
    select(el as unknown as Element).text('ab');
    expect(el.writes).toBe(1);
    expect(el.children).toHaveLength(1);
  });

  it('reads as D3 does', () => {
    const el = new FakeElement();
    el.attrs.set('y', '4');
    el.children = [{ nodeType: 3, data: 'hi' }];
    const s = select(el as unknown as Element);
    expect(s.attr('y')).toBe('4');
    expect(s.text()).toBe('hi');
  });
});
