import { useSyncExternalStore } from 'react';

/** Whether the controls drawer is open (only meaningful where the controls are a drawer). */
let open = false;
const listeners = new Set<() => void>();

export function setDrawerOpen(next: boolean): void {
  if (next === open) return;
  open = next;
  for (const l of listeners) l();
}

export function useDrawerOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
