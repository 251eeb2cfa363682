import { useEffect, useRef } from 'react';
import type { LiveRun } from '../sim/live-run';
import { useSim } from '../sim/sim-context';
import { Announcer } from './announcer';

/**
 * A live view's description, spoken through its own polite live region
 * (docs/accessibility.md#wording-rules, rule 8): at most once every 2 s while the run
 * streams, at once when it ends. Written into its node from the run's notifications,
 * not by a React render per frame. `describe` must keep its identity (a module-level
 * function or a memoised one): a new one restarts the announcer.
 */
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
    const speak = (run: LiveRun | null) => {
      if (!run) return;
      const ended = prev !== null && prev.id === run.id && !prev.done && run.done;
      announcer.offer(describe(run), ended);
      prev = { id: run.id, done: run.done };
    };
    speak(sim.current);
    const unsubscribe = sim.subscribe(speak);
    return () => {
      unsubscribe();
      announcer.dispose();
    };
  }, [sim, describe]);
  return <p className="sr-only" id={id} role="status" aria-live="polite" aria-atomic="true" data-testid={testId} ref={ref} />;
}
