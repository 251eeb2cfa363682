import type { curveOfRun, planOfRun, renderOffline } from './a11y/sound';
import type { RenderStats } from './charts/render-loop';
import type { CompareRuns } from './sim/compare-runs';
import type { SimController } from './sim/sim-controller';
import type { useExplorer } from './state/store';
import type { undoHistory } from './state/undo-history';
import type { killWorkers } from '../worker/rpc/supervised-worker';

/**
 * The page's test hooks, `window.explorer`, set by `App` on mount: the browser
 * tests and the bench read the store, the live run and the render loop's
 * account, and kill workers, through this one type. e2e/ and bench/ import it,
 * so a renamed or retyped hook fails the type check there instead of a cast
 * going stale.
 */
export interface ExplorerHooks {
  /** The live run's controller: its current run, its start count, and a kill or crash of its worker. */
  sim: SimController;
  /** Kill every worker of a kind or role. */
  workers: { kill: typeof killWorkers };
  store: typeof useExplorer;
  /** The render loop's work per frame. */
  render: RenderStats;
  undo: typeof undoHistory;
  compare: CompareRuns;
  /** The sound of the current run (README "Accessibility"): its plan, its curve, and the plan rendered offline. */
  audio: { plan: () => ReturnType<typeof planOfRun>; curve: () => ReturnType<typeof curveOfRun>; renderOffline: typeof renderOffline };
}

declare global {
  interface Window {
    /** The page's test hooks (`ExplorerHooks`), set by App on mount. */
    explorer?: ExplorerHooks;
  }
}
