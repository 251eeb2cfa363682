import { textWidth } from '../theme/text-width';
import type { Box } from './label-placement';
import { layoutLegend, type LegendItem, type LegendLayout } from './legend';

/** The type sizes of a chart (theme/sizes.ts `chartType`). */
export interface FrameType {
  label: number;
  tick: number;
  legend: number;
  stroke: number;
}

/** What an axis needs room for: the tick labels it will show and its title (alternatives, longest first). */
export interface AxisRoom {
  ticks: readonly string[];
  /** The first that fits along the axis is shown; none if none fits (the panel's title names the axis). */
  titles?: readonly string[];
  /** Rotated tick labels (a band axis of long names): their width is the room they need below the plot. */
  rotated?: boolean;
}

export interface FrameSpec {
  x?: AxisRoom;
  y?: AxisRoom;
  legend?: readonly LegendItem[];
  /** The largest share of the height a bottom legend, and of the width a side legend, may take (legend.ts's defaults when absent). */
  legendShare?: { bottom?: number; right?: number };
  /** Room kept above the plot (default: half a tick label, for the top tick of a y axis); a function of the type sizes the frame chose. */
  top?: number | ((type: FrameType) => number);
  /** Room kept right of the plot (default 12 px; a legend at the side adds its own). */
  right?: number;
  /** Room kept left of the plot when there is no y axis (default 8 px). */
  left?: number;
  /** Room kept below the plot when there is no x axis (default 8 px). */
  bottom?: number;
  /** Room under the x axis for a second, smaller figure (the 1D landscape's path strip), from the type and the frame's height. */
  below?: (type: FrameType, height: number) => number;
}

export interface FrameLayout {
  width: number;
  height: number;
  margin: { t: number; r: number; b: number; l: number };
  /** The data area. */
  plot: Box;
  legend: LegendLayout | null;
  /** Where the legend's top-left corner goes. */
  legendAt: { x: number; y: number } | null;
  /** The titles shown ('' when none fits) and their anchors. */
  xTitle: { text: string; x: number; y: number };
  yTitle: { text: string; x: number; y: number };
}

/** d3-axis: a tick line of 6 px and 3 px of padding before its label. */
const TICK_ROOM = 9;
/** The smallest plot a layout gives, however crowded the frame. */
const MIN_PLOT = 10;

/**
 * The frame's margins from what they hold: the y axis's widest tick label and
 * its rotated title on the left, the x axis's tick labels and title below,
 * the legend (laid out by legend.ts) at the bottom or the right, so the plot
 * area is what is left and no text or legend overlaps the data (README "The
 * layout"). Pure: the same spec and type give the same numbers.
 */
export function frameLayout(width: number, height: number, type: FrameType, spec: FrameSpec): FrameLayout {
  const { tick, label } = type;
  const yTickW = spec.y ? Math.max(0, ...spec.y.ticks.map((s) => textWidth(s, tick))) : 0;
  const hasYTitle = (spec.y?.titles?.length ?? 0) > 0;
  const t = typeof spec.top === 'function' ? spec.top(type) : (spec.top ?? (spec.y ? Math.ceil(tick * 0.8) : 8));
  const l = spec.y ? Math.ceil(yTickW + TICK_ROOM + 4 + (hasYTitle ? label * 1.5 : 0)) : (spec.left ?? 8);
  const xTickH = spec.x ? (spec.x.rotated ? Math.max(tick, ...spec.x.ticks.map((s) => textWidth(s, tick) * 0.6)) + TICK_ROOM + tick * 0.6 : tick * 1.6) : 0;
  // The x title's line (its baseline one type size below the tick labels, and its descent), kept only where the plot keeps its minimum height.
  const xTitleRoom = (spec.x?.titles?.length ?? 0) > 0 && height - t - xTickH - label * 1.3 >= MIN_PLOT ? label * 1.3 : 0;
  const axisBelow = spec.x ? Math.ceil(xTickH + xTitleRoom) : (spec.bottom ?? 8);
  let r = spec.right ?? 12;
  let b = axisBelow + (spec.below ? Math.ceil(spec.below(type, height)) : 0);
  let legend: LegendLayout | null = null;
  if (spec.legend && spec.legend.length > 0) {
    legend = layoutLegend([...spec.legend], { width: width - 16, height, fontSize: type.legend, maxBottom: spec.legendShare?.bottom, maxRight: spec.legendShare?.right });
    if (legend.side === 'right') r += legend.width + 20;
    else b += legend.height + 6;
  }
  const plot = { x: l, y: t, w: Math.max(MIN_PLOT, width - l - r), h: Math.max(MIN_PLOT, height - t - b) };
  const legendAt = legend ? (legend.side === 'right' ? { x: width - legend.width - 8, y: t } : { x: 8, y: height - legend.height - 4 }) : null;
  // A title is shown only where it fits along its axis.
  const fits = (titles: readonly string[] | undefined, room: number) => titles?.find((s) => textWidth(s, label, '600') < room - 4) ?? '';
  return {
    width,
    height,
    margin: { t, r, b, l },
    plot,
    legend,
    legendAt,
    xTitle: { text: xTitleRoom > 0 ? fits(spec.x?.titles, plot.w) : '', x: plot.x + plot.w / 2, y: plot.y + plot.h + xTickH + label },
    yTitle: { text: fits(spec.y?.titles, plot.h), x: label, y: plot.y + plot.h / 2 },
  };
}
