import { useSim } from '../sim/sim-context';
import { toggleTrace, useSound } from './sound';

/**
 * The audio trace's button (A's twin): a student who does not know the key can still
 * hear the escape burst. Pressed (aria-pressed) while it plays; pressing again stops it.
 * Its one visible word is its name, so a speech-input user can say what they see.
 */
export function SoundButton() {
  const sim = useSim();
  const playing = useSound((s) => s.playing);
  return (
    <button type="button" data-testid="sound-button" aria-pressed={playing} aria-keyshortcuts="A" onClick={() => toggleTrace(sim?.current ?? null)}>
      Listen
    </button>
  );
}

/**
 * M's twin (docs/accessibility.md#keyboard): every key has a visible button. Pressed
 * (aria-pressed) while the page is muted; its name stays "Mute", so a screen reader says
 * "Mute, toggle button, pressed" rather than a name that flips with the state.
 */
export function MuteButton() {
  const muted = useSound((s) => s.muted);
  const setMuted = useSound((s) => s.setMuted);
  return (
    <button type="button" data-testid="mute-button" aria-pressed={muted} aria-keyshortcuts="M" onClick={() => setMuted(!muted)}>
      Mute
    </button>
  );
}
