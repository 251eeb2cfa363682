import { describe, expect, it } from 'vitest';
import { pageRows } from '../../bench/figures';
import { PAGE_FULL } from '../../bench/options';
import { DRAG_KEYS, holdQuery, type DragFigures, type DragKey, type PageFigures, type StreamFigures, type WindowFigures } from '../../bench/page';
import { pageText } from '../../bench/readme-table';
import type { SessionRate } from '../../bench/session-rate';

// The page's rows from made-up measurements: every figure README "Performance" reports is there
// with its target, a window that did not measure a streaming run is not passed off as
// one, throughput divides the page's rate by the ensemble's in Node, and a drag is
// judged on the moves the page accepted, not those sent.

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
  control: 'eta',
  accepted: { moves: 150, perSecond: 30, inputs: 150, cornerChanges: 140 },
  inp: { worstMs: 72, worstName: 'input', events: 9 },
  starts: { before: 1, after: 41 },
};
const smooth: DragFigures = {
  ...drag,
  control: 'corner',
  intervalMs: { p50: 16.7, p95: 16.9, max: 17 },
  longTasks: { count: 0, maxMs: 0 },
  accepted: { moves: 298, perSecond: 59.6, inputs: 0, cornerChanges: 290 },
  inp: { worstMs: null, worstName: null, events: 0 },
};
const held: DragFigures = { ...drag, control: 'keys', moves: 90, accepted: { moves: 90, perSecond: 30, inputs: 0, cornerChanges: 90 }, eta: [0.001, 5.3] };

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
    drag: Object.fromEntries(DRAG_KEYS.map((k) => [k, k === 'cornerToy' ? smooth : drag])) as Record<DragKey, DragFigures>,
    hold: held,
    manyRuns: { query: '?', ...win({ intervalMs: { p50: 16.7, p95: 30, max: 45 } }) },
    compared: { query: '?', ...win({ intervalMs: { p50: 16.7, p95: 25, max: 40 } }) },
    firstPointMs: { median: 30, min: 20, max: 80, samples: [20, 25, 30, 30, 30, 30, 30, 30, 30, 30, 35, 80] },
    stepPointMs: { median: 20, min: 15, max: 25, samples: [15, 16, 17, 18, 19, 20, 20, 21, 22, 23, 24, 25] },
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
        expect(byId.get(`page.stream.${k}.${w}.p95`)?.target?.value).toBe(17);
        expect(byId.get(`page.stream.${k}.${w}.longTasks`)?.target?.value).toBe(0);
      }
      expect(byId.get(`page.throughput.${k}`)?.target).toMatchObject({ op: '>=', value: 0.5 });
      expect(byId.has(`page.stream.${k}.growth`)).toBe(true);
    }
    // η and B on both streams, the corner on both, η with two configurations
    expect(DRAG_KEYS).toEqual(['etaToy', 'etaCircle', 'batchToy', 'batchCircle', 'cornerToy', 'cornerCircle', 'etaCompared']);
    for (const k of DRAG_KEYS) {
      expect(byId.get(`page.drag.${k}.p95`)?.target).toMatchObject({ op: '<=', value: 17 });
      expect(byId.get(`page.drag.${k}.longTasks`)?.target).toMatchObject({ op: '<=', value: 0 });
      expect(byId.get(`page.drag.${k}.moves`)?.target).toMatchObject({ op: '>=', value: 50 });
      expect(byId.get(`page.drag.${k}.inp`)?.target).toMatchObject({ op: '<=', value: 50 });
    }
    expect(byId.get('page.drag.batchCircle.p95')?.label).toContain('B slider');
    expect(byId.get('page.drag.cornerToy.p95')?.label).toContain('corner');
    expect(byId.get('page.drag.etaCompared.p95')?.label).toContain('compare=B:16');
    // ↑ held: the frame target only
    expect(byId.get('page.hold.p95')?.target?.value).toBe(17);
    expect(byId.get('page.hold.longTasks')?.target).toBeUndefined();
    expect(byId.get('page.hold.moves')?.target).toBeUndefined();
    expect(byId.get('page.manyRuns.p95')?.target?.value).toBe(33);
    expect(byId.get('page.compared.p95')?.target?.value).toBe(17);
    expect(byId.get('page.firstPoint')?.target?.value).toBe(33);
    expect(byId.get('page.firstPoint.step')?.target?.value).toBe(33);
  });

  it('judges a drag on the moves the page accepted, its worst event and its starts', () => {
    // 300 moves sent, 150 accepted: 30/s, not 60
    expect(byId.get('page.drag.etaToy.moves')).toMatchObject({ value: 30, met: false });
    expect(byId.get('page.drag.etaToy.moves')!.note).toContain('300 mouse moves sent');
    expect(byId.get('page.drag.etaToy.inp')).toMatchObject({ value: 72, met: false });
    expect(byId.get('page.drag.etaToy.inp')!.note).toContain('input');
    expect(byId.get('page.drag.etaToy.p95')!.note).toContain('40 starts sent to the worker');
    expect(byId.get('page.drag.cornerToy.p95')).toMatchObject({ value: 16.9, met: true });
    expect(byId.get('page.drag.cornerToy.longTasks')).toMatchObject({ value: 0, met: true });
    expect(byId.get('page.drag.cornerToy.moves')).toMatchObject({ value: 59.6, met: true });
    // no event reached the observer's 16 ms threshold
    expect(byId.get('page.drag.cornerToy.inp')).toMatchObject({ display: '< 16 ms', met: true });
    expect(byId.get('page.hold.p95')!.note).toContain('90 key presses sent');
    expect(byId.get('page.hold.p95')!.note).toContain('η 0.001 → 5.3');
    expect(byId.get('page.firstPoint.step')).toMatchObject({ met: true });
  });

  it('holds ↑ from an η that the presses carry up to about 2', () => {
    expect(holdQuery(1)).toContain('eta=0.1146');
    expect(holdQuery(3)).toContain('eta=0.001&');
  });

  it('marks the figures a report from before the drag figures lacks as not measured', () => {
    const old = figures(win({ startS: 20 }));
    const r = pageRows({ ...old, drag: { toy: drag, circle: drag } as unknown as PageFigures['drag'], hold: undefined as unknown as PageFigures['hold'], stepPointMs: undefined });
    const f = (id: string) => r.find((x) => x.id === id)!;
    expect(f('page.drag.etaToy.p95').display).toContain('not measured');
    expect(f('page.hold.p95').display).toContain('not measured');
    expect(f('page.firstPoint.step').display).toContain('not measured');
  });

  it('reads the values: p95s, the ratio late ÷ early, the first point p95, throughput against the ensemble', () => {
    expect(byId.get('page.stream.toy.early.p95')).toMatchObject({ value: 18, met: false });
    expect(byId.get('page.stream.toy.early.longTasks')).toMatchObject({ value: 0, met: true });
    expect(byId.get('page.stream.circle.late.p95')).toMatchObject({ value: 36, met: false });
    expect(byId.get('page.stream.circle.growth')?.value).toBe(2);
    expect(byId.get('page.stream.circle.growth')?.note).toContain('2×');
    expect(byId.get('page.drag.etaToy.p95')).toMatchObject({ value: 25, met: false });
    expect(byId.get('page.manyRuns.p95')).toMatchObject({ value: 30, met: true });
    // two configurations streaming are held to the single stream's 17 ms
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
    expect(text).toContain('B slider');
    expect(text).toContain('compare=B:16');
    expect(text).toContain('↑ is held down for 3 s');
    expect(text).toContain('Event Timing');
    expect(pageText({ skipped: 'no Chromium' })).toBe('');
  });
});
