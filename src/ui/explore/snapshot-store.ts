/**
 * A snapshot and its subscribers, the shape useSyncExternalStore reads: what
 * the phase grid's and the selection experiment's runs share. They live outside
 * React (workers, timers) and publish a new snapshot object on each change.
 */
export class SnapshotStore<S extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(protected snap: S) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): S => this.snap;

  /** A new snapshot with `patch` applied; every subscriber is told. */
  protected set(patch: Partial<S>): void {
    this.snap = { ...this.snap, ...patch };
    this.listeners.forEach((fn) => fn());
  }
}
