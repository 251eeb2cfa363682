/**
 * The names a `hide=` link can give: the shell's two parts and the live panels.
 * The panel registry (`registry.tsx`) has one line per panel id, checked both
 * ways at compile time, so a panel added there is a `hide` value here.
 */
export const SHELL_PARTS = ['header', 'controls'] as const;
export const PANEL_IDS = ['diagram', 'landscape', 'burst', 'distance', 'stats', 'theory'] as const;
export const HIDEABLE = [...SHELL_PARTS, ...PANEL_IDS] as const;
export type Hideable = (typeof HIDEABLE)[number];
