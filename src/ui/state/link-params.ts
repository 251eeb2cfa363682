import { originListParam } from '../../core/params/origin-list';
import { PARAMS, type Config } from '../../core/params/param-table';
import { boolParam, enumParam, numberParam, parseNumber, show, subsetParam, type ParamSpec } from '../../core/params/param-types';
import { linkCodec, type ValuesOf } from '../../core/params/query';
import { HIDEABLE } from '../panels/registry';
import { TABS } from '../tabs/tab-ids';

/** The largest step t can name (the largest `steps`). */
const T_MAX = 10_000_000;

/** The time scrubber's step; −1 (absent from the link) follows the run. */
const tParam: ParamSpec<number> = {
  key: 't',
  doc: "view: the time scrubber's step t — the views show the ensemble at the last recorded step ≤ t, once the run reaches it (absent: follow the run)",
  default: -1,
  parse(raw) {
    if (raw.trim() === '') return { ok: true, value: -1 };
    const v = parseNumber(raw);
    if (v === null || !Number.isInteger(v) || v < 0 || v > T_MAX) return { ok: false, reason: `t must be a whole number from 0 to ${T_MAX}, got ${show(raw)}` };
    return { ok: true, value: v };
  },
  format: (v) => (v < 0 ? '' : String(v)),
};

/**
 * The page's own keys: how the runs are shown, never what they compute. A change
 * of them restarts nothing. They are the page's vocabulary (its tabs, its panels,
 * lecture mode, the embed), so they live here and not in the core's table.
 */
export const VIEW_PARAMS = {
  speed: numberParam('speed', 'view: steps per second of the live run; 0 is as fast as the engine goes (does not change the numbers)', { min: 0, max: 1e9, default: 0 }),
  lecture: boolParam('lecture', 'view: lecture mode (large type, thick strokes, high contrast)', false),
  family: enumParam('family', 'view: Wu Fig. 3 family of rectangles: none, batch (several B at this η) or eta (several η at this B)', ['none', 'batch', 'eta'] as const, { default: 'none' }),
  axes: enumParam('axes', 'view: scale of the diagram axes, linear or log', ['linear', 'log'] as const, { default: 'linear' }),
  tab: enumParam('tab', 'view: which workspace is shown — live (diagram and runs), phase (escape phase diagram), selection (which minimum SGD selects, minima atlas), wws (Wu–Wang–Su alignment and Frobenius bound), ab (the main configuration and its one comparison side by side), network (a network’s training and its trained minima on the diagram)', TABS, { default: 'live' }),
  hide: subsetParam('hide', `view: panels to hide, any of ${HIDEABLE.join(', ')}`, HIDEABLE),
  t: tParam,
  embed: boolParam('embed', 'view: the page inside an iframe of a slide deck: no header, an "open full explorer" link, keys a deck uses passed to the parent, the postMessage API', false),
  embedorigin: originListParam,
};

export const VIEW_KEYS = Object.keys(VIEW_PARAMS) as ViewKey[];
export type ViewKey = keyof typeof VIEW_PARAMS;
export type ViewState = ValuesOf<typeof VIEW_PARAMS>;

/** Every key of a link: the run specification's, then the view's (the order of a printed link). */
export const LINK_PARAMS = { ...PARAMS, ...VIEW_PARAMS };
export type LinkKey = keyof typeof LINK_PARAMS;
/** What the page holds: the run specification and its view state, side by side. */
export type LinkConfig = Config & ViewState;

/** Decoding, encoding and defaults of a whole link (src/core/params/query.ts, over both tables). */
export const LINK = linkCodec(LINK_PARAMS);

/** The whole link of a configuration. */
export const encodeLink = (config: LinkConfig): string => LINK.encode(config);

/** The run specification of a link: its view keys dropped (what `npm run sim` computes and prints). */
export function runSpecOf(config: LinkConfig): Config {
  const out: Record<string, unknown> = { ...config };
  for (const k of VIEW_KEYS) delete out[k];
  return out as Config;
}
