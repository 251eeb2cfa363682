/**
 * The page, measured in headless Chromium on the production build with every
 * live view shown (README "Performance"): first paint of the
 * diagram; two 200-run × 10⁷-step streams (the toy and circle Model 1), each
 * measured in a window early and late in the same run, with no input; the same
 * streams while the η slider is dragged by mouse moves; a 1000-run stream; the
 * parameter change (η box + Enter) to the first point of the new run; the
 * page's run-steps per second against the same configuration stepped in Node;
 * and the main-thread heap over a 10⁷-step run.
 *
 * The drag gesture (README "Performance"): mouse moves issued at 60 a
 * second on the η slider and the B slider of both streams, on the rectangle's
 * corner in the diagram, and on the η slider with two configurations streaming
 * (`compare=B:16`); ↑ held down on the page (key repeat at 30 a second); the first
 * point of a new run after a keyboard step of the η slider. Moves and key presses are
 * issued on the clock, without waiting for the page's answer to the previous one (a
 * mouse does not wait for the page). Each drag reports the moves the page accepted (pointermove events it dispatched, counted in the page,
 * so a blocked page cannot hide behind a slow driver), its worst event by the
 * Event Timing API (its Interaction to Next Paint), and the starts the page sent
 * the worker (window.explorer.sim.starts) before and after it.
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
import type { ExplorerHooks } from '../src/ui/explorer-hooks';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/find-chromium.mjs';
import { measureBundle, type BundleFigures } from './bundle';
import { measureClip, clipLine, type ClipFile } from './clip';
import { CLIP_FULL, PAGE_FULL, PAGE_SHORT, type PageSizes, type PageWindow } from './options';
import { measurePresenter, type PresenterFigures } from './presenter';
import { buildProduction, startPreview } from './preview-server';
import { ensembleRate, sessionRate, type SessionRate } from './session-rate';
import { quantile, stat, type Skipped, type Stat } from './stat';

export const SELECTORS = {
  diagram: '[data-testid="stability-diagram"]',
  etaSlider: '[data-testid="eta-slider"]',
  etaInput: '[data-testid="eta-input"]',
  corner: '[data-testid="rect-corner"]',
  batchSlider: '[data-testid="batch-slider"]',
  status: '[data-testid="status-line"]',
} as const;

/** The streams README "Performance" measures: long enough to be running at every window. */
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
   * A network training in the live tab: the default network (digits, 50 samples, 64–32–10, tanh,
   * d = 2,410; GD and 4 SGD runs from one initialisation, as bench/network.ts) with steps enough
   * to train for the whole window (the default 2,000 end in about 3 s).
   */
  network: '?problem=mlp&steps=40000',
  /**
   * GD on the same network in the page's worker, to step 1,320: where bench/network.ts's GD run
   * (problem=mlp&opt=gd) first has a training loss under 1e-4 in Node (checked every 10 steps).
   */
  networkGd: '?problem=mlp&opt=gd&steps=1320',
  /**
   * Large models against the toy, each in a fresh page from navigation to its first streamed
   * point: the toy (the reference), the diagonal network at its largest (n = 200, k = 500,
   * 1,000 weights), the random quadratic at d = 30, and random features at their largest.
   */
  large: {
    toy: '?problem=toy&eta=0.7&B=1',
    dln: '?problem=dln&n=200&width=500',
    random: '?problem=random&d=30',
    features: '?problem=features&n=200&width=1000',
  },
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
/** The η factor of one ↑ press (src/ui/shell/keyboard.ts's ETA_KEY_FACTOR, not imported: it would pull the UI into Node). */
const ETA_KEY_FACTOR = 1.1;
/** Key repeat while ↑ is held, a second. */
const KEY_REPEAT_PER_S = 30;
/** Mouse moves a second while dragging. */
const MOVES_PER_S = 60;

/** What a drag moves: a slider, the rectangle's corner on the diagram, or η by the ↑ key held down. */
export type DragControl = 'eta' | 'batch' | 'corner' | 'keys';

/** The drags README "Performance" reports: which stream, what is dragged, and the part of the page run (`--only=`) that measures it. */
export const DRAGS = {
  etaToy: { label: 'toy, 200 runs × 10⁷ steps, η slider dragged', query: STREAMS.toy.query, control: 'eta', part: 'drag' },
  etaCircle: { label: 'circle Model 1, 200 runs × 10⁷ steps, η slider dragged', query: STREAMS.circle.query, control: 'eta', part: 'drag' },
  batchToy: { label: 'toy, 200 runs × 10⁷ steps, B slider dragged', query: STREAMS.toy.query, control: 'batch', part: 'dragB' },
  batchCircle: { label: 'circle Model 1, 200 runs × 10⁷ steps, B slider dragged', query: STREAMS.circle.query, control: 'batch', part: 'dragB' },
  cornerToy: { label: "toy, 200 runs × 10⁷ steps, the rectangle's corner dragged on the diagram", query: STREAMS.toy.query, control: 'corner', part: 'corner' },
  cornerCircle: { label: "circle Model 1, 200 runs × 10⁷ steps, the rectangle's corner dragged on the diagram", query: STREAMS.circle.query, control: 'corner', part: 'corner' },
  etaCompared: { label: 'toy, two configurations of 200 runs × 10⁷ steps (compare=B:16), η slider dragged', query: PAGE_QUERIES.compared, control: 'eta', part: 'dragCompare' },
} as const satisfies Record<string, { label: string; query: string; control: DragControl; part: string }>;
export type DragKey = keyof typeof DRAGS;
export const DRAG_KEYS = Object.keys(DRAGS) as DragKey[];

/**
 * The toy stream for ↑ held down for `seconds`: η starts where the presses would end
 * near 2 (each multiplies η by 1.1), but not below 10⁻³; 3 s of presses (90) span a
 * factor of 5,300, so the README's hold starts at 10⁻³ and ends near 5, past the toy's
 * threshold at 2. (↑ itself has no floor, only ↓: starting lower would keep the hold
 * below the threshold; the README's figures were measured from 10⁻³.)
 */
export function holdQuery(seconds: number): string {
  const eta0 = Math.max(1e-3, Number((DRAG_ETA.hi / ETA_KEY_FACTOR ** (KEY_REPEAT_PER_S * seconds)).toPrecision(4)));
  return STREAMS.toy.query.replace('eta=0.7', `eta=${eta0}`);
}

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

/** The worst event of a gesture by the Event Timing API (durationThreshold 16 ms): its Interaction to Next Paint. */
export interface EventTimingFigures {
  /** The longest event's duration (input → the next paint after its handlers); null when no event reached 16 ms. */
  worstMs: number | null;
  /** Its type (pointerdown, input, keydown…). */
  worstName: string | null;
  /** Events of 16 ms or more in the gesture. */
  events: number;
}

export interface DragFigures {
  query: string;
  /** What was dragged (absent in reports made before the drag figures: the η slider). */
  control?: DragControl;
  seconds: number;
  /** Mouse moves (key presses for ↑ held) the driver issued. */
  moves: number;
  /**
   * What the page accepted (absent in reports made before the drag figures): the pointermove
   * events (keydowns for ↑ held) it dispatched, a second; slider input events; and the
   * rectangle's corner redrawn with a new η or B.
   */
  accepted?: { moves: number; perSecond: number; inputs: number; cornerChanges: number };
  frames: number;
  intervalMs: Quantiles;
  longTasks: { count: number; maxMs: number };
  /** η-slider input → the first animation frame after the corner's data-eta changed (η drags only; NaN otherwise). */
  repaintMs: Quantiles & { inputs: number; unpainted: number };
  /** The same counted in frames: 1 when the first frame after the input shows the change. */
  repaintFrames: Quantiles;
  profile: Profile;
  /** The status line's state when the drag began (the ensemble should be streaming). */
  stateAtStart: string;
  /** The worst event of the drag (Event Timing API, observer installed just before it). */
  inp?: EventTimingFigures;
  /** window.explorer.sim.starts (starts sent to the worker) before the drag and after it settled; null if the page keeps no count. */
  starts?: { before: number | null; after: number | null };
  /** η at both ends (the η slider's value), for ↑ held. */
  eta?: [number, number];
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
  /** The drags README "Performance" reports (DRAGS): η and B on both streams, the corner, η with two configurations. */
  drag: Record<DragKey, DragFigures | Skipped>;
  /** ↑ held down on the page (key repeat at 30 a second), with the figures of a drag. */
  hold: DragFigures | Skipped;
  manyRuns: (WindowFigures & { query: string }) | Skipped;
  /** Two 200-run configurations streaming (`compare=`), the window of manyRuns. */
  compared: (WindowFigures & { query: string }) | Skipped;
  /** A network training in the live tab (PAGE_QUERIES.network), the window of manyRuns (absent in reports from before it was measured). */
  network?: (WindowFigures & { query: string }) | Skipped;
  /** GD training the default network in the page's worker (PAGE_QUERIES.networkGd), absent in reports from before it was measured. */
  networkGd?: NetworkGdFigures | Skipped;
  /** ms from Enter to the first frame showing the new run, one sample per change. */
  firstPointMs: Stat | Skipped;
  /** ms from a keyboard step of the η slider (→, the keydown event's time) to the first frame showing the new run. Absent in reports made before the drag figures. */
  stepPointMs?: Stat | Skipped;
  throughput: Record<StreamKey, ThroughputFigures | Skipped>;
  heap: HeapFigures | Skipped;
  /** Large models' first streamed point against the toy's (absent in reports from before it was measured). */
  largeStart?: LargeStartFigures | Skipped;
  /** The phase grid opened by a link, from its start to done as the page reports it (absent in reports from before it was measured). */
  phaseGrid?: PhaseGridPageFigures | Skipped;
  /** The 10 s clip of the four views through the page's recorder: the MP4, then the GIF (absent in reports from before it was measured). */
  clip?: ClipFile[] | Skipped;
  /** The projector window's corner after the laptop's during a drag of η (absent in reports from before it was measured). */
  presenter?: PresenterFigures | Skipped;
}

export interface NetworkGdFigures {
  query: string;
  /** From navigation start to the run's end (the status line's data-state = done), one sample per load. */
  seconds: Stat;
  steps: number;
  /** GD's training loss at the end, from the run's summary (the worker's number). */
  finalLoss: number | null;
}

/** Navigation start → the first frame with t > 0 in the store, per model (PAGE_QUERIES.large), one sample per load. */
export type LargeStartFigures = Record<keyof typeof PAGE_QUERIES.large, Stat>;

export interface PhaseGridPageFigures {
  query: string;
  /** The phase view's own wall time of the grid (data-ms), one sample per page load: the grid a link opens starts with the page, so this holds the workers' start and the page's own load. */
  ms: Stat;
  /** Navigation start → the page seen done (the page's load, its first render, then the grid), one sample per load (absent in reports from before it was measured). */
  fromNavigation?: Stat;
  /** The same grid started again by its Start button once the first is done, 3 times per load (absent in reports from before it was measured). */
  again?: Stat;
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
  /** When the page dispatched each pointermove, input (any element) and keydown event. */
  moves: number[];
  anyInputs: number[];
  keys: number[];
  /** When the rectangle's corner was seen with a new data-eta or data-b. */
  cornerChanges: number[];
}

interface Snapshot {
  now: number;
  state: string;
  t: number;
  runs: number;
  shownStepsPerSecond: number | null;
  render: { frames: number; workMs: number } | null;
  /** window.explorer.sim.starts: starts sent to the worker so far. */
  starts: number | null;
  /** The η slider's η (10^value). */
  eta: number;
}

/**
 * In the page, once: every animation frame's timestamp, every long task, and
 * each η-slider input with the first frame after the corner's data-eta changed.
 * Returns the page's clock at installation.
 */
function installRecorder(sel: typeof SELECTORS): number {
  const rec: Recorder = { frames: [], longTasks: [], inputs: [], unpainted: 0, moves: [], anyInputs: [], keys: [], cornerChanges: [] };
  // What the page accepted: the events it dispatched (a busy page coalesces moves, so they are fewer).
  const opts = { capture: true, passive: true };
  addEventListener('pointermove', () => rec.moves.push(performance.now()), opts);
  addEventListener('input', () => rec.anyInputs.push(performance.now()), opts);
  addEventListener('keydown', () => rec.keys.push(performance.now()), opts);
  let cornerWas = '';
  new MutationObserver(() => {
    const c = document.querySelector(sel.corner);
    const now = c ? `${c.getAttribute('data-eta')} ${c.getAttribute('data-b')}` : '';
    if (now !== cornerWas) rec.cornerChanges.push(performance.now());
    cornerWas = now;
  }).observe(document.body, { attributes: true, attributeFilter: ['data-eta', 'data-b'], subtree: true });
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
  const ex: ExplorerHooks | undefined = window.explorer;
  const r = ex?.render;
  const starts = ex?.sim?.starts;
  const etaSlider = document.querySelector(sel.etaSlider) as HTMLInputElement | null;
  const sps = s?.getAttribute('data-steps-per-second');
  return {
    now: performance.now(),
    state: s?.getAttribute('data-state') ?? 'no status line',
    t: Number(s?.getAttribute('data-t') ?? NaN),
    runs: Number(s?.getAttribute('data-runs') ?? NaN),
    shownStepsPerSecond: sps === null || sps === undefined ? null : Number(sps),
    render: r && typeof r.frames === 'number' && typeof r.workMs === 'number' ? { frames: r.frames, workMs: r.workMs } : null,
    starts: typeof starts === 'number' ? starts : null,
    eta: etaSlider ? 10 ** Number(etaSlider.value) : NaN,
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
    moves: rec.moves.filter((t) => t >= args.a && t <= args.b).length,
    anyInputs: rec.anyInputs.filter((t) => t >= args.a && t <= args.b).length,
    keys: rec.keys.filter((t) => t >= args.a && t <= args.b).length,
    cornerChanges: rec.cornerChanges.filter((t) => t >= args.a && t <= args.b).length,
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
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

interface Point {
  x: number;
  y: number;
}

/** Where the mouse goes: the start, and the point at phase 0…1 of the sweep (the drag goes back and forth). */
interface DragPath {
  start: Point;
  phase0: number;
  at(phase: number): Point;
}

/**
 * A range input's sweep between `lo` and `hi` (its own min and max by default), in
 * its value's units. The thumb's centre travels the box less half a thumb at each
 * end; Chromium's default thumb is about 16 px wide.
 */
async function sliderPath(page: Page, sel: string, what: string, lo?: number, hi?: number): Promise<DragPath> {
  await waitFor(page, sel, what);
  const slider = page.locator(sel);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`${what} has no box on screen`);
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  if (!(max > min)) throw new Error(`${what} has no range to drag (min ${min}, max ${max})`);
  const inset = Math.min(8, box.width / 4);
  const xOf = (v: number) => box.x + inset + ((v - min) / (max - min)) * (box.width - 2 * inset);
  const y = box.y + box.height / 2;
  const a = lo ?? min;
  const b = hi ?? max;
  const v0 = Number(await slider.inputValue());
  return { start: { x: xOf(v0), y }, phase0: clamp01((v0 - a) / (b - a)), at: (ph) => ({ x: xOf(a + (b - a) * ph), y }) };
}

/**
 * The rectangle's corner, from where it is halfway towards the diagram's bottom left
 * and back: larger η (a = 2/η left) and a lower rectangle (larger B) together.
 */
async function cornerPath(page: Page): Promise<DragPath> {
  await waitFor(page, SELECTORS.corner, "the rectangle's corner");
  const corner = page.locator(SELECTORS.corner);
  await corner.scrollIntoViewIfNeeded();
  const c = await corner.boundingBox();
  const d = await page.locator(SELECTORS.diagram).boundingBox();
  if (!c || !d) throw new Error("the rectangle's corner or the diagram has no box on screen");
  const p0 = { x: c.x + c.width / 2, y: c.y + c.height / 2 };
  const p1 = { x: p0.x - 0.5 * Math.max(0, p0.x - d.x), y: p0.y + 0.5 * Math.max(0, d.y + d.height - p0.y) };
  return { start: p0, phase0: 0, at: (ph) => ({ x: p0.x + (p1.x - p0.x) * ph, y: p0.y + (p1.y - p0.y) * ph }) };
}

async function pathOf(page: Page, control: Exclude<DragControl, 'keys'>): Promise<DragPath> {
  if (control === 'eta') return sliderPath(page, SELECTORS.etaSlider, 'the η slider', Math.log10(DRAG_ETA.lo), Math.log10(DRAG_ETA.hi));
  if (control === 'batch') return sliderPath(page, SELECTORS.batchSlider, 'the B slider');
  return cornerPath(page);
}

/** In the page: an Event Timing observer (durationThreshold 16 ms, buffered) for the gesture to come; the page's clock. */
function installEventTiming(): number {
  type Rec = { entries: Array<{ name: string; start: number; duration: number }>; observer: PerformanceObserver };
  const w = window as unknown as { benchEvents?: Rec };
  w.benchEvents?.observer.disconnect();
  const entries: Rec['entries'] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ name: e.name, start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
  w.benchEvents = { entries, observer };
  return performance.now();
}

/** In the page: the worst event since `since` (the buffered entries from before are left out). */
function readEventTiming(since: number): EventTimingFigures {
  const rec = (window as unknown as { benchEvents?: { entries: Array<{ name: string; start: number; duration: number }>; observer: PerformanceObserver } }).benchEvents;
  if (!rec) throw new Error('no Event Timing observer in the page');
  const mine = rec.entries.filter((e) => e.start >= since);
  const worst = mine.reduce<(typeof mine)[number] | null>((w, e) => (w === null || e.duration > w.duration ? e : w), null);
  return { worstMs: worst?.duration ?? null, worstName: worst?.name ?? null, events: mine.length };
}

/**
 * The figures of one gesture on a streaming page: `drive` issues it for `seconds`
 * (returning how many moves or presses it sent) and `release` lets go. Frames, long
 * tasks, the moves the page accepted, the η-slider repaints, the profile, the worst
 * event and the starts sent to the worker.
 */
async function measureGesture(
  page: Page,
  cdp: CDPSession,
  query: string,
  control: DragControl,
  seconds: number,
  press: () => Promise<void>,
  drive: (until: number) => Promise<number>,
  release: () => Promise<void>,
): Promise<DragFigures> {
  const since = await page.evaluate(installEventTiming);
  const before = await page.evaluate(snapshot, SELECTORS);
  await press();
  const m0 = await cdpMetrics(cdp);
  const s0 = await page.evaluate(snapshot, SELECTORS);
  const moves = await drive(Date.now() + seconds * 1000);
  const m1 = await cdpMetrics(cdp);
  const s1 = await page.evaluate(snapshot, SELECTORS);
  await release();
  // Let the last input land (and the Event Timing entries arrive) before reading.
  await page.waitForTimeout(300);
  const s2 = await page.evaluate(snapshot, SELECTORS);
  const r = await page.evaluate(sliceRecord, { a: s0.now, b: s1.now, c: s1.now + 300 });
  const inp = await page.evaluate(readEventTiming, since);
  const latencies = r.inputs.map((x) => x.painted - x.t0);
  // Frames from the input to its repaint: 1 when the first frame that could show it does. A
  // mouse move is handled at the start of a frame, and that same frame may show it (no frame
  // began between handling and painting): also 1.
  const late = r.inputs.map((x) => Math.max(1, r.allFrames.filter((ts) => ts > x.seen && ts <= x.painted).length));
  const secs = (s1.now - s0.now) / 1000;
  const accepted = control === 'keys' ? r.keys : r.moves;
  return {
    query,
    control,
    seconds: secs,
    moves,
    accepted: { moves: accepted, perSecond: accepted / secs, inputs: r.anyInputs, cornerChanges: r.cornerChanges },
    frames: r.frames.length,
    intervalMs: quantiles(diffs(r.frames)),
    longTasks: longOf(r.longTasks),
    repaintMs: { ...quantiles(latencies), inputs: latencies.length + r.unpainted, unpainted: r.unpainted },
    repaintFrames: quantiles(late),
    profile: profileOf(m0, m1, secs),
    stateAtStart: s0.state,
    inp,
    starts: { before: before.starts, after: s2.starts },
    eta: [before.eta, s2.eta],
  };
}

/**
 * A drag (DRAGS) on its stream, 2 s in: real mouse moves at 60 a second for
 * `seconds`, sweeping the control back and forth (η between 0.2 and 2; B over its
 * whole range; the corner halfway to the diagram's bottom left), two seconds a way.
 */
async function drag(browser: Browser, base: string, key: DragKey, seconds: number): Promise<DragFigures> {
  const spec = DRAGS[key];
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const t0 = await openStream(page, cdp, base + spec.query);
    await waitFor(page, SELECTORS.corner, "the rectangle's corner");
    await page.evaluate(sleepUntil, t0 + 2000);
    const path = await pathOf(page, spec.control);
    let phase = path.phase0;
    let dir = phase >= 1 ? -1 : 1;
    return measureGesture(
      page,
      cdp,
      spec.query,
      spec.control,
      seconds,
      async () => {
        await page.mouse.move(path.start.x, path.start.y);
        await page.mouse.down();
      },
      async (until) => {
        let moves = 0;
        const sent: Array<Promise<void>> = [];
        const start = Date.now();
        while (Date.now() < until) {
          phase += dir / (2 * MOVES_PER_S);
          if (phase >= 1 || phase <= 0) {
            phase = clamp01(phase);
            dir = -dir;
          }
          const p = path.at(phase);
          // Issued on the clock, not after the page's answer to the last one: a real mouse
          // does not wait for the page, and what the page accepted is counted in the page.
          sent.push(page.mouse.move(p.x, p.y));
          moves++;
          const ahead = start + moves * (1000 / MOVES_PER_S) - Date.now();
          if (ahead > 0) await sleep(ahead);
        }
        await Promise.all(sent);
        return moves;
      },
      () => page.mouse.up(),
    );
  });
}

/**
 * ↑ held down on the page (the focus on its body, not a control) for `seconds`, 2 s
 * into the toy stream of holdQuery: Playwright's keyboard.down repeated at 30 a
 * second sends keydown events with repeat set, as a held key does.
 */
async function hold(browser: Browser, base: string, seconds: number): Promise<DragFigures> {
  const query = holdQuery(seconds);
  return withPage(browser, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    const t0 = await openStream(page, cdp, base + query);
    await page.evaluate(sleepUntil, t0 + 2000);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur?.();
    });
    const focused = await page.evaluate(() => document.activeElement?.tagName ?? 'none');
    if (focused !== 'BODY') throw new Error(`the focus is on ${focused}, not the page's body`);
    return measureGesture(
      page,
      cdp,
      query,
      'keys',
      seconds,
      () => Promise.resolve(),
      async (until) => {
        let presses = 0;
        const start = Date.now();
        const sent: Array<Promise<void>> = [];
        while (Date.now() < until) {
          // On the clock, as a held key repeats whatever the page is doing.
          sent.push(page.keyboard.down('ArrowUp'));
          presses++;
          const ahead = start + presses * (1000 / KEY_REPEAT_PER_S) - Date.now();
          if (ahead > 0) await sleep(ahead);
        }
        await Promise.all(sent);
        return presses;
      },
      () => page.keyboard.up('ArrowUp'),
    );
  });
}

/**
 * In the page: resolve with the ms from the next keydown (its event time, when the key
 * arrived) to the first frame that draws a new run at t > 0, the time taken in a task
 * posted from that frame, so after its rendering. Armed before the key is pressed.
 */
function armFirstPoint(timeout: number): void {
  const sim = window.explorer?.sim;
  const w = window as unknown as { benchPoint: Promise<number> };
  w.benchPoint = new Promise<number>((resolve, reject) => {
    if (!sim) return reject(new Error('window.explorer.sim is missing'));
    const before = sim.current?.id ?? null;
    const channel = new MessageChannel();
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`no new run with t > 0 drawn within ${timeout} ms of the key`));
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
    addEventListener(
      'keydown',
      (e) => {
        t0 = e.timeStamp;
        requestAnimationFrame(frame);
      },
      { capture: true, once: true },
    );
  });
}

/** The η slider focused and stepped by the keyboard (→): ms to the first point of the new run, one sample per step. */
async function stepPoints(browser: Browser, base: string, changes: number): Promise<number[]> {
  return withPage(browser, async (page) => {
    await page.goto(base + STREAMS.toy.query);
    await waitFor(page, SELECTORS.etaSlider, 'the η slider');
    await waitFor(page, `${SELECTORS.status}[data-state="running"]`, 'the status line at data-state="running"', 30_000);
    await page.focus(SELECTORS.etaSlider);
    const out: number[] = [];
    for (let k = 0; k < changes; k++) {
      await page.evaluate(armFirstPoint, 10_000);
      const eta = await page.inputValue(SELECTORS.etaSlider);
      await page.keyboard.press('ArrowRight');
      out.push(await page.evaluate(() => (window as unknown as { benchPoint: Promise<number> }).benchPoint));
      if ((await page.inputValue(SELECTORS.etaSlider)) === eta) throw new Error('→ on the focused η slider did not change its value');
      await page.waitForTimeout(300);
    }
    return out;
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
            const sim = window.explorer?.sim;
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
  // The windows the run streamed through: the toy's 200 × 10⁷ steps, stepped by the WebAssembly
  // kernel, end about 12 s in, before the late window, and its rate is the early window's.
  if (!s.early.streaming) return { skipped: `the run was not streaming in the window ${s.early.startS.toFixed(0)} s in (state ${s.early.state.join(' → ')}, t ${s.early.t.join(' → ')})` };
  const ws = [s.early, s.late].filter((w) => w.streaming);
  const steps = ws.reduce((a, w) => a + w.runStepsPerSecond * w.seconds, 0);
  return steps / ws.reduce((a, w) => a + w.seconds, 0);
}

/**
 * JS heap of the page's main thread after a forced GC (CDP), before and after a
 * 10⁷-step run: the page first runs a 1-step configuration, then the app is sent
 * the 10⁷-step link through history.pushState + popstate (as the Back button
 * would), so "before" is taken before the long run starts.
 */
/** GD on the default network in fresh pages: from navigation start to the end of the run, and its final loss. */
async function networkGdInPage(browser: Browser, base: string, loads: number): Promise<NetworkGdFigures> {
  const samples: number[] = [];
  let steps = 0;
  let finalLoss: number | null = null;
  for (let i = 0; i < loads; i++) {
    await withPage(browser, async (page) => {
      await page.goto(base + PAGE_QUERIES.networkGd);
      await page.waitForSelector(`${SELECTORS.status}[data-state="done"]`, { timeout: 120_000, state: 'attached' });
      const r = await page.evaluate(() => {
        const s = window.explorer?.store.getState();
        return { ms: performance.now(), t: s?.status.t ?? 0, loss: s?.summary?.gd?.finalLoss.mean ?? null };
      });
      samples.push(r.ms / 1000);
      steps = r.t;
      finalLoss = r.loss;
    });
  }
  return { query: PAGE_QUERIES.networkGd, seconds: stat(samples), steps, finalLoss };
}

/**
 * Each model of PAGE_QUERIES.large in fresh pages, the loads interleaved so that a slow moment
 * of the machine falls on all of them alike: navigation start → the first animation frame at
 * which the store holds a streamed step (t > 0).
 */
async function largeStart(browser: Browser, base: string, loads: number): Promise<LargeStartFigures> {
  const keys = Object.keys(PAGE_QUERIES.large) as Array<keyof typeof PAGE_QUERIES.large>;
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<(typeof keys)[number], number[]>;
  for (let i = 0; i < loads; i++) {
    for (const k of keys) {
      await withPage(browser, async (page) => {
        await page.goto(base + PAGE_QUERIES.large[k]);
        const at = await page.waitForFunction(() => ((window.explorer?.store.getState().status.t ?? 0) > 0 ? performance.now() : false), undefined, { polling: 'raf', timeout: 60_000 });
        samples[k].push((await at.jsonValue()) as number);
      });
    }
  }
  return Object.fromEntries(keys.map((k) => [k, stat(samples[k])])) as LargeStartFigures;
}

/** The phase grid in fresh pages: the view starts it on load and reports its wall time when done. */
async function phaseGridInPage(browser: Browser, base: string, loads: number): Promise<PhaseGridPageFigures> {
  const samples: number[] = [];
  const fromNavigation: number[] = [];
  const again: number[] = [];
  let kernel = '';
  let workers = 0;
  for (let i = 0; i < loads; i++) {
    await withPage(browser, async (page) => {
      await page.goto(base + PAGE_QUERIES.phaseGrid);
      const done = page.locator('[data-testid=phase-status][data-state=done]');
      await done.waitFor({ timeout: 300_000 });
      const status = page.getByTestId('phase-status');
      samples.push(Number(await status.getAttribute('data-ms')));
      fromNavigation.push(await page.evaluate(() => performance.now()));
      kernel = (await status.getAttribute('data-kernel')) ?? '';
      workers = Number(/\((\d+) workers?\)/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
      // The same grid from its Start button in the loaded page: the workers are up and nothing else loads.
      for (let k = 0; k < 3; k++) {
        await page.waitForTimeout(500);
        await page.getByTestId('phase-start').click();
        await page.locator('[data-testid=phase-status][data-state=running]').waitFor({ timeout: 10_000 });
        await done.waitFor({ timeout: 300_000 });
        again.push(Number(await status.getAttribute('data-ms')));
      }
    });
  }
  return { query: PAGE_QUERIES.phaseGrid, ms: stat(samples), fromNavigation: stat(fromNavigation), again: stat(again), kernel, workers };
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
const dragLine = (d: DragFigures) => {
  const a = d.accepted;
  const st = d.starts;
  return [
    `${d.moves} ${d.control === 'keys' ? 'presses' : 'moves'} sent`,
    a && `${a.moves} accepted (${a.perSecond.toFixed(0)}/s), ${a.inputs} input events, corner redrawn ${a.cornerChanges}×`,
    `p95 ${fmtMs(d.intervalMs.p95)}`,
    `${d.longTasks.count} long tasks`,
    d.inp && `worst event ${d.inp.worstMs === null ? '< 16 ms' : `${fmtMs(d.inp.worstMs)} (${d.inp.worstName})`}`,
    st && `starts ${st.before} → ${st.after}`,
    d.repaintMs.inputs > 0 && `repaint p95 ${fmtMs(d.repaintMs.p95)}`,
  ]
    .filter(Boolean)
    .join(', ');
};
const windowLine = (w: WindowFigures) =>
  `${w.startS.toFixed(0)}–${(w.startS + w.seconds).toFixed(0)} s: p50 ${fmtMs(w.intervalMs.p50)}, p95 ${fmtMs(w.intervalMs.p95)}, ${w.longTasks.count} long tasks, ${(w.runStepsPerSecond / 1e6).toFixed(1)} M run-steps/s${w.streaming ? '' : ' (NOT streaming)'}, script ${w.profile.scriptMsPerS.toFixed(0)} ms/s, layout ${w.profile.layoutMsPerS.toFixed(0)} ms/s`;

/** The parts of the page's measurement, to run some alone (`bench/page.ts --only=stream,first`). */
export const PAGE_PARTS = ['node', 'paint', 'stream', 'drag', 'dragB', 'corner', 'dragCompare', 'hold', 'many', 'compare', 'network', 'networkGd', 'large', 'first', 'step', 'heap', 'phase', 'presenter', 'clip'] as const;
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
      drag: Object.fromEntries(DRAG_KEYS.map((k) => [k, s])) as PageFigures['drag'],
      hold: s,
      manyRuns: s,
      compared: s,
      network: s,
      networkGd: s,
      firstPointMs: s,
      stepPointMs: s,
      throughput: both(() => s),
      heap: s,
      largeStart: s,
      phaseGrid: s,
      clip: s,
      presenter: s,
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
    const dragOne = async (k: DragKey) => {
      drags[k] = await run(DRAGS[k].part, DRAGS[k].label, () => drag(b, base, k, sizes.dragSeconds));
      const d = drags[k];
      if ('moves' in d) log(`page: ${DRAGS[k].label}: ${dragLine(d)}`);
    };
    // Each stream, then its drags: η, then B.
    for (const k of STREAM_KEYS) {
      streams[k] = await run('stream', `${k} stream`, () => stream(b, base, k, sizes));
      const s = streams[k];
      if ('early' in s) for (const w of [s.early, s.late]) log(`page: ${STREAMS[k].label} stream ${windowLine(w)}`);
      for (const d of DRAG_KEYS) if (DRAGS[d].query === STREAMS[k].query && DRAGS[d].control !== 'corner') await dragOne(d);
    }
    for (const d of DRAG_KEYS) if (!(d in drags)) await dragOne(d);
    const holdSeconds = sizes.holdSeconds ?? 3;
    const held = await run('hold', '↑ held down', () => hold(b, base, holdSeconds));
    if ('moves' in held) log(`page: ↑ held down for ${holdSeconds} s (η ${held.eta?.map((e) => e.toPrecision(3)).join(' → ')}): ${dragLine(held)}`);
    const many = await run('many', '1000 runs', () => oneWindow(b, base, PAGE_QUERIES.manyRuns, sizes.manyRuns));
    if ('frames' in many) log(`page: 1000 runs ${windowLine(many)}`);
    const compared = await run('compare', 'two 200-run configurations', () => oneWindow(b, base, PAGE_QUERIES.compared, sizes.manyRuns));
    if ('frames' in compared) log(`page: two 200-run configurations ${windowLine(compared)}`);
    const network = await run('network', 'a network training', () => oneWindow(b, base, PAGE_QUERIES.network, sizes.manyRuns));
    if ('frames' in network) log(`page: a network training ${windowLine(network)}`);
    const networkGd = await run('networkGd', 'GD training a network', () => networkGdInPage(b, base, sizes.loads));
    if ('steps' in networkGd) log(`page: GD on the default network, ${networkGd.steps} steps in the page's worker: ${networkGd.seconds.median.toFixed(2)} s from load, final loss ${networkGd.finalLoss?.toExponential(3)}`);
    const large = await run('large', 'large models against the toy', () => largeStart(b, base, sizes.loads));
    if (!('skipped' in large)) log(`page: first streamed point from navigation, medians: ${Object.entries(large).map(([k, v]) => `${k} ${v.median.toFixed(0)} ms (${v.samples.map((x) => x.toFixed(0)).join(' ')})`).join(', ')}`);
    const points = await run('first', 'first new point', () => firstPoints(b, base, sizes.changes));
    const firstPointMs = Array.isArray(points) ? stat(points) : points;
    if ('median' in firstPointMs) log(`page: first point of a new run (η box + Enter): median ${firstPointMs.median.toFixed(0)} ms, p95 ${quantile(firstPointMs.samples, 0.95).toFixed(0)} ms`);
    const steps = await run('step', 'first new point after a keyboard step', () => stepPoints(b, base, sizes.changes));
    const stepPointMs = Array.isArray(steps) ? stat(steps) : steps;
    if ('median' in stepPointMs) log(`page: first point of a new run (η slider, →): median ${stepPointMs.median.toFixed(0)} ms, p95 ${quantile(stepPointMs.samples, 0.95).toFixed(0)} ms`);
    const heapFig: HeapFigures | Skipped = sizes.heap ? await run('heap', 'heap', () => heap(b, base)) : { skipped: 'not measured (short page run)' };
    if ('growthMB' in heapFig) log(`page: heap ${heapFig.beforeMB.toFixed(1)} → ${heapFig.afterMB.toFixed(1)} MB over the 10⁷-step run`);

    const phaseGrid = await run('phase', 'phase grid', () => phaseGridInPage(b, base, sizes.loads));
    if ('ms' in phaseGrid) log(`page: phase grid 40 × 40 × 100 × 200 in ${phaseGrid.ms.median.toFixed(0)} ms (${phaseGrid.kernel}, ${phaseGrid.workers} workers)`);

    const presenter = await run('presenter', 'presenter view', () => measurePresenter(b, base));
    if ('lagMs' in presenter) log(`page: presenter view, projector corner after the laptop's: median ${presenter.lagMs.median.toFixed(1)} ms, p95 ${quantile(presenter.lagMs.samples, 0.95).toFixed(1)} ms over ${presenter.lagMs.samples.length} values (${presenter.skipped} passed over for a later one)`);
    const clip = await run('clip', '10 s clip', () => measureClip(b, base, sizes.clip ?? CLIP_FULL));
    if (Array.isArray(clip)) for (const c of clip) log(`page: clip ${clipLine(c)}`);

    const throughput = both((k): ThroughputFigures | Skipped => {
      const s = streams[k];
      const n = node[k];
      if ('skipped' in s) return s;
      if ('skipped' in n) return n;
      const rate = pageRate(s);
      return typeof rate === 'number' ? { pageRunStepsPerSecond: rate, ...n } : rate;
    });
    return { chromium: b.version(), buildSeconds: build.seconds, sizes, bundle, firstPaintMs, firstContentfulPaintMs, stream: streams, drag: drags, hold: held, manyRuns: many, compared, network, networkGd, firstPointMs, stepPointMs, throughput, heap: heapFig, largeStart: large, phaseGrid, clip, presenter };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.stop();
    build.dispose();
  }
}

/**
 * `npx tsx bench/page.ts [--short] [--only=stream,drag,…]`: the page alone (or
 * some of its parts), its rows printed and its report written to the
 * temporary directory. The parts (PAGE_PARTS): node, paint, stream, drag (η on
 * both streams), dragB (B on both streams), corner (the rectangle's corner on
 * both), dragCompare (η with compare=B:16), hold (↑ held down), many, compare,
 * network (a network training in the live tab), networkGd (GD training it in the
 * page's worker), first (η box + Enter), step (→ on the η slider), heap, phase, presenter (the
 * projector window's lag), clip (the 10 s MP4 and GIF). Issue 21's gestures
 * alone: `--only=drag,dragB,corner,dragCompare,hold,first,step`. BENCH_PORT sets
 * the preview server's port.
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
