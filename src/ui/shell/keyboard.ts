import { componentCount } from '../../core/problems/component-count';
import { PRESETS } from '../presets/presets';
import { applyPreset } from '../presets/apply-preset';
import { useExplorer } from '../state/store';
import { undoHistory } from '../state/undo-history';
import { scrubBy } from '../sim/scrub';
import { pinCurrent } from '../state/compare-actions';
import type { SimController } from '../sim/sim-controller';
import { useLectureUi } from '../lecture/lecture-ui';
import { toggleTrace, useSound } from '../a11y/sound';

/** The η factor of one ↑/↓ press. */
export const ETA_KEY_FACTOR = 1.1;

/**
 * The lecture keys: space play/pause, → step, R reset, ↑/↓ η, [ ] B, L lecture
 * mode, Q the link as a QR code, digits presets, ? help. Ignored while typing in a field.
 */
export function bindKeys(sim: SimController, comparisons?: { restart(): void }): () => void {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const undoKey = isUndoKey(e);
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) {
      // A text field keeps its own undo; a slider or a checkbox has none, so the page's applies.
      const control = t instanceof HTMLInputElement && (t.type === 'range' || t.type === 'checkbox');
      if (!(control && (e.key === 'l' || e.key === 'L' || e.key === '?' || undoKey !== null))) return;
    }
    if (undoKey !== null) {
      if (undoKey === 'undo') undoHistory.undo();
      else undoHistory.redo();
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = useExplorer.getState();
    const c = s.config;
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      scrubBy(sim.current, e.key === 'ArrowLeft' ? -1 : 1);
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case ' ':
        if (t && t.tagName === 'BUTTON') return;
        s.setPaused(!s.paused);
        break;
      case 'ArrowRight':
        sim.step(1);
        break;
      case 'r':
      case 'R':
        sim.restart();
        comparisons?.restart();
        break;
      case 'ArrowUp':
        s.setConfig({ eta: Number(Math.min(1e2, c.eta * ETA_KEY_FACTOR).toPrecision(4)) });
        break;
      case 'ArrowDown':
        s.setConfig({ eta: Number(Math.max(1e-3, c.eta / ETA_KEY_FACTOR).toPrecision(4)) });
        break;
      case '[':
        s.setConfig({ B: Math.max(1, c.B - 1) });
        break;
      case ']':
        s.setConfig({ B: Math.min(componentCount(c), c.B + 1) });
        break;
      case 'p':
      case 'P':
        pinCurrent();
        break;
      case 'l':
      case 'L':
        s.setConfig({ lecture: !c.lecture });
        break;
      case 'q':
      case 'Q':
        useLectureUi.getState().setQr(!useLectureUi.getState().qr);
        break;
      case 'a':
      case 'A':
        toggleTrace(sim.current);
        break;
      case 'm':
      case 'M':
        useSound.getState().setMuted(!useSound.getState().muted);
        break;
      case '?':
        s.setHelp(!s.help);
        break;
      case 'Escape':
        if (s.help) s.setHelp(false);
        else return;
        break;
      default: {
        const d = Number(e.key);
        if (e.key.length === 1 && Number.isInteger(d) && d >= 1 && d <= 9 && PRESETS[d - 1]) {
          applyPreset(PRESETS[d - 1]);
          break;
        }
        if (e.key === '0' && PRESETS[9]) {
          applyPreset(PRESETS[9]);
          break;
        }
        return;
      }
    }
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/** Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo; ⌘ instead of Ctrl on a Mac. */
function isUndoKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export const KEY_HELP: Array<[string, string]> = [
  ['space', 'play or pause'],
  ['→', 'one step'],
  ['R', 'reset: the same start again'],
  ['Shift+← / Shift+→', 'time scrubber: one recorded step back / forward'],
  ['↑ / ↓', `η × ${ETA_KEY_FACTOR} / ÷ ${ETA_KEY_FACTOR}`],
  ['[ / ]', 'B − 1 / B + 1'],
  ['L', 'lecture mode'],
  ['P', 'pin this configuration as a comparison (up to three)'],
  ['Q', 'the link as a QR code (Esc closes it)'],
  ['V', 'presenter view: a second window for the projector, kept in step with this one'],
  ['F', 'in the projector window: full screen (again: back)'],
  ['1 … 9, 0', 'presets 1 to 10'],
  ['Ctrl+Z / ⌘Z', 'undo the last change of the configuration (a drag is one change)'],
  ['Ctrl+Shift+Z / ⌘⇧Z', 'redo'],
  ['Ctrl+Y', 'redo'],
  ['A', 'listen: the escape burst’s mean loss as pitch, a click at each escape (A again stops; the header’s “Listen” button does the same)'],
  ['M', 'mute or unmute the sound (the header’s “Mute” button does the same)'],
  ['Tab / Shift+Tab', 'the next / previous control, tab or chart'],
  ['Esc', 'close the keys, the QR code or the controls drawer'],
  ['← → ↑ ↓ (diagram focused, problem=point)', 'move the hand-placed point: a, s (Shift: ten times as far)'],
  ['← → ↑ ↓, Enter (phase grid focused)', 'move the cell cursor; set η and B to the cell'],
  ['?', 'this help'],
];
