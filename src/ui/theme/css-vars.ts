import { COLORS } from './colors';
import { PAGE } from './page';

/** The chart colours app.css also uses (legend swatches, highlights), by custom-property name. */
const SHARED_CHART_COLORS = { gd: COLORS.gd, family: COLORS.family, paper: COLORS.paper } as const;

/**
 * The custom properties app.css declares: on `:root` (default) and on
 * `html.lecture` (what lecture mode changes). The test reads app.css and
 * compares, so the CSS and the charts cannot drift apart.
 */
export function cssVars(mode: 'default' | 'lecture'): Record<string, string> {
  const entries = mode === 'default' ? { ...PAGE.default, ...SHARED_CHART_COLORS } : PAGE.lecture;
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [`--${k}`, v.toLowerCase()]));
}
