import { useEffect, useState } from 'react';
import { useSim } from '../sim/sim-context';
import type { LiveRun } from '../sim/sim-controller';

/** What the views need of the live ensemble, refreshed once per drawn frame. */
export interface LiveCounts {
  K: number;
  escaped: number;
  diverged: number;
  medianEscape: number | null;
  t: number;
  done: boolean;
  gdEscaped: number | null;
}

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : 0.5 * (s[k - 1] + s[k]);
}

export function countsOf(run: LiveRun | null): LiveCounts | null {
  const b = run?.sgd;
  if (!run || !b) return null;
  const steps: number[] = [];
  let diverged = 0;
  for (let r = 0; r < b.K; r++) {
    if (b.escapeStep[r] >= 0) steps.push(b.escapeStep[r]);
    if (b.divergedStep[r] >= 0) diverged++;
  }
  const gd = run.gd;
  return { K: b.K, escaped: steps.length, diverged, medianEscape: median(steps), t: run.t, done: run.done, gdEscaped: gd ? (gd.escapeStep[0] >= 0 ? 1 : 0) : null };
}

/** The live run itself (for the charts) and its escape counts (for the numbers). */
export function useLiveRun(): { run: LiveRun | null; counts: LiveCounts | null } {
  const sim = useSim();
  const [state, setState] = useState<{ run: LiveRun | null; counts: LiveCounts | null }>({ run: null, counts: null });
  useEffect(() => {
    if (!sim) return;
    return sim.subscribe((run) => setState({ run, counts: countsOf(run) }));
  }, [sim]);
  return state;
}
