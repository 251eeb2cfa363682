import { undoHistory, useUndo } from '../state/undo-history';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Undo and redo of the configuration (Ctrl+Z, Ctrl+Shift+Z; ⌘ on a Mac), separate from the browser's Back. */
export function UndoButtons() {
  const canUndo = useUndo((s) => s.canUndo);
  const canRedo = useUndo((s) => s.canRedo);
  const mod = MAC ? '⌘' : 'Ctrl+';
  return (
    <span className="undo-buttons">
      <button type="button" data-testid="undo" disabled={!canUndo} aria-keyshortcuts={MAC ? 'Meta+Z' : 'Control+Z'} title={`Undo (${mod}Z)`} aria-label="Undo" onClick={() => undoHistory.undo()}>
        ↶
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} aria-keyshortcuts={MAC ? 'Meta+Shift+Z' : 'Control+Shift+Z'} title={`Redo (${mod}Shift+Z)`} aria-label="Redo" onClick={() => undoHistory.redo()}>
        ↷
      </button>
    </span>
  );
}
