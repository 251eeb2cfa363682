import { create } from 'zustand';
import { encodeLink, type LinkConfig } from './link-params';
import { useExplorer, type ExplorerState } from './store';

/** At most this many changes can be undone (the oldest is dropped first). */
export const UNDO_LIMIT = 100;

/** What one undo step restores: the link's keys and the preset note shown with them. */
interface Snapshot {
  config: LinkConfig;
  note: ExplorerState['note'];
}

/** Whether there is something to undo or redo (the header's buttons follow it). */
export const useUndo = create<{ canUndo: boolean; canRedo: boolean }>()(() => ({ canUndo: false, canRedo: false }));

/**
 * The key that says what a change is: every permalink key except the time
 * scrubber's `t`, which follows the run and is not a change of configuration.
 */
function identity(config: LinkConfig): string {
  let id = identities.get(config);
  if (id === undefined) {
    id = encodeLink({ ...config, t: -1 });
    identities.set(config, id);
  }
  return id;
}

/** A configuration object is never changed once in the store: its identity is encoded once. */
const identities = new WeakMap<LinkConfig, string>();

/**
 * Undo and redo of the configuration, separate from the browser's history:
 * every change of a permalink key (a control, a key, a preset, a drag) is one
 * entry; the changes made while a pointer is held down (a slider or a corner
 * drag) are one entry together. Lives on the page, so a worker restart keeps it.
 */
class UndoHistory {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];
  private applying = false;
  private pointerDown = false;
  /** The entry of the drag in progress was pushed. */
  private gestureRecorded = false;

  /** Follow the store; returns the cleanup. */
  start(target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = typeof window === 'undefined' ? null : window): () => void {
    const unsubscribe = useExplorer.subscribe((s, prev) => {
      if (s.config === prev.config || this.applying) return;
      // Within a drag already recorded, no input needs encoding.
      if (this.pointerDown && this.gestureRecorded) return;
      if (identity(s.config) === identity(prev.config)) return;
      this.record({ config: prev.config, note: prev.note });
      if (this.pointerDown) this.gestureRecorded = true;
    });
    const down = () => {
      this.pointerDown = true;
      this.gestureRecorded = false;
    };
    const up = () => this.endGesture();
    target?.addEventListener('pointerdown', down, true);
    target?.addEventListener('pointerup', up, true);
    target?.addEventListener('pointercancel', up, true);
    target?.addEventListener('blur', up);
    return () => {
      unsubscribe();
      target?.removeEventListener('pointerdown', down, true);
      target?.removeEventListener('pointerup', up, true);
      target?.removeEventListener('pointercancel', up, true);
      target?.removeEventListener('blur', up);
    };
  }

  /** The pointer was released: a drag that ended where it began leaves no entry. */
  endGesture(): void {
    if (this.pointerDown && this.gestureRecorded) {
      const top = this.past[this.past.length - 1];
      if (top && identity(top.config) === identity(useExplorer.getState().config)) {
        this.past.pop();
        this.publish();
      }
    }
    this.pointerDown = false;
    this.gestureRecorded = false;
  }

  /** Test and drag hook: the start of a gesture whose changes make one entry. */
  beginGesture(): void {
    this.pointerDown = true;
    this.gestureRecorded = false;
  }

  private record(snap: Snapshot): void {
    this.past.push(snap);
    if (this.past.length > UNDO_LIMIT) this.past.splice(0, this.past.length - UNDO_LIMIT);
    this.future = [];
    this.publish();
  }

  /** Undo the last change; false (and nothing changes) when there is none. */
  undo(): boolean {
    const snap = this.past.pop();
    if (!snap) return false;
    this.future.push(this.current());
    this.restore(snap);
    return true;
  }

  /** Redo the last undone change; false when there is none. */
  redo(): boolean {
    const snap = this.future.pop();
    if (!snap) return false;
    this.past.push(this.current());
    this.restore(snap);
    return true;
  }

  get size(): { past: number; future: number } {
    return { past: this.past.length, future: this.future.length };
  }

  /** Forget everything (tests). */
  clear(): void {
    this.past = [];
    this.future = [];
    this.pointerDown = false;
    this.gestureRecorded = false;
    this.publish();
  }

  private current(): Snapshot {
    const s = useExplorer.getState();
    return { config: s.config, note: s.note };
  }

  private restore(snap: Snapshot): void {
    this.applying = true;
    try {
      // The scrubber's t stays where it is: undo is about the configuration.
      const t = useExplorer.getState().config.t;
      useExplorer.setState({ config: { ...snap.config, t }, note: snap.note, fieldErrors: {} });
    } finally {
      this.applying = false;
    }
    this.publish();
  }

  private publish(): void {
    const canUndo = this.past.length > 0;
    const canRedo = this.future.length > 0;
    const u = useUndo.getState();
    if (u.canUndo !== canUndo || u.canRedo !== canRedo) useUndo.setState({ canUndo, canRedo });
  }
}

/** The page's one undo history. */
export const undoHistory = new UndoHistory();
