/**
 * The page, measured in headless Chromium on the production build: first paint
 * of the diagram, frame intervals and long tasks while an ensemble streams and
 * the η slider is dragged, slider-to-repaint latency, parameter-change-to-first-
 * point latency, and main-thread heap growth over a 10⁷-step run.
 *
 * Timings are taken inside the page (performance.now, requestAnimationFrame,
 * PerformanceObserver), so Playwright's own round trips do not count. A metric
 * whose element is missing is recorded as skipped, with the reason.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.mjs';
import { measureBundle, type BundleFigures } from './bundle';
import { buildProduction, startPreview } from './preview-server';
import { quantile, stat, type Skipped, type Stat } from './stat';

export const SELECTORS = {
  diagram: '[data-testid="stability-diagram"]',
  etaSlider: '[data-testid="eta-slider"]',
  etaInput: '[data-testid="eta-input"]',
  corner: '[data-testid="rect-corner"]',
  status: '[data-testid="status-line"]',
} as const;

export const PAGE_QUERIES = {
  stream: '?problem=toy&eta=0.7&B=1&runs=200&steps=100000',
  shortRun: '?problem=toy&eta=0.3&B=1&runs=1&steps=1',
  longRun: '?problem=toy&eta=0.3&B=1&runs=1&steps=10000000',
  firstPaint: '?problem=toy&eta=0.7&B=1',
} as const;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SELECTOR_TIMEOUT = 15_000;

export interface PageOptions {
  /** Fresh page loads for the first-paint median. */
  loads: number;
  /** Seconds of slider dragging. */
  dragSeconds: number;
  /** Parameter changes for the first-new-point median. */
  changes: number;
}

export interface FrameFigures {
  /** The 2 s before the drag: the ensemble streaming, no input. */
  streamOnly: { intervalMs: { p50: number; p95: number; max: number }; longTasks: { count: number; maxMs: number } };
  frames: number;
  intervalMs: { p50: number; p95: number; max: number };
  longTasks: { count: number; maxMs: number };
  /** Slider input → the first animation frame after the corner's data-eta changed. */
  repaintMs: { p50: number; p95: number; max: number; inputs: number; unpainted: number };
  /** The same counted in frames: 1 when the first frame after the input shows the change. */
  repaintFrames: { p50: number; p95: number; max: number };
  /** The status line's state when the drag began (the ensemble should be streaming). */
  stateAtStart: string;
}

export interface HeapFigures {
  beforeMB: number;
  afterMB: number;
  growthMB: number;
  runSeconds: number;
}

export interface PageFigures {
  chromium: string;
  buildSeconds: number;
  bundle: BundleFigures;
  firstPaintMs: Stat | Skipped;
  firstContentfulPaintMs: Stat | Skipped;
  drag: FrameFigures | Skipped;
  firstPointMs: Stat | Skipped;
  heap: HeapFigures | Skipped;
}

const reason = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e)).slice(0, 300);

async function withPage<T>(browser: Browser, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // Functions handed to page.evaluate are sent as source; tsx (esbuild keepNames)
  // wraps their inner functions in __name(…), which the page must therefore have.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  try {
    const page = await context.newPage();
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

async function waitFor(page: Page, selector: string, what: string, timeout = SELECTOR_TIMEOUT): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout, state: 'attached' });
  } catch {
    throw new Error(`${what} (${selector}) did not appear within ${timeout / 1000} s`);
  }
}

/** Navigation start → the first animation frame after the diagram's element is in the document. */
async function firstPaint(browser: Browser, base: string): Promise<{ diagram: number; fcp: number }> {
  return withPage(browser, async (page) => {
    await page.addInitScript((sel: string) => {
      const w = window as unknown as { benchDiagramFrame: Promise<number> };
      w.benchDiagramFrame = new Promise((resolve) => {
        const done = () => requestAnimationFrame(() => resolve(performance.now()));
        if (document.querySelector(sel) !== null) return done();
        const mo = new MutationObserver(() => {
          if (document.querySelector(sel) === null) return;
          mo.disconnect();
          done();
        });
        mo.observe(document, { childList: true, subtree: true });
      });
    }, SELECTORS.diagram);
    await page.goto(base + PAGE_QUERIES.firstPaint);
    await waitFor(page, SELECTORS.diagram, 'the stability diagram');
    return page.evaluate(async () => {
      const diagram = await (window as unknown as { benchDiagramFrame: Promise<number> }).benchDiagramFrame;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { diagram, fcp };
    });
  });
}

interface DragResult {
  /** Frames and long tasks while the ensemble streams, before any input. */
  quietFrames: number[];
  quietLongTasks: number[];
  frames: number[];
  longTasks: number[];
  /** Each input's dispatch time and the first animation frame after its repaint. */
  inputs: Array<{ t0: number; painted: number }>;
  /** Every frame's timestamp from the drag's start to the end of the wait for the last repaint. */
  allFrames: number[];
  unpainted: number;
  state: string;
}

/**
 * Inside the page: `quietMs` of frames with no input, then for `ms` milliseconds
 * one slider input per frame, sent as its own task just after the frame (as a
 * mouse move arrives), sweeping log10 η.
 */
function dragInPage(args: { quietMs: number; ms: number; sel: typeof SELECTORS }): Promise<DragResult> {
  const slider = document.querySelector(args.sel.etaSlider) as HTMLInputElement;
  const status = document.querySelector(args.sel.status);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const lo = Math.max(Number(slider.min), Math.log10(0.2));
  const hi = Math.min(Number(slider.max), Math.log10(2));
  const quietFrames: number[] = [];
  const quietLongTasks: number[] = [];
  const frames: number[] = [];
  const longTasks: number[] = [];
  const inputs: Array<{ t0: number; painted: number }> = [];
  const allFrames: number[] = [];
  let dragging = false;
  let unpainted = 0;
  let pending: number | null = null; // performance.now() of the input awaiting its repaint
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (dragging ? longTasks : quietLongTasks).push(e.duration);
  });
  po.observe({ type: 'longtask' });
  const mo = new MutationObserver(() => {
    if (pending === null) return;
    const t0 = pending;
    pending = null;
    requestAnimationFrame(() => inputs.push({ t0, painted: performance.now() }));
  });
  mo.observe(document.body, { attributes: true, attributeFilter: ['data-eta'], subtree: true });
  const channel = new MessageChannel();
  let i = 0;
  channel.port1.onmessage = () => {
    if (pending !== null) unpainted++;
    const phase = (i++ * 0.012) % 2;
    const v = lo + (hi - lo) * (phase < 1 ? phase : 2 - phase);
    setValue.call(slider, String(v));
    pending = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const state = status?.getAttribute('data-state') ?? 'no status line';
  return new Promise((resolve) => {
    const start = performance.now();
    let dragStart = 0;
    const frame = (ts: number) => {
      if (!dragging) {
        quietFrames.push(ts);
        if (performance.now() - start >= args.quietMs) {
          dragging = true;
          dragStart = performance.now();
        }
        requestAnimationFrame(frame);
        return;
      }
      allFrames.push(ts);
      const elapsed = performance.now() - dragStart;
      if (elapsed < args.ms) {
        frames.push(ts);
        channel.port2.postMessage(0);
      }
      // After the drag, keep counting frames a little while the last input lands.
      if (elapsed < args.ms + 250) {
        requestAnimationFrame(frame);
        return;
      }
      po.disconnect();
      mo.disconnect();
      channel.port1.close();
      resolve({ quietFrames, quietLongTasks, frames, longTasks, inputs, allFrames, unpainted, state });
    };
    requestAnimationFrame(frame);
  });
}

const pct = (xs: number[], p: number) => (xs.length ? quantile(xs, p) : NaN);
const diffs = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]);

async function drag(browser: Browser, base: string, seconds: number): Promise<FrameFigures> {
  return withPage(browser, async (page) => {
    await page.goto(base + PAGE_QUERIES.stream);
    for (const [sel, what] of [
      [SELECTORS.etaSlider, 'the η slider'],
      [SELECTORS.corner, "the rectangle's corner"],
    ] as const)
      await waitFor(page, sel, what);
    await page.waitForSelector(`${SELECTORS.status}[data-state="running"]`, { timeout: 5000 }).catch(() => undefined);
    const r = await page.evaluate(dragInPage, { quietMs: 2000, ms: seconds * 1000, sel: SELECTORS });
    const intervals = diffs(r.frames);
    const quiet = diffs(r.quietFrames);
    const latencies = r.inputs.map((x) => x.painted - x.t0);
    // Frames from the input to its repaint: 1 when the first frame after the input shows it.
    const late = r.inputs.map((x) => r.allFrames.filter((ts) => ts > x.t0 && ts <= x.painted).length);
    return {
      streamOnly: { intervalMs: { p50: pct(quiet, 0.5), p95: pct(quiet, 0.95), max: Math.max(...quiet) }, longTasks: { count: r.quietLongTasks.length, maxMs: r.quietLongTasks.length ? Math.max(...r.quietLongTasks) : 0 } },
      frames: r.frames.length,
      intervalMs: { p50: pct(intervals, 0.5), p95: pct(intervals, 0.95), max: Math.max(...intervals) },
      longTasks: { count: r.longTasks.length, maxMs: r.longTasks.length ? Math.max(...r.longTasks) : 0 },
      repaintMs: { p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), max: latencies.length ? Math.max(...latencies) : NaN, inputs: latencies.length + r.unpainted, unpainted: r.unpainted },
      repaintFrames: { p50: pct(late, 0.5), p95: pct(late, 0.95), max: late.length ? Math.max(...late) : NaN },
      stateAtStart: r.state,
    };
  });
}

/** Type η into the box and press Enter: ms until the status line shows a new run at t > 0, on screen. */
async function firstPoints(browser: Browser, base: string, changes: number): Promise<number[]> {
  return withPage(browser, async (page) => {
    await page.goto(base + PAGE_QUERIES.stream);
    await waitFor(page, SELECTORS.etaInput, 'the η box');
    await waitFor(page, `${SELECTORS.status}[data-run-id]`, 'the status line with data-run-id');
    const out: number[] = [];
    for (let k = 0; k < changes; k++) {
      const eta = (0.5 + 0.05 * k).toFixed(2);
      await page.fill(SELECTORS.etaInput, eta);
      const ms = await page.evaluate(
        ({ sel, timeout }) =>
          new Promise<number>((resolve, reject) => {
            const status = document.querySelector(sel.status)!;
            const input = document.querySelector(sel.etaInput)!;
            const before = status.getAttribute('data-run-id');
            let t0 = 0;
            const check = () => status.getAttribute('data-run-id') !== before && Number(status.getAttribute('data-t')) > 0;
            const mo = new MutationObserver(() => {
              if (!check()) return;
              mo.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            const timer = setTimeout(() => {
              mo.disconnect();
              reject(new Error(`no new run with t > 0 within ${timeout} ms of Enter`));
            }, timeout);
            mo.observe(status, { attributes: true });
            t0 = performance.now();
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
          }),
        { sel: SELECTORS, timeout: 10_000 },
      );
      out.push(ms);
      await page.waitForTimeout(300);
    }
    return out;
  });
}

/**
 * JS heap of the page's main thread after a forced GC (CDP), before and after a
 * 10⁷-step run: the page first runs a 1-step configuration, then the app is sent
 * the 10⁷-step link through history.pushState + popstate (as the Back button
 * would), so "before" is taken before the long run starts.
 */
async function heap(browser: Browser, base: string): Promise<HeapFigures> {
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const used = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = metrics.find((x) => x.name === 'JSHeapUsedSize');
      if (!m) throw new Error('CDP Performance.getMetrics has no JSHeapUsedSize');
      return m.value / 2 ** 20;
    };
    await page.goto(base + PAGE_QUERIES.shortRun);
    await waitFor(page, SELECTORS.diagram, 'the stability diagram');
    await waitFor(page, `${SELECTORS.status}[data-state="done"]`, 'the status line at data-state="done" after a 1-step run');
    const beforeMB = await used();
    const runId = await page.getAttribute(SELECTORS.status, 'data-run-id');
    const t0 = performance.now();
    await page.evaluate((q) => {
      history.pushState(null, '', q);
      dispatchEvent(new PopStateEvent('popstate'));
    }, PAGE_QUERIES.longRun);
    try {
      await page.waitForFunction(
        ({ sel, previous }) => {
          const s = document.querySelector(sel);
          return s !== null && s.getAttribute('data-run-id') !== previous && s.getAttribute('data-state') === 'done';
        },
        { sel: SELECTORS.status, previous: runId },
        { timeout: 180_000, polling: 50 },
      );
    } catch {
      const state = await page.getAttribute(SELECTORS.status, 'data-state');
      throw new Error(`the 10⁷-step run (sent by popstate) did not reach data-state="done" within 180 s (state ${state})`);
    }
    const runSeconds = (performance.now() - t0) / 1000;
    const t = Number(await page.getAttribute(SELECTORS.status, 'data-t'));
    if (t !== 1e7) throw new Error(`the run ended at step ${t}, not 10⁷`);
    const afterMB = await used();
    return { beforeMB, afterMB, growthMB: afterMB - beforeMB, runSeconds };
  });
}

async function attempt<T>(what: string, log: (line: string) => void, fn: () => Promise<T>): Promise<T | Skipped> {
  try {
    return await fn();
  } catch (e) {
    log(`page: ${what} skipped: ${reason(e)}`);
    return { skipped: reason(e) };
  }
}

export async function measurePage(opts: PageOptions, log: (line: string) => void = () => {}): Promise<PageFigures | Skipped> {
  let found;
  try {
    found = findChromium();
  } catch (e) {
    return { skipped: reason(e) };
  }
  if (!found) return { skipped: 'no Chromium found (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)' };
  const build = buildProduction();
  if ('error' in build) return { skipped: build.error };
  let server;
  let browser: Browser | null = null;
  try {
    const bundle = measureBundle(build.dist);
    log(`page: initial JS ${(bundle.initialGzipBytes / 1024).toFixed(1)} KiB gzip; mathjs in it: ${bundle.mathjsInInitial}`);
    try {
      server = await startPreview(build.dist);
      browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
    } catch (e) {
      const s = { skipped: reason(e) };
      return { chromium: 'unavailable', buildSeconds: build.seconds, bundle, firstPaintMs: s, firstContentfulPaintMs: s, drag: s, firstPointMs: s, heap: s };
    }
    const b = browser;
    const base = server.url;
    const paints = await attempt('first paint', log, async () => {
      const r: Array<{ diagram: number; fcp: number }> = [];
      for (let i = 0; i < opts.loads; i++) r.push(await firstPaint(b, base));
      return r;
    });
    const firstPaintMs = Array.isArray(paints) ? stat(paints.map((p) => p.diagram)) : paints;
    const fcps = Array.isArray(paints) ? paints.map((p) => p.fcp).filter(Number.isFinite) : [];
    const firstContentfulPaintMs = fcps.length ? stat(fcps) : { skipped: Array.isArray(paints) ? 'no first-contentful-paint entry' : paints.skipped };
    if ('median' in firstPaintMs) log(`page: first paint of the diagram ${firstPaintMs.median.toFixed(0)} ms`);
    const dragFig = await attempt('slider drag', log, () => drag(b, base, opts.dragSeconds));
    if ('frames' in dragFig) log(`page: frames p95 ${dragFig.intervalMs.p95.toFixed(1)} ms, ${dragFig.longTasks.count} long tasks, repaint p95 ${dragFig.repaintMs.p95.toFixed(1)} ms`);
    const points = await attempt('first new point', log, () => firstPoints(b, base, opts.changes));
    const firstPointMs = Array.isArray(points) ? stat(points) : points;
    if ('median' in firstPointMs) log(`page: first point of a new run ${firstPointMs.median.toFixed(0)} ms`);
    const heapFig = await attempt('heap', log, () => heap(b, base));
    if ('growthMB' in heapFig) log(`page: heap ${heapFig.beforeMB.toFixed(1)} → ${heapFig.afterMB.toFixed(1)} MB over the 10⁷-step run`);
    return { chromium: b.version(), buildSeconds: build.seconds, bundle, firstPaintMs, firstContentfulPaintMs, drag: dragFig, firstPointMs, heap: heapFig };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.stop();
    build.dispose();
  }
}
