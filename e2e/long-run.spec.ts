import { expect, test } from './fixtures';

/**
 * A long run's frames do not get dearer with t (README "What we promise"): in one page, the
 * render loop's drawing time per frame late in a streaming 200-run × 10⁷-step
 * toy run is compared with the same early on, as a ratio. This is work per
 * frame counted by the page (`window.explorer.render`), not a speed threshold:
 * a view that redraws its whole history each frame grows with t and fails.
 */
// At 400 000 steps a second the run lasts 25 s on any machine: the WebAssembly step finishes an
// unthrottled 10⁷ steps before the late window (about 12 s here), and a finished run draws nothing.
const QUERY = 'problem=toy&eta=0.7&B=1&runs=200&steps=10000000&seed=3&speed=400000';
/** Windows in seconds after the run is first seen streaming. */
const EARLY = [1, 4] as const;
const LATE = [12, 15] as const;
/** Late work per frame ÷ early: "does not grow", with room for a shared machine's noise. */
const MAX_RATIO = 2;
/**
 * Below this, early work per frame is taken as this: a frame of a few tenths of a
 * millisecond doubles with one garbage collection. A view that redraws its
 * growing history goes from milliseconds to tens of them and still fails.
 */
const FLOOR_MS = 1;

interface Sample {
  at: number;
  frames: number;
  workMs: number;
  t: number;
  state: string;
}

test('a 200-run × 10⁷-step run: the drawing work per frame late in the run is not more than twice that early on', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/?${QUERY}`);
  const status = page.getByTestId('status-line');
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => typeof window.explorer?.render), { message: 'window.explorer.render exists', timeout: 30_000 }).toBe('object');

  // Sampled inside the page at fixed times after this point, so Playwright's round trips do not shift the windows.
  const marks = [EARLY[0], EARLY[1], LATE[0], LATE[1]];
  const samples: Sample[] = await page.evaluate(
    (at) =>
      new Promise<Sample[]>((resolve) => {
        const s = document.querySelector('[data-testid=status-line]')!;
        const t0 = performance.now();
        const out: Sample[] = [];
        const take = () => {
          const r = window.explorer!.render;
          out.push({ at: (performance.now() - t0) / 1000, frames: r.frames, workMs: r.workMs, t: Number(s.getAttribute('data-t')), state: s.getAttribute('data-state') ?? '' });
          if (out.length === at.length) resolve(out);
        };
        for (const sec of at) setTimeout(take, sec * 1000);
      }),
    marks,
  );

  const [e0, e1, l0, l1] = samples;
  // Both windows measure a run that is streaming: running, t moving on.
  for (const s of samples) expect(s.state, `state at ${s.at.toFixed(1)} s`).toBe('running');
  expect(e1.t, 't advances in the early window').toBeGreaterThan(e0.t);
  expect(l1.t, 't advances in the late window').toBeGreaterThan(l0.t);
  expect(l0.t, 'the late window is further into the run').toBeGreaterThan(e1.t);

  const early = { frames: e1.frames - e0.frames, workMs: e1.workMs - e0.workMs };
  const late = { frames: l1.frames - l0.frames, workMs: l1.workMs - l0.workMs };
  const perEarly = early.workMs / early.frames;
  const perLate = late.workMs / late.frames;
  const ratio = perLate / Math.max(perEarly, FLOOR_MS);
  const account = `early (t ${e0.t}–${e1.t}): ${perEarly.toFixed(2)} ms over ${early.frames} frames; late (t ${l0.t}–${l1.t}): ${perLate.toFixed(2)} ms over ${late.frames} frames; ratio ${ratio.toFixed(2)}`;
  test.info().annotations.push({ type: 'render work per frame', description: account });
  console.log(`render work per frame: ${account}`);
  // Enough frames in each window for a per-frame figure (3 s at even 2 frames a second).
  expect(early.frames, 'frames drawn in the early window').toBeGreaterThanOrEqual(6);
  expect(late.frames, 'frames drawn in the late window').toBeGreaterThanOrEqual(6);
  expect(early.workMs, 'drawing work is counted').toBeGreaterThan(0);
  expect(ratio, `late work per frame ÷ early (early taken as at least ${FLOOR_MS} ms)`).toBeLessThanOrEqual(MAX_RATIO);
});
