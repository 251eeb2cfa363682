import type { SimController } from '../../sim/sim-controller';
import { useExplorer } from '../../state/store';
import { useLectureUi } from '../lecture-ui';
import type { SyncPage } from './presenter-sync';

/**
 * The page as the presenter sync sees it: the store through its public
 * getState, actions and subscribe, and the live run's step and restart. A
 * reset is seen by wrapping the controller's public restart on
 * this one instance (every key, button and the embed API call it), and
 * unwrapped when the sync stops; a step needs no wrapping, since it shows as
 * the paused run's step in the store.
 */
export function pageAdapter(sim: SimController, comparisons: { restart(): void } | null): SyncPage {
  return {
    get: () => useExplorer.getState(),
    subscribe: (fn) => useExplorer.subscribe(fn),
    step: (steps) => sim.step(steps),
    reset: () => {
      sim.restart();
      comparisons?.restart();
    },
    intercept(on) {
      const restart = sim.restart;
      sim.restart = () => {
        restart.call(sim);
        on.reset();
      };
      return () => {
        // The wrapper is an own property: deleting it shows the class's method again.
        delete (sim as { restart?: unknown }).restart;
      };
    },
    qr: () => useLectureUi.getState().qr,
    setQr: (open) => useLectureUi.getState().setQr(open),
    subscribeQr: (fn) => useLectureUi.subscribe(fn),
    // A hidden window draws no frames: there the state is applied in the next task instead.
    nextFrame: (fn) => (document.hidden ? setTimeout(fn, 0) : requestAnimationFrame(() => fn())),
  };
}
