/**
 * The page, measured in headless Chromium on the production build with every
 * live view shown (issue 13's "How it is measured"): first paint of the
 * diagram; two 200-run × 10⁷-step streams (the toy and circle Model 1), each
 * measured in a window early and late in the same run, with no input; the same
 * streams while the η slider is dragged by mouse moves; a 1000-run stream; the
 * parameter change (η box + Enter) to the first point of the new run; the
 * page's run-steps per second against the same configuration stepped in Node;
 * and the main-thread heap over a 10⁷-step run.
 *
 * Timings are taken inside the page (performance.now, requestAnimationFrame,
 * PerformanceObserver), so Playwright's own round trips do not count. Each
 * window also keeps Chromium's own counters (CDP Performance.getMetrics: script,
 * layout and style time of the page's main thread), the profile that says where
 * a frame's time goes. A window counts only if the run was streaming through it
 * (state running at both ends, t advancing); otherwise its figure is skipped
 * with the reason. A metric whose element is missing is skipped likewise.
 *
 * The page alone, for work on the bench: `npx tsx bench/page.ts [--short]`.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/find-chromium.mjs';
import { measureBundle, type BundleFigures } from './bundle';
import { PAGE_FULL, PAGE_SHORT, type PageSizes, type PageWindow } from './options';
import { buildProduction, startPreview } from './preview-server';
import { ensembleRate, sessionRate, type SessionRate } from './session-rate';
import { quantile, stat, type Skipped, type Stat } from './stat';

export const SELECTORS = {
  diagram: '[data-testid="stability-diagram"]',
  etaSlider: '[data-testid="eta-slider"]',
  etaInput: '[data-testid="eta-input"]',
  corner: '[data-testid="rect-corner"]',
  status: '[data-testid="status-line"]',
} as const;

/** The streams of issue 13: long enough to be running at every window. */
export const STREAMS = {
  toy: { label: 'toy', query: '?problem=toy&eta=0.7&B=1&runs=200&steps=10000000&seed=3' },
  circle: { label: 'circle Model 1', query: '?problem=circle&model=1&eta=4&sampling=with&runs=200&steps=10000000&seed=3' },
} as const;
export type StreamKey = keyof typeof STREAMS;
export const STREAM_KEYS = Object.keys(STREAMS) as StreamKey[];

export const PAGE_QUERIES = {
  manyRuns: '?problem=toy&eta=0.7&B=1&runs=1000&steps=10000000&seed=3',
  /** Two configurations of 200 runs each streaming at once (the main one and B = 16). */
  compared: '?problem=toy&eta=0.7&B=1&runs=200&steps=10000000&seed=3&compare=B:16',
  shortRun: '?problem=toy&eta=0.3&B=1&runs=1&steps=1',
  longRun: '?problem=toy&eta=0.3&B=1&runs=1&steps=10000000',
  firstPaint: '?problem=toy&eta=0.7&B=1',
  /**
   * Node's phase-grid figure in the page (bench/theory.ts measurePhaseGrid): the toy with b = (0.1, 1.9) × 20
   * (n = 40), 40 η × 40 B × 100 runs × 200 steps from x* = 1; steps = 200 also ends the live run at once, so
   * every worker takes cells.
   */
  phaseGrid: `?problem=toy&b=${Array.from({ length: 20 }, () => '0.1,1.9').join(',')}&eta=0.7&B=1&steps=200&tab=phase&grid=40&cellruns=100&etamin=0.01&etamax=10&seed=1`,
} as const;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SELECTOR_TIMEOUT = 15_000;
/** The drag sweeps η between these (log scale), as a lecturer moves about the threshold. */
const DRAG_ETA = { lo: 0.2, hi: 2 };

export interface Quantiles {
  p50: number;
  p95: number;
  max: number;
}

/** Chromium's counters for the page's main thread over a window, per second of it. */
export interface Profile {
  scriptMsPerS: number;
  layoutMsPerS: number;
  styleMsPerS: number;
  taskMsPerS: number;
  layoutsPerS: number;
  stylesPerS: number;
}

export interface WindowFigures {
  /** Seconds after the run was first seen running, and the window's length as measured. */
  startS: number;
  seconds: number;
  frames: number;
  intervalMs: Quantiles;
  longTasks: { count: number; maxMs: number };
  /** The status line at both ends: the window measured a streaming run only if both are running and t advanced. */
  state: [string, string];
  t: [number, number];
  streaming: boolean;
  /** SGD runs × steps per second over the window, from the status line's t. */
  runStepsPerSecond: number;
  runs: number;
  /** The status line's own steps-per-second at the window's end (the worker's rate), when it shows one. */
  shownStepsPerSecond: number | null;
  profile: Profile;
  /** The render loop's own account (window.explorer.render), when the page keeps one: drawing ms per frame. */
  renderMsPerFrame: number | null;
}

export interface StreamFigures {
  query: string;
  early: WindowFigures;
  late: WindowFigures;
}

export interface DragFigures {
  query: string;
  seconds: number;
  /** Mouse moves sent, and slider inputs the page saw. */
  moves: number;
  frames: number;
  intervalMs: Quantiles;
  longTasks: { count: number; maxMs: number };
  /** Slider input → the first animation frame after the corner's data-eta changed. */
  repaintMs: Quantiles & { inputs: number; unpainted: number };
  /** The same counted in frames: 1 when the first frame after the input shows the change. */
  repaintFrames: Quantiles;
  profile: Profile;
  /** The status line's state when the drag began (the ensemble should be streaming). */
  stateAtStart: string;
}

export interface ThroughputFigures {
  /** The page's run-steps per second over both windows, views shown. */
  pageRunStepsPerSecond: number;
  /** The worker's session code in Node (fake host, frames acked at once). */
  session: SessionRate;
  /** The same SGD ensemble stepped directly in Node: the engine's figure on this problem. */
  ensemble: SessionRate;
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
  sizes: PageSizes;
  bundle: BundleFigures;
  firstPaintMs: Stat | Skipped;
  firstContentfulPaintMs: Stat | Skipped;
  stream: Record<StreamKey, StreamFigures | Skipped>;
  drag: Record<StreamKey, DragFigures | Skipped>;
  manyRuns: (WindowFigures & { query: string }) | Skipped;
  /** Two 200-run configurations streaming (`compare=`), the window of manyRuns. */
  compared: (WindowFigures & { query: string }) | Skipped;
  /** ms from Enter to the first frame showing the new run, one sample per change. */
  firstPointMs: Stat | Skipped;
  throughput: Record<StreamKey, ThroughputFigures | Skipped>;
  heap: HeapFigures | Skipped;
  /** The phase grid from load to done, as the page reports it (absent in reports from before it was measured). */
  phaseGrid?: PhaseGridPageFigures | Skipped;
}

export interface PhaseGridPageFigures {
  query: string;
  /** The phase view's own wall time of the grid (data-ms), one sample per page load. */
  ms: Stat;
  /** The loop the workers ran (the status's data-kernel). */
  kernel: string;
  workers: number;
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

interface Recorder {
  frames: number[];
  longTasks: Array<{ start: number; duration: number }>;
  /**
   * Each slider input: its event time (when it arrived), when the page handled
   * it, and the first animation frame after the corner showed it.
   */
  inputs: Array<{ t0: number; seen: number; painted: number }>;
  /** Slider inputs replaced by the next before the corner showed them. */
  unpainted: number;
}

interface Snapshot {
  now: number;
  state: string;
  t: number;
  runs: number;
  shownStepsPerSecond: number | null;
  render: { frames: number; workMs: number } | null;
}

/**
 * In the page, once: every animation frame's timestamp, every long task, and
 * each η-slider input with the first frame after the corner's data-eta changed.
 * Returns the page's clock at installation.
 */
function installRecorder(sel: typeof SELECTORS): number {
  const rec: Recorder = { frames: [], longTasks: [], inputs: [], unpainted: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const frame = (ts: number) => {
    rec.frames.push(ts);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let pending: { t0: number; seen: number } | null = null;
  addEventListener(
    'input',
    (e) => {
      if (!(e.target instanceof Element) || !e.target.matches(sel.etaSlider)) return;
      if (pending !== null) rec.unpainted++;
      // The event's own time is when the input arrived, before any wait for the main thread.
      pending = { t0: e.timeStamp, seen: performance.now() };
    },
    true,
  );
  new MutationObserver(() => {
    if (pending === null) return;
    const p = pending;
    pending = null;
    requestAnimationFrame(() => rec.inputs.push({ ...p, painted: performance.now() }));
  }).observe(document.body, { attributes: true, attributeFilter: ['data-eta'], subtree: true });
  (window as unknown as { benchRec: Recorder }).benchRec = rec;
  return performance.now();
}

/** In the page: the status line and the render loop's account, now. */
function snapshot(sel: typeof SELECTORS): Snapshot {
  const s = document.querySelector(sel.status);
  const r = (window as unknown as { explorer?: { render?: { frames?: unknown; workMs?: unknown } } }).explorer?.render;
  const sps = s?.getAttribute('data-steps-per-second');
  return {
    now: performance.now(),
    state: s?.getAttribute('data-state') ?? 'no status line',
    t: Number(s?.getAttribute('data-t') ?? NaN),
    runs: Number(s?.getAttribute('data-runs') ?? NaN),
    shownStepsPerSecond: sps === null || sps === undefined ? null : Number(sps),
    render: r && typeof r.frames === 'number' && typeof r.workMs === 'number' ? { frames: r.frames, workMs: r.workMs } : null,
  };
}

/** In the page: resolve once the page's clock reaches `until`. */
function sleepUntil(until: number): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => {
      const left = until - performance.now();
      if (left <= 0) resolve();
      else setTimeout(tick, Math.min(50, left));
    };
    tick();
  });
}

/** In the page: what the recorder saw between a and b (inputs and repaints until c). */
function sliceRecord(args: { a: number; b: number; c: number }) {
  const rec = (window as unknown as { benchRec: Recorder }).benchRec;
  return {
    frames: rec.frames.filter((ts) => ts >= args.a && ts <= args.b),
    allFrames: rec.frames.filter((ts) => ts >= args.a && ts <= args.c),
    longTasks: rec.longTasks.filter((l) => l.start >= args.a && l.start <= args.b).map((l) => l.duration),
    inputs: rec.inputs.filter((i) => i.t0 >= args.a && i.t0 <= args.b),
    unpainted: rec.unpainted,
  };
}

const pct = (xs: number[], p: number) => (xs.length ? quantile(xs, p) : NaN);
const diffs = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]);
const quantiles = (xs: number[]): Quantiles => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: xs.length ? Math.max(...xs) : NaN });
const longOf = (xs: number[]) => ({ count: xs.length, maxMs: xs.length ? Math.max(...xs) : 0 });

async function cdpMetrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: ms } = await cdp.send('Performance.getMetrics');
  return new Map(ms.map((m) => [m.name, m.value]));
}

function profileOf(m0: Map<string, number>, m1: Map<string, number>, seconds: number): Profile {
  const d = (k: string) => (m1.get(k) ?? NaN) - (m0.get(k) ?? NaN);
  return {
    scriptMsPerS: (d('ScriptDuration') * 1000) / seconds,
    layoutMsPerS: (d('LayoutDuration') * 1000) / seconds,
    styleMsPerS: (d('RecalcStyleDuration') * 1000) / seconds,
    taskMsPerS: (d('TaskDuration') * 1000) / seconds,
    layoutsPerS: d('LayoutCount') / seconds,
    stylesPerS: d('RecalcStyleCount') / seconds,
  };
}

/** Open a stream with every view shown and wait until it runs; the recorder's start on the page's clock. */
async function openStream(page: Page, cdp: CDPSession, url: string): Promise<number> {
  await cdp.send('Performance.enable');
  await page.goto(url);
  await waitFor(page, SELECTORS.diagram, 'the stability diagram');
  try {
    await page.waitForSelector(`${SELECTORS.status}[data-state="running"]`, { timeout: 30_000, state: 'attached' });
  } catch {
    const state = await page.getAttribute(SELECTORS.status, 'data-state').catch(() => null);
    throw new Error(`${url} was not seen running within 30 s (state ${state})`);
  }
  return page.evaluate(installRecorder, SELECTORS);
}

/** One window of a stream with no input: frames, long tasks, throughput and the profile. */
async function measureWindow(page: Page, cdp: CDPSession, t0: number, w: PageWindow): Promise<WindowFigures> {
  await page.evaluate(sleepUntil, t0 + w.startS * 1000);
  const m0 = await cdpMetrics(cdp);
  const s0 = await page.evaluate(snapshot, SELECTORS);
  await page.evaluate(sleepUntil, s0.now + w.seconds * 1000);
  const m1 = await cdpMetrics(cdp);
  const s1 = await page.evaluate(snapshot, SELECTORS);
  const r = await page.evaluate(sliceRecord, { a: s0.now, b: s1.now, c: s1.now });
  const seconds = (s1.now - s0.now) / 1000;
  const streaming = s0.state === 'running' && s1.state === 'running' && s1.t > s0.t;
  const render = s0.render && s1.render && s1.render.frames > s0.render.frames ? (s1.render.workMs - s0.render.workMs) / (s1.render.frames - s0.render.frames) : null;
  return {
    startS: (s0.now - t0) / 1000,
    seconds,
    frames: r.frames.length,
    intervalMs: quantiles(diffs(r.frames)),
    longTasks: longOf(r.longTasks),
    state: [s0.state, s1.state],
    t: [s0.t, s1.t],
    streaming,
    runStepsPerSecond: ((s1.t - s0.t) * s1.runs) / seconds,
    runs: s1.runs,
    shownStepsPerSecond: s1.shownStepsPerSecond,
    profile: profileOf(m0, m1, seconds),
    renderMsPerFrame: render,
  };
}

async function stream(browser: Browser, base: string, key: StreamKey, sizes: PageSizes): Promise<StreamFigures> {
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const t0 = await openStream(page, cdp, base + STREAMS[key].query);
    const early = await measureWindow(page, cdp, t0, sizes.early);
    const late = await measureWindow(page, cdp, t0, sizes.late);
    return { query: STREAMS[key].query, early, late };
  });
}

/** One window of a stream opened from `query`. */
async function oneWindow(browser: Browser, base: string, query: string, w: PageWindow): Promise<WindowFigures & { query: string }> {
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const t0 = await openStream(page, cdp, base + query);
    return { query, ...(await measureWindow(page, cdp, t0, w)) };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The stream, 2 s in, while the η slider is dragged by real mouse moves (about
 * 60 a second, sweeping η between 0.2 and 2 and back) for `seconds`.
 */
async function drag(browser: Browser, base: string, key: StreamKey, seconds: number): Promise<DragFigures> {
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const t0 = await openStream(page, cdp, base + STREAMS[key].query);
    await waitFor(page, SELECTORS.etaSlider, 'the η slider');
    await waitFor(page, SELECTORS.corner, "the rectangle's corner");
    await page.evaluate(sleepUntil, t0 + 2000);
    const slider = page.locator(SELECTORS.etaSlider);
    const box = await slider.boundingBox();
    if (!box) throw new Error('the η slider has no box on screen');
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const xOf = (v: number) => box.x + ((v - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;
    const lo = Math.log10(DRAG_ETA.lo);
    const hi = Math.log10(DRAG_ETA.hi);
    const v0 = Number(await slider.inputValue());
    await page.mouse.move(xOf(v0), y);
    await page.mouse.down();
    const m0 = await cdpMetrics(cdp);
    const s0 = await page.evaluate(snapshot, SELECTORS);
    let phase = Math.min(1, Math.max(0, (v0 - lo) / (hi - lo)));
    let dir = 1;
    let moves = 0;
    const start = Date.now();
    while (Date.now() - start < seconds * 1000) {
      phase += dir / 120;
      if (phase >= 1 || phase <= 0) {
        phase = Math.min(1, Math.max(0, phase));
        dir = -dir;
      }
      await page.mouse.move(xOf(lo + (hi - lo) * phase), y);
      moves++;
      const ahead = start + moves * (1000 / 60) - Date.now();
      if (ahead > 0) await sleep(ahead);
    }
    const m1 = await cdpMetrics(cdp);
    const s1 = await page.evaluate(snapshot, SELECTORS);
    await page.mouse.up();
    // Let the last input land before reading the repaints.
    await page.waitForTimeout(300);
    const r = await page.evaluate(sliceRecord, { a: s0.now, b: s1.now, c: s1.now + 300 });
    const latencies = r.inputs.map((x) => x.painted - x.t0);
    // Frames from the input to its repaint: 1 when the first frame that could show it does. A
    // mouse move is handled at the start of a frame, and that same frame may show it (no frame
    // began between handling and painting): also 1.
    const late = r.inputs.map((x) => Math.max(1, r.allFrames.filter((ts) => ts > x.seen && ts <= x.painted).length));
    const secs = (s1.now - s0.now) / 1000;
    return {
      query: STREAMS[key].query,
      seconds: secs,
      moves,
      frames: r.frames.length,
      intervalMs: quantiles(diffs(r.frames)),
      longTasks: longOf(r.longTasks),
      repaintMs: { ...quantiles(latencies), inputs: latencies.length + r.unpainted, unpainted: r.unpainted },
      repaintFrames: quantiles(late),
      profile: profileOf(m0, m1, secs),
      stateAtStart: s0.state,
    };
  });
}

/**
 * Type η into the box and press Enter: ms until the first frame that draws the
 * new run at t > 0 has been painted. The run is read from the page's live run
 * (window.explorer.sim.current), not the status line, which follows the run at
 * a few hertz; the time is taken in a task posted from that frame, so after its
 * rendering.
 */
async function firstPoints(browser: Browser, base: string, changes: number): Promise<number[]> {
  return withPage(browser, async (page) => {
    await page.goto(base + STREAMS.toy.query);
    await waitFor(page, SELECTORS.etaInput, 'the η box');
    await waitFor(page, `${SELECTORS.status}[data-state="running"]`, 'the status line at data-state="running"', 30_000);
    const out: number[] = [];
    for (let k = 0; k < changes; k++) {
      const eta = (0.5 + 0.05 * k).toFixed(2);
      await page.fill(SELECTORS.etaInput, eta);
      const ms = await page.evaluate(
        ({ sel, timeout }) =>
          new Promise<number>((resolve, reject) => {
            type Live = { id: number; t: number } | null;
            const sim = (window as unknown as { explorer?: { sim?: { current?: Live } } }).explorer?.sim;
            if (!sim) return reject(new Error('window.explorer.sim is missing'));
            const input = document.querySelector(sel.etaInput)!;
            const before = sim.current?.id ?? null;
            const channel = new MessageChannel();
            let t0 = 0;
            let done = false;
            const timer = setTimeout(() => {
              done = true;
              reject(new Error(`no new run with t > 0 drawn within ${timeout} ms of Enter`));
            }, timeout);
            channel.port1.onmessage = () => {
              clearTimeout(timer);
              resolve(performance.now() - t0);
            };
            const frame = () => {
              if (done) return;
              const cur = sim.current;
              if (cur && cur.id !== before && cur.t > 0) {
                done = true;
                channel.port2.postMessage(0);
                return;
              }
              requestAnimationFrame(frame);
            };
            t0 = performance.now();
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
            requestAnimationFrame(frame);
          }),
        { sel: SELECTORS, timeout: 10_000 },
      );
      out.push(ms);
      await page.waitForTimeout(300);
    }
    return out;
  });
}

/** The page's run-steps per second over both windows, when both measured a streaming run. */
function pageRate(s: StreamFigures): number | Skipped {
  const ws = [s.early, s.late];
  const bad = ws.find((w) => !w.streaming);
  if (bad) return { skipped: `the run was not streaming in the window ${bad.startS.toFixed(0)} s in (state ${bad.state.join(' → ')}, t ${bad.t.join(' → ')})` };
  const steps = ws.reduce((a, w) => a + w.runStepsPerSecond * w.seconds, 0);
  return steps / ws.reduce((a, w) => a + w.seconds, 0);
}

/**
 * JS heap of the page's main thread after a forced GC (CDP), before and after a
 * 10⁷-step run: the page first runs a 1-step configuration, then the app is sent
 * the 10⁷-step link through history.pushState + popstate (as the Back button
 * would), so "before" is taken before the long run starts.
 */
/** The phase grid in fresh pages: the view starts it on load and reports its wall time when done. */
async function phaseGridInPage(browser: Browser, base: string, loads: number): Promise<PhaseGridPageFigures> {
  const samples: number[] = [];
  let kernel = '';
  let workers = 0;
  for (let i = 0; i < loads; i++) {
    await withPage(browser, async (page) => {
      await page.goto(base + PAGE_QUERIES.phaseGrid);
      await page.waitForSelector('[data-testid=phase-status][data-state=done]', { timeout: 300_000 });
      const status = page.getByTestId('phase-status');
      samples.push(Number(await status.getAttribute('data-ms')));
      kernel = (await status.getAttribute('data-kernel')) ?? '';
      workers = Number(/\((\d+) workers?\)/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
    });
  }
  return { query: PAGE_QUERIES.phaseGrid, ms: stat(samples), kernel, workers };
}

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

const both = <T>(fn: (k: StreamKey) => T): Record<StreamKey, T> => ({ toy: fn('toy'), circle: fn('circle') });

const fmtMs = (v: number) => `${v.toFixed(1)} ms`;
const windowLine = (w: WindowFigures) =>
  `${w.startS.toFixed(0)}–${(w.startS + w.seconds).toFixed(0)} s: p50 ${fmtMs(w.intervalMs.p50)}, p95 ${fmtMs(w.intervalMs.p95)}, ${w.longTasks.count} long tasks, ${(w.runStepsPerSecond / 1e6).toFixed(1)} M run-steps/s${w.streaming ? '' : ' (NOT streaming)'}, script ${w.profile.scriptMsPerS.toFixed(0)} ms/s, layout ${w.profile.layoutMsPerS.toFixed(0)} ms/s`;

/** The parts of the page's measurement, to run some alone (`bench/page.ts --only=stream,first`). */
export const PAGE_PARTS = ['node', 'paint', 'stream', 'drag', 'many', 'compare', 'first', 'heap', 'phase'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

export async function measurePage(sizes: PageSizes, log: (line: string) => void = () => {}, parts: ReadonlySet<PagePart> = new Set(PAGE_PARTS)): Promise<PageFigures | Skipped> {
  const off: Skipped = { skipped: 'not measured in this run' };
  const run = <T>(part: PagePart, what: string, fn: () => Promise<T>): Promise<T | Skipped> => (parts.has(part) ? attempt(what, log, fn) : Promise.resolve(off));
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
    // In Node first, before Chromium starts: the same configurations without a page.
    const node = both((k): Pick<ThroughputFigures, 'session' | 'ensemble'> | Skipped => {
      if (!parts.has('node')) return off;
      try {
        const session = sessionRate(STREAMS[k].query, sizes.nodeSeconds);
        const ensemble = ensembleRate(STREAMS[k].query, sizes.nodeSeconds);
        log(`page: ${STREAMS[k].label} in Node: session ${(session.runStepsPerSecond / 1e6).toFixed(1)} M run-steps/s, ensemble ${(ensemble.runStepsPerSecond / 1e6).toFixed(1)} M run-steps/s`);
        return { session, ensemble };
      } catch (e) {
        log(`page: ${STREAMS[k].label} in Node skipped: ${reason(e)}`);
        return { skipped: reason(e) };
      }
    });
    const unavailable = (s: Skipped): PageFigures => ({
      chromium: 'unavailable',
      buildSeconds: build.seconds,
      sizes,
      bundle,
      firstPaintMs: s,
      firstContentfulPaintMs: s,
      stream: both(() => s),
      drag: both(() => s),
      manyRuns: s,
      compared: s,
      firstPointMs: s,
      throughput: both(() => s),
      heap: s,
      phaseGrid: s,
    });
    try {
      server = await startPreview(build.dist);
      browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
    } catch (e) {
      return unavailable({ skipped: reason(e) });
    }
    const b = browser;
    const base = server.url;
    const paints = await run('paint', 'first paint', async () => {
      const r: Array<{ diagram: number; fcp: number }> = [];
      for (let i = 0; i < sizes.loads; i++) r.push(await firstPaint(b, base));
      return r;
    });
    const firstPaintMs = Array.isArray(paints) ? stat(paints.map((p) => p.diagram)) : paints;
    const fcps = Array.isArray(paints) ? paints.map((p) => p.fcp).filter(Number.isFinite) : [];
    const firstContentfulPaintMs = fcps.length ? stat(fcps) : { skipped: Array.isArray(paints) ? 'no first-contentful-paint entry' : paints.skipped };
    if ('median' in firstPaintMs) log(`page: first paint of the diagram ${firstPaintMs.median.toFixed(0)} ms`);

    const streams = {} as PageFigures['stream'];
    const drags = {} as PageFigures['drag'];
    for (const k of STREAM_KEYS) {
      streams[k] = await run('stream', `${k} stream`, () => stream(b, base, k, sizes));
      const s = streams[k];
      if ('early' in s) for (const w of [s.early, s.late]) log(`page: ${STREAMS[k].label} stream ${windowLine(w)}`);
      drags[k] = await run('drag', `${k} drag`, () => drag(b, base, k, sizes.dragSeconds));
      const d = drags[k];
      if ('moves' in d) log(`page: ${STREAMS[k].label} drag: ${d.moves} moves, p95 ${fmtMs(d.intervalMs.p95)}, ${d.longTasks.count} long tasks, repaint p95 ${fmtMs(d.repaintMs.p95)}`);
    }
    const many = await run('many', '1000 runs', () => oneWindow(b, base, PAGE_QUERIES.manyRuns, sizes.manyRuns));
    if ('frames' in many) log(`page: 1000 runs ${windowLine(many)}`);
    const compared = await run('compare', 'two 200-run configurations', () => oneWindow(b, base, PAGE_QUERIES.compared, sizes.manyRuns));
    if ('frames' in compared) log(`page: two 200-run configurations ${windowLine(compared)}`);
    const points = await run('first', 'first new point', () => firstPoints(b, base, sizes.changes));
    const firstPointMs = Array.isArray(points) ? stat(points) : points;
    if ('median' in firstPointMs) log(`page: first point of a new run: median ${firstPointMs.median.toFixed(0)} ms, p95 ${quantile(firstPointMs.samples, 0.95).toFixed(0)} ms`);
    const heapFig: HeapFigures | Skipped = sizes.heap ? await run('heap', 'heap', () => heap(b, base)) : { skipped: 'not measured (short page run)' };
    if ('growthMB' in heapFig) log(`page: heap ${heapFig.beforeMB.toFixed(1)} → ${heapFig.afterMB.toFixed(1)} MB over the 10⁷-step run`);

    const phaseGrid = await run('phase', 'phase grid', () => phaseGridInPage(b, base, sizes.loads));
    if ('ms' in phaseGrid) log(`page: phase grid 40 × 40 × 100 × 200 in ${phaseGrid.ms.median.toFixed(0)} ms (${phaseGrid.kernel}, ${phaseGrid.workers} workers)`);

    const throughput = both((k): ThroughputFigures | Skipped => {
      const s = streams[k];
      const n = node[k];
      if ('skipped' in s) return s;
      if ('skipped' in n) return n;
      const rate = pageRate(s);
      return typeof rate === 'number' ? { pageRunStepsPerSecond: rate, ...n } : rate;
    });
    return { chromium: b.version(), buildSeconds: build.seconds, sizes, bundle, firstPaintMs, firstContentfulPaintMs, stream: streams, drag: drags, manyRuns: many, compared, firstPointMs, throughput, heap: heapFig, phaseGrid };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.stop();
    build.dispose();
  }
}

/**
 * `npx tsx bench/page.ts [--short] [--only=stream,drag,…]`: the page alone (or
 * some of its parts), its rows printed and its report written to the
 * temporary directory.
 */
async function main(): Promise<void> {
  const { pageRows } = await import('./figures');
  const { consoleTable } = await import('./report');
  const { writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const short = process.argv.includes('--short');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const bad = only?.filter((p) => !(PAGE_PARTS as readonly string[]).includes(p)) ?? [];
  if (bad.length) throw new Error(`unknown part ${bad.join(', ')}; the parts: ${PAGE_PARTS.join(', ')}`);
  const parts = new Set(PAGE_PARTS.filter((p) => !only || only.includes(p)));
  const page = await measurePage(short ? PAGE_SHORT : PAGE_FULL, (line) => console.log(`  ${line}`), parts);
  console.log('\n' + consoleTable(pageRows(page)) + '\n');
  const out = join(tmpdir(), `bench-page-${short ? 'short' : 'full'}.json`);
  writeFileSync(out, JSON.stringify(page, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  console.log(`page report: ${out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
