import { componentCount } from '../../core/problems/component-count';
import type { ExplorerState } from './store';

/*
 * Selectors declared once, at module level, so a component subscribes to the
 * one field of the one slice it shows (a stable function: no re-render for the
 * others' changes).
 */

// The view slice.
export const selectDrawerOpen = (s: ExplorerState) => s.drawerOpen;
export const selectSetDrawerOpen = (s: ExplorerState) => s.setDrawerOpen;
export const selectHelp = (s: ExplorerState) => s.help;
export const selectSetHelp = (s: ExplorerState) => s.setHelp;

// The configuration slice: the view keys the shell reads.
export const selectLecture = (s: ExplorerState) => s.config.lecture;
export const selectHide = (s: ExplorerState) => s.config.hide;
export const selectEmbed = (s: ExplorerState) => s.config.embed;
export const selectTab = (s: ExplorerState) => s.config.tab;
export const selectNote = (s: ExplorerState) => s.note;

/**
 * n, the number of components, of the configuration in the store: counted once per
 * configuration object (a drag's every input is a new one; the components that show
 * n all read it through here, so one input counts it once).
 */
export const selectN = (s: ExplorerState) => {
  let n = counts.get(s.config);
  if (n === undefined) {
    n = componentCount(s.config);
    counts.set(s.config, n);
  }
  return n;
};
const counts = new WeakMap<object, number>();
