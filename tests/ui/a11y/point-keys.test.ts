import { describe, expect, it } from 'vitest';
import { pointKeyMove } from '../../../src/ui/a11y/point-keys';

const SIDE = { sharpnessMax: 4, nonUniformityMax: 2 };
const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('pointKeyMove: the hand-placed point by arrow keys', () => {
  it('moves a by a hundredth of the rectangle’s width with ← and →, s by a hundredth of its height with ↑ and ↓', () => {
    expect(pointKeyMove(key('ArrowRight'), { a: 2, s: 1 }, SIDE)).toEqual({ a: 2.04, s: 1 });
    expect(pointKeyMove(key('ArrowLeft'), { a: 2, s: 1 }, SIDE)).toEqual({ a: 1.96, s: 1 });
    expect(pointKeyMove(key('ArrowUp'), { a: 2, s: 1 }, SIDE)).toEqual({ a: 2, s: 1.02 });
    expect(pointKeyMove(key('ArrowDown'), { a: 2, s: 1 }, SIDE)).toEqual({ a: 2, s: 0.98 });
  });

  it('goes ten times as far with Shift, and never below zero', () => {
    expect(pointKeyMove(key('ArrowRight', true), { a: 2, s: 1 }, SIDE)).toEqual({ a: 2.4, s: 1 });
    expect(pointKeyMove(key('ArrowDown', true), { a: 2, s: 0.1 }, SIDE)).toEqual({ a: 2, s: 0 });
  });

  it('leaves other keys and modified arrows to the page', () => {
    expect(pointKeyMove(key('Enter'), { a: 2, s: 1 }, SIDE)).toBeNull();
    expect(pointKeyMove({ key: 'ArrowUp', shiftKey: false, ctrlKey: true }, { a: 2, s: 1 }, SIDE)).toBeNull();
  });
});
