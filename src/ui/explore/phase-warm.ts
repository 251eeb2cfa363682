import { PhaseRun } from './phase-run';

/*
 * A link that opens the phase tab computes its grid at once. Its workers are
 * started here, before the page's first render, so that their scripts load and
 * their kernels compile beside the page's own loading rather than after it
 * (README "Performance", phase grid); the view then takes this run.
 */
let early: PhaseRun | null = null;

/** Start the phase workers now (main.tsx, for a link with tab=phase). */
export function warmPhaseRun(): void {
  early ??= new PhaseRun();
  early.warm();
}

/** The phase view's run: the one started early, or a new one. */
export function phaseRunForView(): PhaseRun {
  return early ?? new PhaseRun();
}
