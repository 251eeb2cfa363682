import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDone, test } from './fixtures';

/**
 * Issue 24, part 5: a projector's contrast. In lecture mode every text, and the diagram's
 * lines, are drawn at 7:1 or more against what is behind them (WCAG 1.4.6, the enhanced
 * level); the diagram's lines and every chart's axes at least 3 px wide;
 * prefers-reduced-motion stops the diagram's axis glide. The canvas charts (the escape
 * burst, the distance, the landscape's paths) are read as they stroke: the colour, opacity
 * and width of each line at the moment it is drawn.
 */
const TOY = 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200';

interface Mark {
  what: string;
  ratio: number;
  width?: number;
  /** An axis line or tick. */
  axis?: boolean;
  /** A legend's key. */
  key?: boolean;
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
    const out: Array<{ what: string; ratio: number; width?: number; axis?: boolean; key?: boolean }> = [];
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
          out.push({ what: `${label} ${cs.stroke}`, ratio: ratio(c, bg), width: parseFloat(cs.strokeWidth), axis: el.matches('.tick line, path.domain'), key: el.closest('.legend') !== null });
        }
      }
    }
    return out;
  });
  /* oxlint-enable unicorn/consistent-function-scoping */
}

interface Stroke {
  panel: string;
  color: string;
  alpha: number;
  /** The line's width in CSS pixels. */
  width: number;
}

/**
 * Records, from the page's first script on, every line a canvas strokes inside a panel: the
 * colour the chart set (its theme token), its opacity and its width in CSS pixels (the
 * canvas's transform and its backing store's scale undone).
 */
async function recordCanvasStrokes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Stroke[] = [];
    window.canvasStrokes = seen;
    const stroke = CanvasRenderingContext2D.prototype.stroke;
    CanvasRenderingContext2D.prototype.stroke = function (this: CanvasRenderingContext2D, ...args: [Path2D?]) {
      const panel = this.canvas.closest<HTMLElement>('section.panel')?.dataset.panel;
      if (panel && typeof this.strokeStyle === 'string') {
        const t = this.getTransform();
        const backing = this.canvas.clientWidth > 0 ? this.canvas.clientWidth / this.canvas.width : 1;
        seen.push({ panel, color: this.strokeStyle, alpha: this.globalAlpha, width: this.lineWidth * Math.hypot(t.a, t.b) * backing });
      }
      return (stroke as (this: CanvasRenderingContext2D, ...a: [Path2D?]) => void).apply(this, args);
    };
  });
}

/** WCAG's linear value of an sRGB channel (0–255). */
const linear = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);

/** WCAG's contrast of a #rrggbb colour at an opacity over a white panel. */
function onWhite(hex: string, alpha: number): number {
  const c = [1, 3, 5].map((i) => alpha * parseInt(hex.slice(i, i + 2), 16) + (1 - alpha) * 255);
  const f = linear;
  const lum = 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  return 1.05 / (lum + 0.05);
}

/** Below this opacity a stroke is one of the many faint single runs, read together as a band (docs/accessibility.md#lecture-modes-contrast). */
const CLOUD_ALPHA = 0.5;

test.describe('lecture mode’s contrast', () => {
  test('the page’s text passes axe’s enhanced contrast (7:1) in lecture mode', async ({ page }) => {
    await openDone(page, `${TOY}&lecture=1`);
    const r = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
    const bad = r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join(' ')}`));
    expect(bad).toEqual([]);
  });

  test('the diagram’s and the live views’ text and SVG lines are at 7:1 or more; the diagram’s lines, every axis and every legend key 3 px or wider', async ({ page }) => {
    await openDone(page, `${TOY}&lecture=1`);
    const all = await marks(page);
    const diagram = all.filter((m) => m.what.startsWith('diagram:'));
    expect(diagram.length).toBeGreaterThan(20);
    const text = all.filter((m) => m.width === undefined);
    expect(text.length).toBeGreaterThan(20);
    // the live views' SVG lines and marks: the landscape's minima, the legends' keys
    const live = all.filter((m) => m.width !== undefined && /^(landscape|burst|distance):/.test(m.what));
    expect(live.length).toBeGreaterThan(3);
    // the burst's and the distance's legends: the runs, their mean and median, GD, the theory's lines and R
    const keys = live.filter((m) => m.key);
    expect(keys.length, 'the live legends’ keys').toBeGreaterThanOrEqual(8);
    const faint = [...diagram, ...text, ...live].filter((m) => m.ratio < 7).map((m) => `${m.what} at ${m.ratio.toFixed(2)}:1`);
    expect.soft([...new Set(faint)], 'text and lines under 7:1').toEqual([]);
    const thin = all.filter((m) => m.width !== undefined && (m.what.startsWith('diagram:') || m.axis || m.key) && m.width < 3).map((m) => `${m.what} ${m.width} px`);
    expect.soft([...new Set(thin)], 'lines thinner than 3 px').toEqual([]);
  });

  test('the landscape’s contour lines are at 7:1 or more and 3 px or wider, drawn on the panel itself', async ({ page }) => {
    // a 2D landscape: the contour map under the paths
    await openDone(page, 'problem=circle&model=1&eta=4&sampling=with&seed=3&runs=20&steps=400&lecture=1');
    const contours = (await marks(page)).filter((m) => m.what.startsWith('landscape:') && m.what.includes('g.contours'));
    // 4 levels, each one or more rings around the two minima
    expect(contours.length, 'the contour lines drawn').toBeGreaterThanOrEqual(4);
    const faint = contours.filter((m) => m.ratio < 7).map((m) => `${m.what} at ${m.ratio.toFixed(2)}:1`);
    expect.soft([...new Set(faint)], 'contour lines under 7:1').toEqual([]);
    const thin = contours.filter((m) => (m.width ?? 0) < 3).map((m) => `${m.what} ${m.width} px`);
    expect.soft([...new Set(thin)], 'contour lines thinner than 3 px').toEqual([]);
    // a line is 7:1 against the panel only if the panel is what is behind it: no fill under the lines
    const fills = await page.locator('[data-testid=landscape-view] g.contours path').evaluateAll((ps) => [...new Set(ps.map((p) => getComputedStyle(p).fill))]);
    expect(fills).toEqual(['none']);
  });

  test('the burst’s, the distance’s and the landscape’s canvas lines are at 7:1 or more and 3 px or wider', async ({ page }) => {
    await recordCanvasStrokes(page);
    // an ensemble (its mean and median), a comparison, GD, the theory's lines and a 2D landscape's paths
    await openDone(page, 'problem=circle&model=1&eta=4&sampling=with&seed=3&runs=20&steps=400&compare=B:2&lecture=1');
    const strokes = await page.evaluate(() => window.canvasStrokes!);
    for (const panel of ['burst', 'distance', 'landscape']) expect(strokes.filter((s) => s.panel === panel).length, `${panel}'s strokes`).toBeGreaterThan(0);
    // a stroke in the panel's own colour is a halo, not a line
    const lines = strokes.filter((s) => s.alpha > CLOUD_ALPHA && s.color.toLowerCase() !== '#ffffff');
    const faint = lines.filter((s) => onWhite(s.color, s.alpha) < 7).map((s) => `${s.panel}: ${s.color} at opacity ${s.alpha}, ${onWhite(s.color, s.alpha).toFixed(2)}:1`);
    expect.soft([...new Set(faint)], 'canvas lines under 7:1').toEqual([]);
    const thin = lines.filter((s) => s.width < 3).map((s) => `${s.panel}: ${s.color} ${s.width.toFixed(2)} px`);
    expect.soft([...new Set(thin)], 'canvas lines thinner than 3 px').toEqual([]);
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
      window.explorer!.store.getState().setConfig({ eta: 0.007 });
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
