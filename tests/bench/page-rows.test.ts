import { describe, expect, it } from 'vitest';
import { pageRows } from '../../bench/figures';
import { PAGE_FULL } from '../../bench/options';
import type { DragFigures, PageFigures, StreamFigures, WindowFigures } from '../../bench/page';
import { pageText } from '../../bench/readme-table';
import type { SessionRate } from '../../bench/session-rate';

// The page's rows from made-up measurements: every figure of issue 13 is there with
// its target, a window that did not measure a streaming run is not passed off as one,
// and throughput divides the page's rate by the ensemble's in Node.

const profile = { scriptMsPerS: 100, layoutMsPerS: 20, styleMsPerS: 5, taskMsPerS: 200, layoutsPerS: 60, stylesPerS: 60 };
const win = (over: Partial<WindowFigures> = {}): WindowFigures => ({
  startS: 2,
  seconds: 5,
  frames: 300,
  intervalMs: { p50: 16.7, p95: 18, max: 40 },
  longTasks: { count: 0, maxMs: 0 },
  state: ['running', 'running'],
  t: [1000, 9000],
  streaming: true,
  runStepsPerSecond: 10e6,
  runs: 200,
  shownStepsPerSecond: 50_000,
  profile,
  renderMsPerFrame: 2,
  ...over,
});
const rate = (runStepsPerSecond: number): SessionRate => ({ query: '?', runs: 200, stepsPerSecond: runStepsPerSecond / 200, runStepsPerSecond, seconds: 5, steps: 1, frames: 1 });
const drag: DragFigures = {
  query: '?',
  seconds: 5,
  moves: 300,
  frames: 300,
  intervalMs: { p50: 16.7, p95: 25, max: 60 },
  longTasks: { count: 1, maxMs: 60 },
  repaintMs: { p50: 10, p95: 20, max: 30, inputs: 290, unpainted: 0 },
  repaintFrames: { p50: 1, p95: 1, max: 2 },
  profile,
  stateAtStart: 'running',
};

function figures(toyLate: WindowFigures): PageFigures {
  const toy: StreamFigures = { query: '?', early: win(), late: toyLate };
  const circle: StreamFigures = { query: '?', early: win(), late: win({ startS: 20, intervalMs: { p50: 16.7, p95: 36, max: 50 }, renderMsPerFrame: 4 }) };
  return {
    chromium: '1',
    buildSeconds: 1,
    sizes: PAGE_FULL,
    bundle: { initial: [], initialGzipBytes: 100_000, mathjsInInitial: false, other: [], mathjsChunks: [] },
    firstPaintMs: { median: 900, min: 800, max: 1000, samples: [800, 900, 1000] },
    firstContentfulPaintMs: { skipped: 'none' },
    stream: { toy, circle },
    drag: { toy: drag, circle: drag },
    manyRuns: { query: '?', ...win({ intervalMs: { p50: 16.7, p95: 30, max: 45 } }) },
    compared: { query: '?', ...win({ intervalMs: { p50: 16.7, p95: 25, max: 40 } }) },
    firstPointMs: { median: 30, min: 20, max: 80, samples: [20, 25, 30, 30, 30, 30, 30, 30, 30, 30, 35, 80] },
    throughput: {
      toy: { pageRunStepsPerSecond: 10e6, session: rate(12e6), ensemble: rate(30e6) },
      circle: { skipped: 'the run was not streaming' },
    },
    heap: { beforeMB: 5, afterMB: 6, growthMB: 1, runSeconds: 10 },
  };
}

describe('the page rows of npm run bench', () => {
  const rows = pageRows(figures(win({ startS: 20 })));
  const byId = new Map(rows.map((r) => [r.id, r]));

  it('has every figure of the issue with its target', () => {
    for (const k of ['toy', 'circle']) {
      for (const w of ['early', 'late']) {
        expect(byId.get(`page.stream.${k}.${w}.p95`)?.target?.value).toBe(20);
        expect(byId.get(`page.stream.${k}.${w}.longTasks`)?.target?.value).toBe(0);
      }
      expect(byId.get(`page.drag.${k}.p95`)?.target?.value).toBe(20);
      expect(byId.get(`page.throughput.${k}`)?.target).toMatchObject({ op: '>=', value: 0.5 });
      expect(byId.has(`page.stream.${k}.growth`)).toBe(true);
    }
    expect(byId.get('page.manyRuns.p95')?.target?.value).toBe(33);
    expect(byId.get('page.firstPoint')?.target?.value).toBe(50);
  });

  it('reads the values: p95s, the ratio late ÷ early, the first point p95, throughput against the ensemble', () => {
    expect(byId.get('page.stream.toy.early.p95')).toMatchObject({ value: 18, met: true });
    expect(byId.get('page.stream.circle.late.p95')).toMatchObject({ value: 36, met: false });
    expect(byId.get('page.stream.circle.growth')?.value).toBe(2);
    expect(byId.get('page.stream.circle.growth')?.note).toContain('2×');
    expect(byId.get('page.drag.toy.p95')).toMatchObject({ value: 25, met: false });
    expect(byId.get('page.manyRuns.p95')).toMatchObject({ value: 30, met: true });
    // two configurations streaming are held to the single stream's 20 ms
    expect(byId.get('page.compared.p95')).toMatchObject({ value: 25, met: false });
    // p95 of the 12 samples, not their median
    expect(byId.get('page.firstPoint')!.value!).toBeGreaterThan(35);
    expect(byId.get('page.firstPoint')!.met).toBe(false);
    expect(byId.get('page.throughput.toy')).toMatchObject({ value: 10e6 / 30e6, met: false });
    expect(byId.get('page.throughput.circle')!.display).toContain('skipped');
    // the profile is in the notes, for the figures that miss
    expect(byId.get('page.stream.circle.late.p95')!.note).toMatch(/script 100 ms, layout 20 ms \(60 layouts\), style 5 ms/);
  });

  it('skips a window whose run was not streaming through it, saying why', () => {
    const r = pageRows(figures(win({ startS: 20, state: ['running', 'done'], t: [9e6, 1e7], streaming: false, intervalMs: { p50: 16, p95: 17, max: 17 } })));
    const late = r.find((f) => f.id === 'page.stream.toy.late.p95')!;
    expect(late.value).toBeNull();
    expect(late.met).toBeNull();
    expect(late.display).toContain('not streaming');
    expect(late.display).toContain('running → done');
    expect(r.find((f) => f.id === 'page.stream.toy.growth')!.value).toBeNull();
  });

  it('describes how the page was measured in the README section', () => {
    const text = pageText(figures(win()));
    expect(text).toContain('5 s from 2 s');
    expect(text).toContain('5 s from 20 s');
    expect(text).toContain('p95 of 12 changes');
    expect(pageText({ skipped: 'no Chromium' })).toBe('');
  });
});
