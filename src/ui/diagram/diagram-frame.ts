import type { ScaleContinuousNumeric } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { FrameType } from '../charts/frame-layout';

export type Scale = ScaleContinuousNumeric<number, number>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

/** A finger needs a larger handle than a mouse (a phone, a touch board in a hall). */
export const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** What one drawing of the diagram is laid out on: the scales, the box, its margins and its type. */
export interface DiagramFrame {
  x: Scale;
  y: Scale;
  width: number;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
  type: FrameType;
  /** The stroke factor and the label size of the mode. */
  sw: number;
  fontPx: number;
}
