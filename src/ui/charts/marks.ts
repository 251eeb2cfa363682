/** Mark shapes shared by the charts and their legends: status is carried by shape as well as colour. */
export type MarkShape = 'circle' | 'triangle' | 'cross' | 'square' | 'diamond' | 'hourglass';

export function markPath(shape: MarkShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
    case 'triangle':
      return `M0,${-r}L${r * 0.95},${r * 0.7}L${-r * 0.95},${r * 0.7}Z`;
    case 'cross':
      return `M${-r},${-r}L${r},${r}M${-r},${r}L${r},${-r}`;
    case 'square':
      return `M${-r},${-r}H${r}V${r}H${-r}Z`;
    case 'diamond':
      return `M0,${-r * 1.2}L${r},0L0,${r * 1.2}L${-r},0Z`;
    case 'hourglass':
      // A saddle: two triangles meeting at the point (curving up one way, down the other).
      return `M${-r},${-r}L${r},${-r}L${-r},${r}L${r},${r}Z`;
  }
}
