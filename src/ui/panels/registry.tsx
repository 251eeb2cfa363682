import { DiagramView } from '../diagram/DiagramView';
import { EscapeStats } from '../views/EscapeStats';
import { LandscapeView } from '../views/LandscapeView';
import { BurstView, DistanceView } from '../views/SeriesView';
import { TheoryPanel } from '../theory/TheoryPanel';
import type { PanelEntry, PanelId } from './panel';

/**
 * The live views, one line each. The list drives the live tab (`App.tsx`), the
 * panels a `hide=` link can name, and the layouts (`layout.ts`): the default grid
 * places each at its `grid` cell, lecture mode by its `lecture` place, and a phone
 * stacks them in this order (which is also the keyboard's order).
 */
export const PANELS = [
  { id: 'diagram', title: 'Sharpness–non-uniformity diagram', short: 'Stability diagram', Body: DiagramView, exportAs: 'diagram', grid: { row: 1, col: 1, rows: 2, cols: 2 }, lecture: 'main' },
  { id: 'landscape', title: 'Landscape and iterates', short: 'Landscape', Body: LandscapeView, exportAs: 'landscape', grid: { row: 1, col: 3 }, lecture: 'side' },
  { id: 'burst', title: 'Escape burst: loss on a log scale', short: 'Escape burst', Body: BurstView, exportAs: 'escape burst', grid: { row: 3, col: 1 }, lecture: 'side' },
  { id: 'distance', title: 'Distance to the start minimum', short: 'Distance', Body: DistanceView, exportAs: 'distance plot', grid: { row: 3, col: 2 }, lecture: 'side' },
  { id: 'stats', title: 'Escapes: measured and predicted', short: 'Escapes', Body: EscapeStats, exportAs: 'escape statistics', grid: { row: 3, col: 3 }, lecture: 'desk' },
  { id: 'theory', title: 'Theory at this η and B', short: 'Theory', Body: TheoryPanel, grid: { row: 2, col: 3 }, lecture: 'desk' },
] as const satisfies readonly PanelEntry[];

/** Every panel id of the `hide` key has its line above: a missing one is a type error naming it. */
type Unregistered = Exclude<PanelId, (typeof PANELS)[number]['id']>;
export const EVERY_PANEL_REGISTERED: [Unregistered] extends [never] ? true : Unregistered = true;
