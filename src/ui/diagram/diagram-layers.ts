import type { PlotFrame } from '../charts/plot-frame';
import { COLORS } from '../theme/colors';
import { uniqueId } from '../theme/unique-id';

/**
 * The diagram's marks in its frame (charts/plot-frame.ts, which owns the axes,
 * titles, clip and legend), layer by layer from the back: inside the clip the
 * GD strip, the references, the family, the SGD rectangle, the exact region,
 * the comparisons and the minima; over them the handles, the hand-placed point
 * and the labels' leader lines.
 */
export function diagramLayers(frame: PlotFrame) {
  const svg = frame.svg;
  svg.attr('data-testid', 'stability-diagram');
  const hatchId = uniqueId('gd-hatch');
  const hatch = svg.insert('defs', ':first-child').append('pattern').attr('id', hatchId).attr('patternUnits', 'userSpaceOnUse').attr('width', 10).attr('height', 10).attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 10).attr('height', 10).attr('fill', COLORS.gdFill);
  const hatchLine = hatch.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 10).attr('stroke', COLORS.gd);

  // Inside the frame's clip.
  const plot = frame.marks;
  const gdStrip = plot.append('rect').attr('data-testid', 'gd-strip').attr('fill', `url(#${hatchId})`);
  const refs = plot.append('g').attr('class', 'references');
  const family = plot.append('g').attr('class', 'family');
  const rect = plot.append('rect').attr('data-testid', 'sgd-rectangle').attr('fill', COLORS.sgdFill).attr('stroke', COLORS.sgd);
  const ellipse = plot.append('path').attr('data-testid', 'exact-region').attr('fill', COLORS.exactFill).attr('stroke', COLORS.exact);
  const gdLine = plot.append('line').attr('stroke', COLORS.gd).attr('stroke-dasharray', '8 5');
  const compareRects = plot.append('g').attr('class', 'comparisons');
  const minimaG = plot.append('g').attr('class', 'minima');
  // Over the plot, not clipped.
  const over = frame.over;
  const compareCorners = over.append('g').attr('class', 'comparison-corners');
  const cornerLabel = over.append('text').attr('class', 'corner-label').attr('data-testid', 'corner-label');
  const corner = over.append('circle').attr('data-testid', 'rect-corner').attr('r', 10).attr('fill', COLORS.sgd).attr('stroke', COLORS.paper).attr('tabindex', -1).style('cursor', 'move');
  const pointG = over.append('g').attr('class', 'hand-point');
  const pointMark = pointG.append('circle').attr('data-testid', 'hand-point').attr('r', 11).attr('stroke', COLORS.ink).style('cursor', 'move');
  const pointLabel = pointG.append('text').attr('class', 'point-label').attr('data-testid', 'point-label');
  // A leader line may cross the corner's handle: it must not take the pointer from it.
  const leaders = over.append('g').attr('class', 'leaders').attr('pointer-events', 'none');
  return { svg, hatchId, hatchLine, gdStrip, refs, family, rect, ellipse, gdLine, compareRects, minimaG, compareCorners, cornerLabel, corner, pointG, pointMark, pointLabel, leaders };
}
