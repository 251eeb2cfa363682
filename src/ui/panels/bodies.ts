import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PANELS, type PanelId } from './registry';

/**
 * Each panel's view component, from its registry line's `body`. The modules
 * start loading when this file is first evaluated, before the page renders, so
 * a panel waits for its chunk at most as long as the page takes to start.
 */
export const BODIES = Object.fromEntries(
  PANELS.map((p) => {
    const loading = p.body();
    return [p.id, lazy(async () => ({ default: (await loading) as ComponentType }))];
  }),
) as Record<PanelId, LazyExoticComponent<ComponentType>>;
