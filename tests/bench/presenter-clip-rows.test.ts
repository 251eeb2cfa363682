import { describe, expect, it } from 'vitest';
import { pageRows } from '../../bench/figures';
import { CLIP_FULL, PAGE_FULL } from '../../bench/options';
import type { PageFigures } from '../../bench/page';
import { presenterLags } from '../../bench/presenter';
import { pageText } from '../../bench/readme-table';

// The presenter view's lag and the 10 s clip reach the page rows (and so the
// README's performance table) with their targets: within 50 ms; ≤ 10 s to
// render the MP4, ≤ 5 MB as MP4, ≤ 8 MB as GIF.

const skipped = { skipped: 'not in this test' };
const base = {
  chromium: '1',
  buildSeconds: 1,
  sizes: PAGE_FULL,
  bundle: { initial: [], initialGzipBytes: 100_000, mathjsInInitial: false, other: [], mathjsChunks: [] },
  firstPaintMs: skipped,
  firstContentfulPaintMs: skipped,
  stream: { toy: skipped, circle: skipped },
  drag: { etaToy: skipped, etaCircle: skipped, batchToy: skipped, batchCircle: skipped, cornerToy: skipped, cornerCircle: skipped, etaCompared: skipped },
  hold: skipped,
  manyRuns: skipped,
  compared: skipped,
  firstPointMs: skipped,
  throughput: { toy: skipped, circle: skipped },
  heap: skipped,
} satisfies PageFigures;

const lags = [4, 5, 6, 8, 10, 12, 14, 20, 30, 70];
const measured: PageFigures = {
  ...base,
  presenter: { shown: 12, lagMs: { median: 11, min: 4, max: 70, samples: lags }, skipped: 2 },
  clip: [
    { format: 'mp4', frames: 300, width: 1920, height: 1080, seconds: 8.5, bytes: 1.2e6 },
    { format: 'gif', frames: 121, width: 960, height: 540, seconds: 12, bytes: 9e6 },
  ],
};

describe('presenterLags(laptop, projector)', () => {
  it('gives, for each value the laptop showed, the ms until the projector showed it, and null for a value it passed over', () => {
    expect(presenterLags([[100, 0.7], [120, 0.8], [140, 0.9]], [[112, 0.7], [150, 0.9]])).toEqual([12, null, 10]);
  });

  it('counts a projector time up to 1 ms before the laptop\'s as 0 (the two windows\' clocks), but not an older one', () => {
    expect(presenterLags([[100, 0.7]], [[99.5, 0.7]])).toEqual([0]);
    expect(presenterLags([[100, 0.7]], [[90, 0.7]])).toEqual([null]);
  });
});

describe('the presenter and clip rows of npm run bench', () => {
  const byId = new Map(pageRows(measured).map((r) => [r.id, r]));

  it('judges the projector\'s lag at its median and p95 against 50 ms', () => {
    expect(byId.get('page.presenter.median')).toMatchObject({ value: 11, met: true, target: { op: '<=', value: 50 } });
    const p95 = byId.get('page.presenter.p95')!;
    expect(p95.value).toBeGreaterThan(50);
    expect(p95.met).toBe(false);
    expect(byId.get('page.presenter.median')!.note).toContain('10 values followed of 12 shown (2 passed over for a later one)');
  });

  it('judges the MP4 on its render time and size and the GIF on its size', () => {
    expect(byId.get('page.clip.mp4.seconds')).toMatchObject({ value: 8.5, met: true, target: { value: 10 }, note: '300 frames at 1920×1080' });
    expect(byId.get('page.clip.mp4.bytes')).toMatchObject({ value: 1.2, met: true, target: { value: 5 } });
    expect(byId.get('page.clip.gif.seconds')).toMatchObject({ value: 12, met: null });
    expect(byId.get('page.clip.gif.bytes')).toMatchObject({ value: 9, met: false, target: { value: 8 } });
  });

  it('marks them not measured in a report from an older bench, and skipped with the reason when they fail', () => {
    const old = new Map(pageRows(base).map((r) => [r.id, r]));
    expect(old.get('page.presenter.p95')!.display).toContain('not measured');
    expect(old.get('page.clip.gif.bytes')!.display).toContain('not measured');
    const failed = new Map(pageRows({ ...base, clip: { skipped: 'no H.264' } }).map((r) => [r.id, r]));
    expect(failed.get('page.clip.mp4.seconds')).toMatchObject({ value: null, met: null, display: 'skipped: no H.264' });
  });

  it('says in the README section how the clip and the presenter were measured', () => {
    const text = pageText(measured);
    expect(text).toContain(`The clip: the toy's four views (${CLIP_FULL.steps} steps)`);
    expect(text).toContain('300 MP4 frames at 30 fps and 121 GIF frames at 12 fps');
    expect(text).toContain('projector window (V)');
  });
});
