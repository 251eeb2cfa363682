import { simulateQuery } from '../src/core/simulate';
import { PRESETS, presetQuery } from '../src/ui/presets/presets';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Msg = { type: string; [k: string]: unknown };
type Summary = { permalink: string; checksum: string; fingerprint: string; sgd: { runs: number; escaped: number; diverged: number; checksum: string } | null };

const Q = 'problem=toy&eta=0.7&B=1&seed=7&runs=40&steps=120';

/**
 * Real host pages on other loopback origins than the explorer's 127.0.0.1:4174
 * (a page on a public origin may not frame a local one: Chromium's local
 * network access checks). One server on a port the system picks serves both
 * the deck (as localhost, which the links allow) and a stranger (as 127.0.0.1,
 * a different origin the links do not allow).
 */
let server: Server;
let port = 0;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src');
    if (!src) {
      res.writeHead(404).end();
      return;
    }
    const explorer = new URL(src).origin;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><body style="margin:0">
<iframe id="ex" src="${src.replace(/"/g, '&quot;')}" style="width:1400px;height:900px;border:0"></iframe>
<script>
window.got = [];
addEventListener('message', (e) => { if (e.origin === '${explorer}') window.got.push(e.data); });
window.send = (m) => document.getElementById('ex').contentWindow.postMessage(m, '${explorer}');
</script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});
const deckOrigin = () => `http://localhost:${port}`;
const strangerOrigin = () => `http://127.0.0.1:${port}`;

/** Open a host page holding the explorer in an iframe; it records every message the explorer sends it. */
async function host(page: Page, hostOrigin: string, src: string) {
  const explorer = new URL(src).origin;
  await page.goto(`${hostOrigin}/deck.html?src=${encodeURIComponent(src)}`);
  return {
    got: () => page.evaluate(() => window.got!),
    send: (m: unknown) => page.evaluate((msg) => window.send!(msg), m),
    frame: () => page.frames().find((f) => f.url().startsWith(explorer))!,
  };
}

const queryOf = (link: string) => new URL(link).search.slice(1);
const cli = (link: string) => simulateQuery(queryOf(link)).runs.sgd!.checksum;
const cliFingerprint = (link: string) => simulateQuery(queryOf(link)).runs.sgd!.fingerprint;

test.describe('embedded in a slide deck', () => {
  test('a host page drives η and a preset through the API and receives ready, state and done with the command line numbers', async ({ page, baseURL }) => {
    const base = baseURL!.replace(/\/$/, '');
    const deck = await host(page, deckOrigin(), `${base}/?embed=1&embedorigin=${deckOrigin()}&${Q}`);
    const dones = async () => (await deck.got()).filter((m) => m.type === 'done').map((m) => m.summary as Summary);
    await expect.poll(async () => (await deck.got()).map((m) => m.type)).toContain('ready');
    await expect.poll(async () => (await dones()).length, { timeout: 30_000 }).toBe(1);
    const first = (await dones())[0];
    expect(first.permalink).toBe(`${base}/?${simulateQuery(Q).permalink}`);
    expect(first.checksum).toBe(cli(first.permalink));
    expect(first.fingerprint).toBe(cliFingerprint(first.permalink));
    expect(first.sgd!.escaped).toBe(simulateQuery(Q).runs.sgd!.escaped);

    // The embedded page: the panels, no header, a way out to the full explorer at the same configuration.
    const frame = page.frameLocator('#ex');
    await expect(frame.locator('header.header')).toHaveCount(0);
    await expect(frame.locator('[data-panel=diagram]')).toBeVisible();
    await expect(frame.getByTestId('embed-open')).toHaveAttribute('href', first.permalink);
    await page.screenshot({ path: 'e2e/output/screens/lecture-embed.png' });

    // set η: validated as a link is; state follows, done carries the new checksum.
    await deck.send({ type: 'set', query: 'eta=0.5' });
    await expect.poll(async () => (await dones()).length, { timeout: 30_000 }).toBe(2);
    const second = (await dones())[1];
    expect(second.permalink).toContain('eta=0.5&');
    expect(second.checksum).toBe(cli(second.permalink));
    expect(second.fingerprint).toBe(cliFingerprint(second.permalink));
    const states = (await deck.got()).filter((m) => m.type === 'state') as Array<Msg & { permalink: string; status: { state: string } }>;
    expect(states.some((s) => s.permalink === second.permalink && s.status.state === 'done')).toBe(true);

    // a preset by its number, as the digit keys give it
    await deck.send({ type: 'preset', id: 1 });
    await expect.poll(async () => (await dones()).length, { timeout: 30_000 }).toBe(3);
    const third = (await dones())[2];
    expect(queryOf(third.permalink)).toBe(simulateQuery(presetQuery(PRESETS[0])).permalink);
    expect(third.checksum).toBe(cli(third.permalink));
    // still embedded after the preset
    await expect(frame.locator('header.header')).toHaveCount(0);

    // pause, step and play
    await deck.send({ type: 'pause' });
    await deck.send({ type: 'reset' });
    await expect.poll(async () => (await deck.got()).filter((m) => m.type === 'state').map((m) => (m.status as { state: string }).state).at(-1)).toBe('paused');
    await deck.send({ type: 'step', steps: 5 });
    await expect(frame.getByTestId('status-line')).toHaveAttribute('data-t', '5');
    await deck.send({ type: 'play' });
    await expect.poll(async () => (await dones()).length, { timeout: 30_000 }).toBe(4);
  });

  test('a message of the wrong shape gets a named error and changes nothing', async ({ page, baseURL }) => {
    const base = baseURL!.replace(/\/$/, '');
    const deck = await host(page, deckOrigin(), `${base}/?embed=1&embedorigin=${deckOrigin()}&${Q}`);
    await expect.poll(async () => (await deck.got()).map((m) => m.type)).toContain('ready');
    const eta = () => deck.frame().evaluate(() => window.explorer!.store.getState().config.eta);
    const errors = async () => (await deck.got()).filter((m) => m.type === 'error') as Array<Msg & { message: string; errors: Array<{ key: string; message: string }> }>;
    const bad: Array<[unknown, RegExp]> = [
      ['play', /a message must be an object/],
      [{ type: 'fly' }, /message type must be one of set, preset, play, pause, reset, step, got "fly"/],
      [{ type: 'set' }, /'set' needs query/],
      [{ type: 'set', query: 'eta=0.5', extra: 1 }, /'set' message has no field "extra"/],
      [{ type: 'step', steps: -3 }, /'step' takes steps, a whole number/],
      [{ type: 'preset', id: 999 }, /no preset 999/],
      [{ type: 'set', query: 'eta=abc&B=2' }, /'set' was refused; nothing changed/],
      [{ type: 'set', query: 'embedorigin=https://evil.example' }, /'set' was refused/],
    ];
    for (const [i, [m, re]] of bad.entries()) {
      await deck.send(m);
      await expect.poll(async () => (await errors()).length).toBe(i + 1);
      expect((await errors())[i].message).toMatch(re);
    }
    const all = await errors();
    expect(all[6].errors.map((e) => e.key)).toEqual(['eta']);
    expect(all[6].errors[0].message).toContain('eta must be a positive number, got "abc"');
    expect(all[7].errors[0].key).toBe('embedorigin');
    expect(await eta()).toBe(0.7);
    // and a good one still works afterwards
    await deck.send({ type: 'set', query: 'eta=0.6' });
    await expect.poll(eta).toBe(0.6);
  });

  test('messages from an origin the link does not allow are ignored, and nothing is sent to it', async ({ page, baseURL }) => {
    const base = baseURL!.replace(/\/$/, '');
    const evil = await host(page, strangerOrigin(), `${base}/?embed=1&embedorigin=${deckOrigin()}&${Q}`);
    const frame = page.frameLocator('#ex');
    await expect(frame.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await evil.send({ type: 'set', query: 'eta=0.3' });
    await evil.send({ type: 'fly' });
    await evil.send({ type: 'pause' });
    // give the frame time to (not) react
    await page.waitForTimeout(1000);
    expect(await evil.frame().evaluate(() => window.explorer!.store.getState().config.eta)).toBe(0.7);
    expect(await evil.got()).toEqual([]);
  });

  test('deck keys are passed to the parent after a click inside the frame; arrows stay with a focused slider', async ({ page, baseURL }) => {
    const base = baseURL!.replace(/\/$/, '');
    const deck = await host(page, deckOrigin(), `${base}/?embed=1&embedorigin=${deckOrigin()}&${Q}`);
    const frame = page.frameLocator('#ex');
    await expect(frame.getByTestId('status-line')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const keys = async () => (await deck.got()).filter((m) => m.type === 'key').map((m) => m.key);
    await frame.locator('[data-panel=burst] .panel-body').click();
    const t = await frame.getByTestId('status-line').getAttribute('data-run-id');
    for (const k of ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft']) await page.keyboard.press(k);
    await expect.poll(keys).toEqual(['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft']);
    // → went to the deck, not to the explorer's single step
    await expect(frame.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    expect(await frame.getByTestId('status-line').getAttribute('data-run-id')).toBe(t);
    // A focused slider keeps its arrows (η moves); PageDown still goes to the deck.
    await frame.getByTestId('eta-slider').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await expect.poll(keys).toEqual(['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft', 'PageDown']);
  });

  test('a malformed embedorigin is named in the link banner and the rest of the link is kept', async ({ page }) => {
    await page.goto(`/?embed=1&embedorigin=deck.example.org/slides,https://ok.example&${Q}`);
    const item = page.locator('[data-testid=link-banner] li[data-key=embedorigin]');
    await expect(item).toContainText('embedorigin must list origins such as https://deck.example.org');
    await expect(item).toContainText('"deck.example.org/slides"');
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('checksum')).toHaveText(`checksum ${simulateQuery(Q).runs.sgd!.checksum}`);
  });
});
