import type { StateCreator } from 'zustand';
import type { ExplorerState } from './store';

/** The page's own view state, not in the link: the keys overlay and the controls drawer. */
export interface ViewSlice {
  help: boolean;
  /** Whether the controls drawer is open (meaningful only where the controls are a drawer). */
  drawerOpen: boolean;

  setHelp(help: boolean): void;
  setDrawerOpen(open: boolean): void;
}

export const createViewSlice: StateCreator<ExplorerState, [], [], ViewSlice> = (set) => ({
  help: false,
  drawerOpen: false,

  setHelp(help) {
    set({ help });
  },

  setDrawerOpen(drawerOpen) {
    set({ drawerOpen });
  },
});
