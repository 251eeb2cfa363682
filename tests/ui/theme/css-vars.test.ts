import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssVars } from '../../../src/ui/theme/css-vars';
import { COLORS } from '../../../src/ui/theme/colors';
import { PAGE } from '../../../src/ui/theme/page';

const css = readFileSync('src/ui/app.css', 'utf8');

/** The custom properties declared in the first rule with this selector. */
function declared(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  expect(at, `app.css has a rule ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(at, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim().toLowerCase()]));
}

describe('cssVars(mode): the theme tokens as app.css custom properties', () => {
  it('equal what app.css declares on :root', () => {
    expect(declared(':root')).toEqual(cssVars('default'));
  });

  it('equal what app.css declares for lecture mode', () => {
    expect(declared('html.lecture')).toEqual(cssVars('lecture'));
  });

  it('carry the chart colours the CSS shares with the canvases', () => {
    const v = cssVars('default');
    expect(v['--gd']).toBe(COLORS.gd.toLowerCase());
    expect(v['--paper']).toBe(COLORS.paper);
    expect(v['--accent']).toBe(COLORS.sgd.toLowerCase());
    expect(v['--font']).toBe(PAGE.default.font);
  });
});

describe('the source outside src/ui/theme', () => {
  it('carries no colour literal in TypeScript (colours are tokens)', () => {
    const files = (readdirSync('src/ui', { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('theme/'));
    const hits = files.flatMap((f) =>
      readFileSync(`src/ui/${f}`, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/'#[0-9a-fA-F]{3,8}'|rgba?\(\s*\d/.test(line) ? [`src/ui/${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
