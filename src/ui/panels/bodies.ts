import type { ComponentType } from 'react';
import { PANELS, type PanelId } from './registry';

/**
 * Each panel's view component, from its registry line's `body`. The registry
 * names a view by a dynamic import so that Node (the command line, the keys
 * table) can read the list without loading React views; the page loads every
 * body before its first render (`loadBodies`, awaited in src/main.tsx), so the
 * live grid is whole in its first frame — no panel appears a moment later, and
 * no test or chart finds a panel missing just after the page opens.
 */
const bodies: Partial<Record<PanelId, ComponentType>> = {};

let loading: Promise<void> | null = null;

/** Load every panel's view (once); resolves when all are there. */
export function loadBodies(): Promise<void> {
  loading ??= Promise.all(
    PANELS.map(async (p) => {
      bodies[p.id] = (await p.body()) as ComponentType;
    }),
  ).then(() => undefined);
  return loading;
}

/** The view of panel `id`; only after loadBodies() has resolved. */
export function bodyOf(id: PanelId): ComponentType {
  const body = bodies[id];
  if (!body) throw new Error(`panel ${id}: its view is not loaded (await loadBodies() before rendering)`);
  return body;
}
