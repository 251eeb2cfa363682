import { afterEach, describe, expect, it } from 'vitest';
import { simulateQuery } from '../../../src/core/simulate';
import type { LiveRun } from '../../../src/ui/sim/live-run';
import { HELD_SHARE, RunHandle, type Gesture, type RunEvents } from '../../../src/ui/sim/run-handle';
import { sessionKind } from '../../support/session-worker';

const controls = { speed: 0, paused: false, share: 1 };
const q = (eta: number, extra = '') => `problem=toy&eta=${eta}&B=1&seed=3&runs=20&steps=300${extra}`;

/** A handle on a session worker; frames are "drawn" at once; `frames()` runs the queued frame callbacks. */
function open(events: RunEvents = {}, lean = false, gesture?: Gesture) {
  const kind = sessionKind();
  const frameQueue: Array<() => void> = [];
  const log = { started: [] as Array<{ run: LiveRun; retuned: boolean }>, done: [] as LiveRun[], errors: [] as string[], crashes: [] as string[] };
  const handle: RunHandle = new RunHandle(
    {
      started: (run, retuned) => {
        log.started.push({ run, retuned });
        events.started?.(run, retuned);
      },
      frame: (run, m) => {
        events.frame?.(run, m);
        handle.drawn();
      },
      done: (run, s, sw) => {
        log.done.push(run);
        events.done?.(run, s, sw);
      },
      error: (m) => log.errors.push(m),
      crashed: (r) => log.crashes.push(r),
    },
    { kind, role: 'test', lean, nextFrame: (fn) => frameQueue.push(fn), gesture },
  );
  const frames = () => frameQueue.splice(0).forEach((fn) => fn());
  const until = async (pred: () => boolean, ms = 15000) => {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error('timeout');
      frames();
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { handle, kind, log, frames, until };
}

const disposers: Array<() => void> = [];
afterEach(() => disposers.splice(0).forEach((f) => f()));

describe('RunHandle: one live run on a simulation worker', () => {
  it('starts a run that ends with the checksum npm run sim prints', async () => {
    const { handle, log, until } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7), controls);
    await until(() => log.done.length === 1);
    expect(handle.run!.done).toBe(true);
    const { summary } = await new Promise<{ summary: unknown }>((resolve) => {
      const h2 = open({ done: (_r, s) => resolve({ summary: s }) });
      disposers.push(() => h2.handle.dispose());
      h2.handle.start(q(0.7), controls);
      void h2.until(() => h2.log.done.length === 1);
    });
    expect((summary as { sgd: { checksum: string } }).sgd.checksum).toBe(simulateQuery(q(0.7)).runs.sgd!.checksum);
  });

  it('sends at most one start per frame and one in flight: a drag of 30 values sends the first and the last', async () => {
    const { handle, kind, log, until, frames } = open();
    disposers.push(() => handle.dispose());
    for (let k = 0; k < 30; k++) handle.start(q(0.5 + k / 100, '&steps=100000'), controls);
    expect(handle.sent).toBe(1);
    await until(() => log.started.length >= 1 && handle.sent === 2);
    frames();
    await until(() => log.started.length === 2);
    const starts = kind.spawned[0].received.filter((m) => m.type === 'start');
    expect(starts.map((m) => m.type === 'start' && m.query)).toEqual([q(0.5, '&steps=100000'), q(0.79, '&steps=100000')]);
    expect(handle.run!.info.config.eta).toBe(0.79);
  });

  it('while a gesture is held asks the worker for less of a core, and gives the run its whole share back when it is let go', async () => {
    let held = true;
    const releases = new Set<() => void>();
    const gesture: Gesture = { held: () => held, onRelease: (fn) => (releases.add(fn), () => releases.delete(fn)) };
    const { handle, kind, log, until } = open({}, false, gesture);
    disposers.push(() => handle.dispose());
    handle.start(q(0.6, '&steps=100000'), { ...controls, share: 0.5 });
    await until(() => log.started.length === 1);
    const sent = () => kind.spawned[0].received;
    const start = sent().find((m) => m.type === 'start');
    expect(start?.type === 'start' && start.share).toBe(0.5 * HELD_SHARE);
    expect(sent().some((m) => m.type === 'share')).toBe(false);
    held = false;
    [...releases].forEach((fn) => fn());
    await until(() => sent().some((m) => m.type === 'share'));
    const back = sent().filter((m) => m.type === 'share');
    expect(back.map((m) => m.type === 'share' && [m.id, m.share])).toEqual([[handle.run!.id, 0.5]]);
    expect(releases.size).toBe(0);
    // A start when nothing is held asks for the whole share, and a release then sends nothing.
    handle.start(q(0.61, '&steps=100000'), { ...controls, share: 0.5 });
    await until(() => log.started.length === 2);
    const last = sent().filter((m) => m.type === 'start').at(-1);
    expect(last?.type === 'start' && last.share).toBe(0.5);
    expect(releases.size).toBe(0);
  });

  it('retunes: a new η keeps the problem, and the worker leaves the landscape out', async () => {
    const { handle, kind, log, until } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7), controls);
    await until(() => log.started.length === 1);
    const first = log.started[0].run.info;
    handle.start(q(0.4), controls);
    await until(() => log.started.length === 2);
    const second = log.started[1];
    expect(second.retuned).toBe(true);
    expect(second.run.info.landscape).toBe(first.landscape);
    expect(second.run.info.problem).toBe(first.problem);
    expect(kind.spawned[0].session.cache.builds).toBe(1);
    const starts = kind.spawned[0].received.filter((m) => m.type === 'start');
    expect(starts[1].type === 'start' && starts[1].knownProblem).toBe(first.problemKey);
    handle.start('problem=circle&model=1&runs=5&steps=50', controls);
    await until(() => log.started.length === 3);
    expect(log.started[2].retuned).toBe(false);
    expect(log.started[2].run.info.landscape.kind).toBe('2d');
  });

  it('pauses, steps one step at a time and resumes', async () => {
    const { handle, log, until } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7, '&steps=1000000'), { ...controls, paused: true });
    await until(() => log.started.length === 1);
    handle.step(5);
    await until(() => handle.run!.t === 5);
    handle.resume();
    await until(() => handle.run!.t > 1000);
    handle.pause();
    handle.speed(100);
    handle.share(0.5);
    expect(log.errors).toEqual([]);
  });

  it('after a crash reports it, keeps nothing of the old run and starts the same query again on a fresh worker', async () => {
    const { handle, kind, log, until } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7, '&steps=1000000'), controls);
    await until(() => log.started.length === 1);
    handle.crash();
    await until(() => log.crashes.length === 1);
    expect(kind.spawned.length).toBe(2);
    expect(handle.query).toBe('');
    handle.start(q(0.7, '&steps=1000000'), controls);
    await until(() => log.started.length === 2);
    expect(log.started[1].retuned).toBe(false);
    const restart = kind.spawned[1].received[0];
    expect(restart.type).toBe('start');
    expect(restart.type === 'start' ? restart.knownProblem : 'not a start').toBeUndefined();
  });

  it('cancels: the run posts nothing more, and the same query starts again when asked', async () => {
    const { handle, log, until, frames } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7, '&steps=1000000'), controls);
    await until(() => log.started.length === 1 && handle.run!.t > 0);
    handle.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const t = handle.run!.t;
    await new Promise((r) => setTimeout(r, 200));
    expect(handle.run!.t).toBe(t);
    expect(log.done).toEqual([]);
    frames();
    handle.start(q(0.7, '&steps=1000000'), controls);
    await until(() => log.started.length === 2);
  });

  it('does not start the run already asked for, unless forced (Reset)', async () => {
    const { handle, log, until, frames } = open();
    disposers.push(() => handle.dispose());
    handle.start(q(0.7), controls);
    await until(() => log.started.length === 1);
    frames();
    handle.start(q(0.7), controls);
    expect(handle.sent).toBe(1);
    handle.start(q(0.7), controls, true);
    expect(handle.sent).toBe(2);
  });

  it('serves a lean companion run: no theory of the minima', async () => {
    const { handle, log, until } = open({}, true);
    disposers.push(() => handle.dispose());
    handle.start('problem=features&n=10&width=20&runs=1&opt=sgd&steps=50', controls);
    await until(() => log.done.length === 1);
    expect(log.started[0].run.info.minima).toEqual([]);
  });
});
