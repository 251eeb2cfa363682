import type { ComponentType } from 'react';
import type { Hideable } from './panel-ids';

/** A panel's id: its `hide=` key, its CSS class and its grid area. The header and the controls are the shell, not panels. */
export type PanelId = Exclude<Hideable, 'header' | 'controls'>;

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

/** One live view of the page: what the panel registry (`registry.tsx`) lists. */
export interface PanelEntry {
  id: PanelId;
  title: string;
  /** The title a narrow panel shows. */
  short: string;
  Body: ComponentType;
  /** What its export buttons call it; no export buttons when absent. */
  exportAs?: string;
  /** Its cell in the default grid. */
  grid: GridCell;
  lecture: LecturePlace;
}
