import type { PanelEntry } from './panel';

/**
 * The live views, one line each, and the one place a view is named. The list
 * drives the live tab (`App.tsx`), the panels a `hide=` link can name (`HIDEABLE`
 * below, read by the view keys' table), the layouts (`layout.ts`: the default
 * grid places each at its `grid` cell, lecture mode by its `lecture` place, and a
 * phone stacks them in this order, which is also the keyboard's), the export
 * buttons (`exportAs`) and the recorder's choice of view (`record`).
 *
 * A line is plain data: its `body` loads the view's module only when the page
 * mounts it (`bodies.ts`), so the link parser, the command line and the README's
 * key table read this list in Node without React or a chart.
 */
export const PANELS = [
  { id: 'diagram', title: 'Sharpness–non-uniformity diagram', short: 'Stability diagram', body: () => import('../diagram/DiagramView').then((m) => m.DiagramView), exportAs: 'diagram', record: 'the diagram', grid: { row: 1, col: 1, rows: 2, cols: 2 }, lecture: 'main' },
  { id: 'landscape', title: 'Landscape and iterates', short: 'Landscape', body: () => import('../views/LandscapeView').then((m) => m.LandscapeView), exportAs: 'landscape', record: 'the landscape', grid: { row: 1, col: 3 }, lecture: 'side' },
  { id: 'burst', title: 'Escape burst: loss on a log scale', short: 'Escape burst', body: () => import('../views/SeriesView').then((m) => m.BurstView), exportAs: 'escape burst', record: 'the escape burst', grid: { row: 3, col: 1 }, lecture: 'side' },
  { id: 'distance', title: 'Distance to the start minimum', short: 'Distance', body: () => import('../views/SeriesView').then((m) => m.DistanceView), exportAs: 'distance plot', grid: { row: 3, col: 2 }, lecture: 'side' },
  { id: 'stats', title: 'Escapes: measured and predicted', short: 'Escapes', body: () => import('../views/EscapeStats').then((m) => m.EscapeStats), exportAs: 'escape statistics', grid: { row: 3, col: 3 }, lecture: 'desk' },
  { id: 'theory', title: 'Theory at this η and B', short: 'Theory', body: () => import('../theory/TheoryPanel').then((m) => m.TheoryPanel), grid: { row: 2, col: 3 }, lecture: 'desk' },
] as const satisfies readonly PanelEntry[];

/** A panel's id: its `hide=` name, its CSS class and its grid area. */
export type PanelId = (typeof PANELS)[number]['id'];

/** The shell's two parts a `hide=` link can name besides the panels; they are not panels. */
export const SHELL_PARTS = ['header', 'controls'] as const;

/** The names a `hide=` link can give: the shell's two parts, then every registered panel. */
export const HIDEABLE = [...SHELL_PARTS, ...PANELS.map((p) => p.id)];
export type Hideable = (typeof HIDEABLE)[number];
