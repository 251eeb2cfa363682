import { DEFAULT_QUERY as NETWORK_DEFAULT_QUERY, TINY_QUERY as NETWORK_TINY_QUERY } from './network';

/**
 * What one `npm run bench` does: how many repeats, how large each measurement
 * is, and which parts run. `--quick` shrinks everything so the whole thing takes
 * well under a minute (and skips the page); `--no-page` skips the page only.
 */
export interface BenchSizes {
  /** Steps of each engine throughput sample, per problem (SGD and GD). */
  sgdSteps: Record<EngineProblemKey, number>;
  gdSteps: Record<EngineProblemKey, number>;
  /** The quadratic-circle ensemble: runs × steps of SGD. */
  ensembleRuns: number;
  ensembleSteps: number;
  /** NumPy ensembles: runs × steps (the toy's steps; the circle uses the ensemble's size). */
  numpyRuns: number;
  numpyToySteps: number;
  /** The phase grid: η columns × B rows, runs per cell, steps per run. */
  gridEta: number;
  gridB: number;
  gridRuns: number;
  gridSteps: number;
  /** Styblinski–Tang dimension of the minima atlas (2^d minima). */
  atlasD: number;
  /** Dimensions of the random quadratic problems timed for ρ(𝒯) and Patel's bounds. */
  rhoDims: number[];
  /** The network trained and measured by bench/network.ts (a permalink query), and whether the 24-model Fig. 6 sweep runs too. */
  network: { query: string; fig6: boolean };
  /** n of the diagonal linear network whose switch-point theory is timed (issue target at n = 200). */
  switchN: number;
}

/** A stretch of a streaming run: it starts `startS` seconds after the run is first seen running. */
export interface PageWindow {
  startS: number;
  seconds: number;
}

export interface ClipSizes {
  /** The run's steps; MP4 frames are steps/mp4Spf + 1, GIF frames steps/gifSpf + 1. */
  steps: number;
  mp4Spf: number;
  gifSpf: number;
}

/** 3588 steps: 300 frames at 12 steps a frame (10.0 s at 30 fps), 121 at 30 a frame (10.1 s at 12 fps). */
export const CLIP_FULL: ClipSizes = { steps: 3588, mp4Spf: 12, gifSpf: 30 };
export const CLIP_SHORT: ClipSizes = { steps: 40, mp4Spf: 4, gifSpf: 10 };
/** The targets for the 10 s clip: render (Record → file) of the 1080p MP4, and each file's size. */
export const CLIP_TARGETS = { seconds: 10, mp4Bytes: 5e6, gifBytes: 8e6 };

/** How much of the page is measured (README "Performance"). */
export interface PageSizes {
  /** Fresh page loads for the first-paint median. */
  loads: number;
  /** The two windows of each 200-run × 10⁷-step stream, early and late in one run. */
  early: PageWindow;
  late: PageWindow;
  /**
   * Seconds of each drag by mouse moves at 60 a second: the η slider and the
   * B slider on each stream, the rectangle's corner on the diagram, the η slider with
   * two configurations streaming.
   */
  dragSeconds: number;
  /** Seconds ↑ is held down on the page (key repeat at 30 a second). Absent in reports made before it existed. */
  holdSeconds?: number;
  /** The window of the 1000-run stream. */
  manyRuns: PageWindow;
  /** Parameter changes for each first-new-point p95 (from the η box + Enter, and from a keyboard step of the η slider). */
  changes: number;
  /** Seconds of the same configurations stepped in Node, for the throughput ratio. */
  nodeSeconds: number;
  /** The main-thread heap over a 10⁷-step run to its end. */
  heap: boolean;
  /** The clip recorded through the page's recorder (absent in reports made before it was measured: the full clip). */
  clip?: ClipSizes;
}

export const PAGE_FULL: PageSizes = {
  loads: 5,
  early: { startS: 2, seconds: 5 },
  late: { startS: 20, seconds: 5 },
  dragSeconds: 5,
  holdSeconds: 3,
  manyRuns: { startS: 2, seconds: 5 },
  changes: 12,
  nodeSeconds: 5,
  heap: true,
  clip: CLIP_FULL,
};

/** For working on the bench itself: the same measurements, shorter (`--short-page`). */
export const PAGE_SHORT: PageSizes = {
  loads: 1,
  early: { startS: 1, seconds: 2 },
  late: { startS: 5, seconds: 2 },
  dragSeconds: 2,
  holdSeconds: 1,
  manyRuns: { startS: 1, seconds: 2 },
  changes: 10,
  nodeSeconds: 1,
  heap: false,
  clip: CLIP_SHORT,
};

export type EngineProblemKey = 'toy' | 'customToy' | 'quadratic' | 'circle' | 'styblinski';

export interface BenchOptions {
  mode: 'full' | 'quick';
  /** Repeats of each engine and theory measurement (the figure is their median). */
  repeats: number;
  /** Repeats of the slow, whole-problem measurements (atlas, phase grid). */
  slowRepeats: number;
  /** Fresh Node processes the engine is measured in (figures: min / median / max over them). */
  processes: number;
  page: boolean;
  pageSizes: PageSizes;
  /** Where the JSON report goes, relative to the repository root. */
  output: string;
  /** Rewrite the README's bench section from the report afterwards. */
  readme: boolean;
  sizes: BenchSizes;
}

const FULL: BenchSizes = {
  sgdSteps: { toy: 20_000_000, customToy: 2_000_000, quadratic: 10_000_000, circle: 4_000_000, styblinski: 1_000_000 },
  gdSteps: { toy: 20_000_000, customToy: 2_000_000, quadratic: 200_000, circle: 400_000, styblinski: 10_000 },
  ensembleRuns: 1000,
  ensembleSteps: 1000,
  numpyRuns: 1000,
  numpyToySteps: 10_000,
  gridEta: 40,
  gridB: 40,
  gridRuns: 100,
  gridSteps: 200,
  atlasD: 10,
  rhoDims: [2, 10, 30],
  network: { query: NETWORK_DEFAULT_QUERY, fig6: true },
  switchN: 200,
};

const QUICK: BenchSizes = {
  sgdSteps: { toy: 1_000_000, customToy: 100_000, quadratic: 500_000, circle: 200_000, styblinski: 50_000 },
  gdSteps: { toy: 1_000_000, customToy: 100_000, quadratic: 10_000, circle: 20_000, styblinski: 500 },
  ensembleRuns: 1000,
  ensembleSteps: 1000,
  numpyRuns: 1000,
  numpyToySteps: 1000,
  gridEta: 10,
  gridB: 10,
  gridRuns: 20,
  gridSteps: 200,
  atlasD: 6,
  rhoDims: [2, 10, 30],
  network: { query: NETWORK_TINY_QUERY, fig6: false },
  switchN: 40,
};

export const USAGE = `npm run bench [-- --quick] [-- --no-page] [-- --short-page]
  --quick       fewer repeats and smaller sizes (under a minute), no page; writes bench/results/quick.json
  --no-page     skip the Chromium measurements
  --short-page  shorter page windows (for work on the bench): writes bench/results/short-page.json, not the README
The page alone: npx tsx bench/page.ts [--short] [--only=part,…] (the parts: see PAGE_PARTS in bench/page.ts)`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | { error: string } {
  const known = new Set(['--quick', '--no-page', '--short-page', '--help']);
  const bad = argv.filter((a) => !known.has(a));
  if (bad.length > 0 || argv.includes('--help')) return { error: bad.length ? `unknown option ${bad.join(' ')}\n${USAGE}` : USAGE };
  const quick = argv.includes('--quick');
  const short = argv.includes('--short-page');
  return benchOptions(quick ? 'quick' : 'full', { page: !quick && !argv.includes('--no-page'), ...(short ? { pageSizes: PAGE_SHORT, readme: false, output: 'bench/results/short-page.json' } : {}) });
}

export function benchOptions(mode: 'full' | 'quick', over: Partial<BenchOptions> = {}): BenchOptions {
  const quick = mode === 'quick';
  return {
    mode,
    repeats: quick ? 3 : 7,
    slowRepeats: quick ? 1 : 3,
    processes: 5,
    page: !quick,
    pageSizes: PAGE_FULL,
    output: quick ? 'bench/results/quick.json' : 'bench/results/latest.json',
    readme: !quick,
    sizes: quick ? QUICK : FULL,
    ...over,
  };
}
