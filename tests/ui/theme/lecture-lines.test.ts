import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/ui/theme/contrast';
import { LECTURE_LINES, lineColor } from '../../../src/ui/theme/lecture-lines';
import { COLORS } from '../../../src/ui/theme/colors';

const css = readFileSync('src/ui/app.css', 'utf8');

describe('lecture mode’s line colours', () => {
  it('are each at 7:1 or more against the white panel (WCAG’s enhanced level)', () => {
    for (const l of LECTURE_LINES) expect(contrastRatio(l.to, COLORS.paper), `${l.key} ${l.to}`).toBeGreaterThanOrEqual(7);
  });

  it('replace chart colours that are under 7:1 themselves', () => {
    for (const l of LECTURE_LINES) expect(contrastRatio(l.from, COLORS.paper), l.key).toBeLessThan(7);
  });

  it('are what app.css maps each chart colour to on the diagram and the live views, for strokes and fills', () => {
    for (const attr of ['stroke', 'fill']) {
      const rules = [...css.matchAll(new RegExp(`html\\.lecture :is\\(\\[data-testid='stability-diagram'\\], \\[data-testid='landscape-view'\\], \\[data-testid='burst-view'\\], \\[data-testid='distance-view'\\]\\) \\[${attr}='(#[0-9a-f]{6})' i\\] \\{\\s*${attr}: (#[0-9a-f]{6});`, 'g'))].map((m) => [m[1], m[2]]);
      expect(rules).toEqual(LECTURE_LINES.map((l) => [l.from.toLowerCase(), l.to.toLowerCase()]));
    }
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white, 1 for a colour on itself, and names a malformed colour', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072b2', '#0072b2')).toBe(1);
    expect(() => contrastRatio('red', '#fff')).toThrow('a colour must be #rrggbb, got "red"');
  });
});

describe('lineColor(color, lecture)', () => {
  it('gives a chart colour’s lecture token in lecture mode, whatever its case, and the colour itself outside it', () => {
    expect(lineColor(COLORS.sgdRun, true)).toBe('#004C7A');
    expect(lineColor(COLORS.gdRun.toLowerCase(), true)).toBe('#933800');
    expect(lineColor(COLORS.sgdRun, false)).toBe(COLORS.sgdRun);
  });

  it('leaves a colour already at 7:1 as it is', () => {
    expect(lineColor(COLORS.ink, true)).toBe(COLORS.ink);
    expect(lineColor(COLORS.sgdMean, true)).toBe(COLORS.sgdMean);
  });
});
