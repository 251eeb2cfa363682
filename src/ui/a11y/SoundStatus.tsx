import { useSound } from './sound';

/** What the sound keys did (A, M), said politely: a key with no visible effect still answers. */
export function SoundStatus() {
  const message = useSound((s) => s.message);
  return (
    <p className="sr-only" role="status" data-testid="sound-status">
      {message}
    </p>
  );
}
