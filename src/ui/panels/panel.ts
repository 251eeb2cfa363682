import type { ComponentType } from 'react';

/** A panel's id: its `hide=` key, its CSS class and its grid area (the ids of the registry's lines). */
export type { PanelId } from './registry';

/** A panel's cell in the default grid (1-based, as CSS grid lines count; spans default to 1). */
export interface GridCell {
  row: number;
  col: number;
  rows?: number;
  cols?: number;
}

/**
 * Where a panel goes in lecture mode: `main` is the left column, full height;
 * `side` panels stack on the right, in registry order (three on a tall screen,
 * two below 900 px); `desk` panels (dense tables) are not shown to the room.
 */
export type LecturePlace = 'main' | 'side' | 'desk';

/** One live view of the page: what the panel registry (`registry.ts`) lists. */
export interface PanelEntry {
  /** A lower-case word: its `hide=` name, CSS class and grid area. */
  id: string;
  title: string;
  /** The title a narrow panel shows. */
  short: string;
  /** Loads the view's module and gives its component (a React component with no props). */
  body: () => Promise<ComponentType>;
  /** What its export buttons call it; no export buttons when absent. */
  exportAs?: string;
  /** Its cell in the default grid. */
  grid: GridCell;
  lecture: LecturePlace;
  /** How the recorder's menu names it, when it can be recorded alone (every `main` and `side` panel is in the recording of the room's views). */
  record?: string;
}
