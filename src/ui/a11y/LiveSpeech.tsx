import { useEffect, useRef } from 'react';
import type { LiveRun } from '../sim/live-run';
import { useSim } from '../sim/sim-context';
import { ANNOUNCE_GAP_MS, Announcer } from './announcer';

/**
 * A live view's description, spoken through its own polite live region
 * (docs/accessibility.md#wording-rules, rule 8): at most once every 2 s while the run
 * streams, at once when it ends. Written into its node from the run's notifications,
 * not by a React render per frame. `describe` must keep its identity (a module-level
 * function or a memoised one): a new one restarts the announcer.
 */
/** How often a streaming run's description is worked out again (a quarter of the announcer's gap). */
const DESCRIBE_MS = ANNOUNCE_GAP_MS / 4;

export function LiveSpeech({ id, describe, testId }: { id: string; describe: (run: LiveRun) => string; testId: string }) {
  const sim = useSim();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!sim) return;
    const el = ref.current!;
    const announcer = new Announcer((text) => {
      el.textContent = text;
    });
    let prev: { id: number; done: boolean } | null = null;
    // The run notifies every frame; its words are worked out at most every DESCRIBE_MS (the
    // announcer speaks at most every 2 s anyway) and at once when it ends.
    let describedAt = -Infinity;
    let latest: LiveRun | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offer = (run: LiveRun, urgent: boolean) => {
      describedAt = performance.now();
      announcer.offer(describe(run), urgent);
    };
    const speak = (run: LiveRun | null) => {
      if (!run) return;
      latest = run;
      const ended = prev !== null && prev.id === run.id && !prev.done && run.done;
      prev = { id: run.id, done: run.done };
      const wait = describedAt + DESCRIBE_MS - performance.now();
      if (ended || wait <= 0) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        offer(run, ended);
      } else
        timer ??= setTimeout(() => {
          timer = null;
          if (latest) offer(latest, false);
        }, wait);
    };
    speak(sim.current);
    const unsubscribe = sim.subscribe(speak);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      announcer.dispose();
    };
  }, [sim, describe]);
  return <p className="sr-only" id={id} role="status" aria-live="polite" aria-atomic="true" data-testid={testId} ref={ref} />;
}
