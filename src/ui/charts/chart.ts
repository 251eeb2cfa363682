/**
 * The one chart contract (docs/architecture.md#charts): D3 owns the inside of
 * a node, React owns its life. `create(node, options)` builds the chart once;
 * `update(model)` draws a model (live charts get one per animation frame from
 * the render loop); `resize()` re-reads the node's size; `destroy()` removes
 * everything the chart added.
 */
export interface Chart<M> {
  update(model: M): void;
  resize(): void;
  destroy(): void;
}

export type CreateChart<M, O> = (node: HTMLDivElement, options: O) => Chart<M>;

/** The node's content box, at least a usable minimum (a collapsed panel must not give negative ranges). */
export function nodeSize(node: HTMLElement, minW = 120, minH = 90): { width: number; height: number } {
  return { width: Math.max(minW, node.clientWidth), height: Math.max(minH, node.clientHeight) };
}
