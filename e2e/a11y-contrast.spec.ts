import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDone, test } from './fixtures';

/**
 * Issue 24, part 5: a projector's contrast. In lecture mode every text, and the diagram's
 * lines, are drawn at 7:1 or more against what is behind them (WCAG 1.4.6, the enhanced
 * level); the diagram's lines and every chart's axes at least 3 px wide;
 * prefers-reduced-motion stops the diagram's axis glide. (The canvas charts' coloured
 * lines are not covered yet: README "Accessibility".)
 */
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200';

interface Mark {
  what: string;
  ratio: number;
  width?: number;
  /** An axis line or tick. */
  axis?: boolean;
}

/**
 * Every drawn text and stroked line of the live panels' SVGs, with the contrast of its
 * computed colour against the panel's computed background (WCAG's relative luminance),
 * and a line's computed stroke width.
 */
async function marks(page: Page): Promise<Mark[]> {
  // The helpers live inside the page's function: page.evaluate sends its source, not its scope.
  /* oxlint-disable unicorn/consistent-function-scoping */
  return page.evaluate(() => {
    const rgb = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const out: Array<{ what: string; ratio: number; width?: number; axis?: boolean }> = [];
    for (const panel of Array.from(document.querySelectorAll<HTMLElement>('section.panel'))) {
      if (panel.getBoundingClientRect().width === 0) continue;
      const bg = rgb(getComputedStyle(panel).backgroundColor)!;
      const name = panel.dataset.panel;
      // the charts' SVGs (not the head's button icons)
      for (const el of Array.from(panel.querySelectorAll<SVGGraphicsElement>('.panel-body svg :is(text, path, line, rect, circle, polyline)'))) {
        if (el.closest('defs, pattern, clipPath, marker, mask, .legend-swatch')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
        // where it is: the element and its groups up to the svg, by class or test id
        const chain: string[] = [];
        for (let e: Element | null = el; e && e.tagName !== 'svg'; e = e.parentElement) chain.unshift(`${e.tagName}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')}` : ''}`);
        const label = `${name}: ${chain.join(' > ')}`;
        if (el.tagName === 'text') {
          const c = rgb(cs.fill);
          if (c && c[3] > 0 && (el.textContent ?? '').trim()) out.push({ what: `${label} "${(el.textContent ?? '').slice(0, 20)}" ${cs.fill}`, ratio: ratio(c, bg) });
        } else {
          const c = rgb(cs.stroke);
          if (!c || c[3] === 0 || cs.stroke === 'none') continue;
          // a stroke in the panel's own colour is a halo that parts a mark from what is under it, not a line
          if (ratio(c, bg) === 1) continue;
          out.push({ what: `${label} ${cs.stroke}`, ratio: ratio(c, bg), width: parseFloat(cs.strokeWidth), axis: el.matches('.tick line, path.domain') });
        }
      }
    }
    return out;
  });
  /* oxlint-enable unicorn/consistent-function-scoping */
}

test.describe('lecture mode’s contrast', () => {
  test('the page’s text passes axe’s enhanced contrast (7:1) in lecture mode', async ({ page }) => {
    await openDone(page, `${TOY}&lecture=1`);
    const r = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
    const bad = r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join(' ')}`));
    expect(bad).toEqual([]);
  });

  test('the diagram’s text and lines and every chart’s text are at 7:1 or more; the diagram’s lines and every axis 3 px or wider', async ({ page }) => {
    await openDone(page, `${TOY}&lecture=1`);
    const all = await marks(page);
    const diagram = all.filter((m) => m.what.startsWith('diagram:'));
    expect(diagram.length).toBeGreaterThan(20);
    const text = all.filter((m) => m.width === undefined);
    expect(text.length).toBeGreaterThan(20);
    const faint = [...diagram, ...text].filter((m) => m.ratio < 7).map((m) => `${m.what} at ${m.ratio.toFixed(2)}:1`);
    expect.soft([...new Set(faint)], 'text and lines under 7:1').toEqual([]);
    const thin = all.filter((m) => m.width !== undefined && (m.what.startsWith('diagram:') || m.axis) && m.width < 3).map((m) => `${m.what} ${m.width} px`);
    expect.soft([...new Set(thin)], 'lines thinner than 3 px').toEqual([]);
  });

  test('prefers-reduced-motion: the diagram’s axes jump to a new η’s range instead of gliding', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openDone(page, TOY);
    const top = () => page.evaluate(() => {
      const ticks = Array.from(document.querySelectorAll('[data-testid=stability-diagram] .axis-x .tick text')).map((t) => Number((t.textContent ?? '').replace('−', '-')));
      return Math.max(...ticks);
    });
    const before = await top();
    // η 100 times smaller: the rectangle's 2/η, and the axes with it, 100 times wider
    /* oxlint-disable unicorn/consistent-function-scoping -- page.evaluate sends the function's source, not its scope */
    const [soon, later] = await page.evaluate(async () => {
      const read = () => Math.max(...Array.from(document.querySelectorAll('[data-testid=stability-diagram] .axis-x .tick text')).map((t) => Number((t.textContent ?? '').replace('−', '-'))));
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      (window as unknown as { explorer: { store: { getState(): { setConfig(c: object): void } } } }).explorer.store.getState().setConfig({ eta: 0.007 });
      await frame();
      await frame();
      await frame();
      const a = read();
      await new Promise((r) => setTimeout(r, 800));
      return [a, read()];
    });
    /* oxlint-enable unicorn/consistent-function-scoping */
    expect(later).toBeGreaterThan(before * 10);
    expect(soon).toBe(later);
  });
});
