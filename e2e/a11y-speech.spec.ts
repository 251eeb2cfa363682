import { simulateQuery } from '../src/core/simulate';
import { expect, openDone, test } from './fixtures';

/**
 * Issue 24, part 3: the diagram speaks. Its polite live region says, in words, what the
 * picture shows — the theory of the start minimum, then what the runs did — and follows
 * η across GD's threshold 2/a and the end of a run.
 */
const TOY = 'problem=toy&B=1&seed=7&runs=40&steps=200';

/** Three significant digits and a true minus, as the labels print them (docs/accessibility.md, rule 4). */
const spoken = (x: number) => String(Number(x.toPrecision(3))).replaceAll('-', '−');

const gdOf = (q: string) => {
  const gd = simulateQuery(q).runs.gd!;
  return gd.diverged > 0 ? `GD diverged at step ${gd.divergedSteps[0]}` : gd.escaped > 0 ? 'GD escaped' : 'GD stayed';
};

test.describe('the diagram’s spoken description', () => {
  test('names the start minimum’s theory, then the finished run’s counts, and follows η across 2/a', async ({ page }) => {
    test.setTimeout(120_000);
    const speech = page.getByTestId('diagram-description');
    const before = `${TOY}&eta=0.9`;
    const cli = simulateQuery(before).runs.sgd!;
    await openDone(page, before);
    await expect(speech).toHaveAttribute('role', 'status');
    await expect(speech).toHaveAttribute('aria-live', 'polite');
    // x* = 1 of Wu's toy has a = 2: at η 0.9 < 2/a = 1 GD is stable there
    await expect(speech).toContainText(/^η 0\.9, B 1: the rectangle reaches sharpness 2\.22 and non-uniformity [\d.]+\. The start minimum x\* = 1 \(a = 2, s = [\d.]+\) is outside the rectangle: unstable for SGD, stable for GD\. /);
    await expect(speech).toContainText(`Measured: ${cli.escaped} of 40 SGD runs escaped by step 200; ${gdOf(before)}.`);
    // the diagram is named and described by it
    const box = page.getByTestId('diagram-box');
    await expect(box).toHaveAttribute('aria-label', /stability diagram/);
    expect(await box.getAttribute('aria-describedby')).toBe(await speech.getAttribute('id'));

    // ↑ twice: η 0.9 → 0.99 → 1.089, across 2/a = 1: GD's verdict changes, said at once
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(/eta=1\.089/);
    await expect(speech).toContainText('η 1.09, B 1: the rectangle reaches sharpness 1.84', { timeout: 10_000 });
    await expect(speech).toContainText('is outside the rectangle: unstable for SGD, unstable for GD.');
    const after = `${TOY}&eta=1.089`;
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const cliAfter = simulateQuery(after).runs.sgd!;
    await expect(speech).toContainText(`Measured: ${cliAfter.escaped} of 40 SGD runs escaped by step 200; ${gdOf(after)}.`, { timeout: 5_000 });
  });

  test('the minima are offered as a table with a, s and each verdict', async ({ page }) => {
    await openDone(page, `${TOY}&eta=0.9`);
    const table = page.getByTestId('diagram-table');
    await expect(table.locator('caption')).toHaveText('The minima on the diagram, theory at η 0.9 and B 1');
    await expect(table.locator('thead th')).toHaveText(['minimum', 'sharpness a', 'non-uniformity s', 'rectangle', 'SGD', 'GD']);
    const start = table.locator('tbody tr', { hasText: 'x* = 1 (start)' });
    await expect(start.locator('td')).toHaveText(['2', /[\d.]+/, 'outside', 'unstable', 'stable']);
  });
});

test.describe('the live views’ spoken descriptions', () => {
  test('the escape burst, the distance chart and the landscape are named groups described in words that follow the run and η', async ({ page }) => {
    test.setTimeout(120_000);
    await openDone(page, `${TOY}&eta=0.9`);
    const described = async (name: RegExp) => {
      const group = page.getByRole('group', { name });
      await expect(group).toHaveCount(1);
      return page.locator(`[id="${await group.getAttribute('aria-describedby')}"]`);
    };
    const burst = await described(/^escape burst/);
    const distance = await described(/^distance from the start minimum/);
    const landscape = await described(/^loss landscape/);
    await expect(burst).toHaveAttribute('role', 'status');
    await expect(burst).toHaveText(/^η 0\.9, B 1: the escape burst, the loss of 40 SGD runs and GD against the step\. Measured: the mean loss went from [\d.e−]+ at step 0 to [\d.e−]+ at step 200[,;]/);
    // the theory's sentence comes before the measurement's, and a finished run says no "so far"
    await expect(distance).toHaveText(/^η 0\.9, B 1: the distance from the start minimum of 40 SGD runs and GD against the step, with the escape radius R = [\d.]+\. Theory: ρ\(𝒯\) = [\d.]+, the mean square distance (growing|shrinking) as ρ\(𝒯\) to the power t(; Lyapunov exponent Λ = [\d.−]+)?\. Measured: the mean distance went from /);
    await expect(landscape).toHaveText(/^η 0\.9, B 1: the loss landscape along x, with \d+ minim(um|a): .*\. Measured: at step 200, SGD’s run 0 is at x = [\d.e−]+ and GD at x = [\d.e−]+\.$/);
    for (const d of [burst, distance]) await expect(d).not.toContainText('so far');
    await page.evaluate(() => window.explorer!.store.getState().setConfig({ eta: 1.089 }));
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    for (const d of [burst, distance, landscape]) await expect(d).toContainText('η 1.09, B 1:', { timeout: 5_000 });
  });
});

test.describe('the charts’ data as tables', () => {
  test('the escape statistics table says the counts the command line prints, beside the theory', async ({ page }) => {
    const q = `${TOY}&eta=0.9`;
    const cli = simulateQuery(q).runs.sgd!;
    await openDone(page, q);
    const table = page.getByTestId('escape-table');
    const row = (head: string) => table.locator(`tr:has(th:text-is("${head}")) td`);
    await expect(row('escaped (measured)')).toHaveText(`${cli.escaped} of 40`);
    await expect(row('diverged (measured)')).toHaveText(String(cli.diverged));
    await expect(table.locator('tr', { hasText: 'from ρ(𝒯) (theory)' })).toHaveCount(1);
  });

  test('the escape burst, the distance chart and the landscape offer their numbers as named tables: the curves the charts draw, the escapes the command line counts, the minima and the runs’ end points', async ({ page }) => {
    test.setTimeout(120_000);
    const q = `${TOY}&eta=0.9`;
    const cli = simulateQuery(q).runs.sgd!;
    await openDone(page, q);
    // what the page's charts draw from: the run's recorded mean curves, run 0's and GD's iterates
    /* oxlint-disable unicorn/consistent-function-scoping -- page.evaluate sends the function's source, not its scope */
    const drawn = await page.evaluate(() => {
      const run = window.explorer!.sim.current!;
      const c = run.sgd!.summaryCurves();
      const last = c.step.length - 1;
      return { step: c.step[last], loss: c.meanLoss[last], dist: c.meanDist[last], run0: run.sgd!.x[0], gd: run.gd!.x[0] };
    });
    /* oxlint-enable unicorn/consistent-function-scoping */
    const burst = page.getByRole('table', { name: /^Escape burst: the loss of 40 SGD runs and GD at η 0\.9 and B 1/ });
    await expect(burst).toHaveCount(1);
    await expect(burst.locator('thead th')).toHaveText(['step', 'SGD mean loss', 'SGD median loss', 'GD loss', 'SGD runs escaped']);
    const burstRows = burst.locator('tbody tr');
    expect(await burstRows.count()).toBeLessThanOrEqual(11);
    await expect(burstRows.first().locator('th')).toHaveText('step 0');
    const lastBurst = burstRows.last();
    await expect(lastBurst.locator('th')).toHaveText(`step ${drawn.step}`);
    await expect(lastBurst.locator('td').nth(0)).toHaveText(spoken(drawn.loss));
    await expect(lastBurst.locator('td').nth(3)).toHaveText(`${cli.escaped} of 40`);

    const distance = page.getByRole('table', { name: /^Distance from the start minimum of 40 SGD runs and GD at η 0\.9 and B 1, by recorded step, escape radius R = / });
    await expect(distance).toHaveCount(1);
    await expect(distance.locator('thead th').nth(4)).toHaveText(/^theory ρ/);
    await expect(distance.locator('tbody tr').last().locator('td').nth(0)).toHaveText(spoken(drawn.dist));

    const landscape = page.getByRole('table', { name: /^Loss landscape over x at η 0\.9 and B 1/ });
    await expect(landscape).toHaveCount(1);
    await expect(landscape.locator('thead th')).toHaveText(['point', 'x', 'status']);
    await expect(landscape.locator('tr', { hasText: 'minimum x* = 1' }).locator('td')).toHaveText(['1', 'unstable for SGD, stable for GD']);
    await expect(landscape.locator('tr', { hasText: 'SGD run 0, at the end, step 200' }).locator('td').first()).toHaveText(spoken(drawn.run0));
    await expect(landscape.locator('tr', { hasText: 'GD, at the end, step 200' }).locator('td').first()).toHaveText(spoken(drawn.gd));
  });

  test('the hidden tables take no room: no live panel scrolls because of them, and none becomes a Tab stop for it', async ({ page }) => {
    await openDone(page, `${TOY}&eta=0.9`);
    await expect(page.getByRole('table', { name: /^Escape burst:/ })).toHaveCount(1);
    await expect(page.getByTestId('escape-table')).toHaveCount(1);
    // a table ignores width, height and overflow: with the hiding class on the table itself it kept
    // its full size, and the landscape, burst, distance and escapes panels scrolled into blank space
    const panels = ['landscape-view', 'burst-view', 'distance-view', 'escape-stats'];
    /* oxlint-disable unicorn/consistent-function-scoping -- page.evaluate sends the function's source, not its scope */
    const overflow = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const body = document.querySelector(`[data-testid="${id}"]`)!.closest('.panel-body')!;
          return { id, over: Math.max(body.scrollWidth - body.clientWidth, body.scrollHeight - body.clientHeight), tab: body.getAttribute('tabindex') };
        }),
      panels,
    );
    /* oxlint-enable unicorn/consistent-function-scoping */
    expect(overflow).toEqual(panels.map((id) => ({ id, over: 0, tab: null })));
  });

  test('while the η slider is held the live tables wait, and the final run’s tables follow its release', async ({ page }) => {
    await openDone(page, `${TOY}&eta=0.9`);
    const burst = page.getByRole('table', { name: /^Escape burst:/ });
    await expect(burst).toHaveCount(1);
    const slider = page.getByTestId('eta-slider');
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2, { steps: 4 });
    // the 200-step runs end at once, but a table of each is not built while the hand is on the slider
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await page.waitForTimeout(300);
    await expect(burst).toHaveCount(0);
    await expect(page.getByTestId('burst-table-pending')).toHaveCount(1);
    await page.mouse.up();
    // the table of the run at the released η, not of the run before the drag
    await expect(page.getByRole('table', { name: /^Escape burst: .* at η (?!0\.9 )[\d.]+ and B 1/ })).toHaveCount(1);
  });

  test('the phase grid’s table holds every computed cell, as the heat map does', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/?problem=toy&tab=phase&grid=3&cellruns=10&steps=100&etamin=0.3&etamax=1.5');
    await expect(page.getByTestId('phase-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    const escaped = (await page.getByTestId('phase-diagram').getAttribute('data-escaped'))!.split(',').map(Number);
    // the toy has n = 2: B is 1 or 2, so 3 η × 2 B cells
    expect(escaped).toHaveLength(6);
    expect(escaped.every((v) => v >= 0)).toBe(true);
    const cells = await page.getByTestId('phase-table').locator('tbody td').allTextContents();
    // the table's rows are the heat map's B in order, its columns the η (cell = row·3 + column)
    expect(cells).toEqual(escaped.map((v) => `${v} of 10`));
    await expect(page.getByTestId('phase-table').locator('tbody th')).toHaveText(['B 1', 'B 2']);
    await expect(page.getByTestId('phase-table').locator('thead th')).toHaveCount(4);
  });
});

test.describe('the audio trace', () => {
  test('rendered offline, its pitch rises where the run’s mean loss rises, with a click at the escapes', async ({ page }) => {
    test.setTimeout(120_000);
    // Wu's toy at η 0.7: SGD leaves x* = 1, its mean loss rising by orders of magnitude
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=400');
    const rate = 8000;
    const out = await page.evaluate(async (sampleRate) => {
      const audio = window.explorer!.audio;
      const plan = audio.plan()!;
      const tone = await audio.renderOffline({ ...plan, clicks: [] }, sampleRate);
      const clicks = await audio.renderOffline({ ...plan, pitch: [] }, sampleRate);
      return { plan, curve: audio.curve()!, tone: Array.from(tone), clicks: Array.from(clicks) };
    }, rate);
    const { plan, curve } = out;
    expect(plan.clicks.length).toBeGreaterThan(0);
    // the pitch heard in windows of 0.2 s, from the rendered samples' zero crossings (to 2.5 Hz)
    const win = 0.2;
    const measured: Array<{ t: number; hz: number }> = [];
    for (let t = 0.05; t + win < plan.duration - 0.05; t += win) {
      const a = Math.round(t * rate);
      const b = Math.round((t + win) * rate);
      let crossings = 0;
      for (let i = a + 1; i < b; i++) if (out.tone[i - 1] < 0 !== out.tone[i] < 0) crossings++;
      measured.push({ t: t + win / 2, hz: crossings / 2 / win });
    }
    // the run's mean loss at a time of the sweep (the steps spread evenly over it), straight from the page's curve
    const kept = curve.step.map((s, i) => ({ s, l: curve.meanLoss[i] })).filter((p) => p.l > 0 && Number.isFinite(p.l));
    const s0 = kept[0].s;
    const span = kept[kept.length - 1].s - s0;
    const lossAt = (t: number) => {
      const s = s0 + (t / plan.duration) * span;
      const j = kept.findIndex((p) => p.s >= s);
      if (j <= 0) return kept[Math.max(j, 0)].l;
      const f = (s - kept[j - 1].s) / (kept[j].s - kept[j - 1].s || 1);
      return Math.exp(Math.log(kept[j - 1].l) + f * (Math.log(kept[j].l) - Math.log(kept[j - 1].l)));
    };
    // the plan's pitch at a time (a linear glide between its points)
    const planned = (t: number) => {
      const p = plan.pitch;
      const j = p.findIndex((q) => q.time >= t);
      if (j <= 0) return p[Math.max(j, 0)].hz;
      const f = (t - p[j - 1].time) / (p[j].time - p[j - 1].time || 1);
      return p[j - 1].hz + f * (p[j].hz - p[j - 1].hz);
    };
    // wherever the mean loss rises a thousandfold or more between two windows, the heard pitch is higher
    let rises = 0;
    for (let i = 0; i < measured.length; i++) {
      for (let j = i + 1; j < measured.length; j++) {
        if (lossAt(measured[j].t) > 1000 * lossAt(measured[i].t)) {
          rises++;
          expect(measured[j].hz, `pitch at ${measured[j].t.toFixed(2)} s above that at ${measured[i].t.toFixed(2)} s`).toBeGreaterThan(measured[i].hz);
        }
      }
    }
    expect(rises, 'pairs of windows across which the mean loss rises a thousandfold').toBeGreaterThan(0);
    // and the heard pitch is the planned one within a tenth
    // (zero crossings count the phase turned, so a window hears the plan's mean frequency over it)
    const plannedMean = (mid: number) => {
      let sum = 0;
      for (let k = 0; k < 40; k++) sum += planned(mid - win / 2 + ((k + 0.5) * win) / 40);
      return sum / 40;
    };
    for (const m of measured) expect(Math.abs(m.hz / plannedMean(m.t) - 1), `pitch at ${m.t.toFixed(2)} s`).toBeLessThan(0.1);
    // each click is heard at its escape's time: sound there, silence half a second before the first
    const energy = (t: number) => {
      let e = 0;
      for (let i = Math.round(t * rate); i < Math.round((t + 0.02) * rate); i++) e += out.clicks[i] ** 2;
      return e;
    };
    expect(energy(plan.clicks[0])).toBeGreaterThan(0.01);
    if (plan.clicks[0] > 0.5) expect(energy(plan.clicks[0] - 0.5)).toBe(0);
  });

  test('the header’s Listen button plays the trace as A does, is pressed while it plays, and the keys dialog names it', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200');
    const listen = page.getByRole('button', { name: 'Listen', exact: true });
    await expect(listen).toBeVisible();
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    await listen.click();
    await expect(page.getByTestId('sound-status')).toContainText('Playing the mean loss as pitch');
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    await listen.click();
    await expect(page.getByTestId('sound-status')).toHaveText('Sound trace stopped.');
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toContainText('“Listen” button');
  });

  test('the header’s Mute button mutes as M does, is pressed while muted, and the keys dialog names it', async ({ page }) => {
    test.setTimeout(120_000);
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200');
    const mute = page.getByRole('button', { name: 'Mute', exact: true });
    const status = page.getByTestId('sound-status');
    await expect(mute).toBeVisible();
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect(status).toContainText('Playing the mean loss as pitch');
    await mute.click();
    await expect(status).toHaveText('Sound muted.');
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Listen', exact: true })).toHaveAttribute('aria-pressed', 'false');
    // M and the button are one switch: the key unmutes what the button muted
    await page.keyboard.press('m');
    await expect(status).toHaveText('Sound on.');
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toContainText('“Mute” button');
  });

  test('A plays the trace and says so; M mutes it', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=200');
    const status = page.getByTestId('sound-status');
    await page.keyboard.press('a');
    await expect(status).toContainText('Playing the mean loss as pitch');
    await page.keyboard.press('m');
    await expect(status).toHaveText('Sound muted.');
    await page.keyboard.press('a');
    await expect(status).toContainText('Sound is muted');
  });
});
