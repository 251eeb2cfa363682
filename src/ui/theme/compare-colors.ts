/**
 * The comparisons' colours (B, C, D; the main configuration A keeps the
 * explorer's own): Paul Tol's "muted" wine, indigo and green, apart from each
 * other and from the Okabe–Ito colours of the diagram for the common
 * colour-vision deficiencies; each also has its own dash, so identity never
 * rests on colour alone.
 */
export const COMPARE_COLORS = ['#882255', '#332288', '#117733'] as const;
export const COMPARE_DASHES = [[9, 4], [3, 3], [12, 3, 2, 3]] as const;
