/** The workspaces a `tab=` link can name, in the tab bar's order; `tabs.ts` gives each its entry. */
export const TABS = ['live', 'phase', 'selection', 'wws', 'ab', 'network'] as const;
export type TabId = (typeof TABS)[number];
