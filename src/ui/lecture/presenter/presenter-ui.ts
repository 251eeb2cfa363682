import { create } from 'zustand';
import type { Role } from './sync-messages';

/** The name the projector window is opened under: a window with this name is the projector, also after a reload. */
export const PROJECTOR_WINDOW = 'sgd-explorer-projector';

/** The presenter view's page state: not in the link, not in the explorer's store. */
export interface PresenterUi {
  /** This window's part: none (a plain page), the presenter (the laptop) or the projector (the room). */
  role: Role | null;
  /** When this window became the presenter (Date.now()), for the clock. */
  since: number | null;
  /** Whether the other window answers. */
  peer: boolean;
  /** A refusal or a warning to show, such as a second presenter view. */
  message: string | null;
  /** Messages on the channel ignored as stray (wrong shape, other build). */
  ignored: number;
  set(p: Partial<Omit<PresenterUi, 'set'>>): void;
}

export const usePresenterUi = create<PresenterUi>()((set) => ({
  role: null,
  since: null,
  peer: false,
  message: null,
  ignored: 0,
  set: (p) => set(p),
}));
