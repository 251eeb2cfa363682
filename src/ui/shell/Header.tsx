import { useState } from 'react';
import { useExplorer } from '../state/store';
import { currentLink } from '../state/url-sync';
import { PresetMenu } from '../presets/PresetMenu';
import { selectDrawerOpen, selectLecture, selectSetDrawerOpen, selectSetHelp } from '../state/selectors';
import { UndoButtons } from './UndoButtons';
import { LectureButtons } from '../lecture/LectureButtons';
import { MuteButton, SoundButton } from '../a11y/SoundButton';

/**
 * Title, presets, copy link, the QR code and the recorder, lecture mode, the
 * audio trace's Listen and Mute buttons and the help overlay; where the controls are a drawer (`drawer`), the button
 * that opens it. Long labels give way to short ones on narrow screens
 * (app.css), so the header stays one line.
 */
export function Header({ drawer = false }: { drawer?: boolean }) {
  const drawerOpen = useExplorer(selectDrawerOpen);
  const setDrawerOpen = useExplorer(selectSetDrawerOpen);
  const lecture = useExplorer(selectLecture);
  const setConfig = useExplorer((s) => s.setConfig);
  const setHelp = useExplorer(selectSetHelp);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const link = currentLink();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied');
    } catch {
      setCopied('Copy this link from the address bar');
    }
    setTimeout(() => setCopied(null), 2500);
  };
  return (
    <header className="header">
      {drawer && (
        <button type="button" className="drawer-toggle" data-testid="controls-drawer-toggle" aria-expanded={drawerOpen} aria-controls="controls" onClick={() => setDrawerOpen(!drawerOpen)}>
          <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M2 4h12M2 8h12M2 12h12" />
          </svg>
          <span>Controls</span>
        </button>
      )}
      <h1>
        <span className="title-long">Why SGD escapes sharp minima</span>
        <span className="title-short">SGD escapes</span> <span className="sub">the sharpness–non-uniformity explorer</span>
      </h1>
      <PresetMenu />
      <UndoButtons />
      <button type="button" data-testid="copy-link" onClick={copy}>
        <span className="label-long">Copy link</span>
        <span className="label-short">Link</span>
      </button>
      <LectureButtons />
      {copied && (
        <span className="copied" role="status" data-testid="copied">
          {copied}
        </span>
      )}
      <button type="button" data-testid="lecture-button" aria-pressed={lecture} aria-keyshortcuts="L" onClick={() => setConfig({ lecture: !lecture })}>
        <span className="label-long">Lecture mode</span>
        <span className="label-short">Lecture</span>
      </button>
      <SoundButton />
      <MuteButton />
      <button type="button" data-testid="help-button" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
        <span className="label-long">Keys ?</span>
        <span className="label-short">?</span>
      </button>
    </header>
  );
}
