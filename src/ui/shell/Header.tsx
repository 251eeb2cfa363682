import { useEffect, useRef, useState } from 'react';
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
 * (app.css), so the header stays one line. In lecture mode with the controls in
 * a drawer (a 1280 or 1024 projector) even the short labels do not fit at the
 * room's 24 px type: the QR code, the recorder, the presenter view, lecture mode,
 * Listen, Mute and the keys go into a "More" menu (their keys still work).
 */
export function Header({ drawer = false }: { drawer?: boolean }) {
  const drawerOpen = useExplorer(selectDrawerOpen);
  const setDrawerOpen = useExplorer(selectSetDrawerOpen);
  const lecture = useExplorer(selectLecture);
  const setConfig = useExplorer((s) => s.setConfig);
  const setHelp = useExplorer(selectSetHelp);
  const [copied, setCopied] = useState<string | null>(null);
  const compact = drawer && lecture;
  const [moreWanted, setMoreOpen] = useState(false);
  const moreOpen = compact && moreWanted;
  const moreRef = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  // The menu closes on Escape (the focus goes back to More) and on a press outside it.
  useEffect(() => {
    if (!moreOpen) return;
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!moreRef.current?.contains(t) && !moreButton.current?.contains(t)) setMoreOpen(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMoreOpen(false);
      moreButton.current?.focus();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', key, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', key, true);
    };
  }, [moreOpen]);

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
      {copied && (
        <span className="copied" role="status" data-testid="copied">
          {copied}
        </span>
      )}
      {compact && (
        <button type="button" ref={moreButton} data-testid="header-more" aria-expanded={moreOpen} aria-controls="header-more-items" onClick={() => setMoreOpen(!moreOpen)}>
          More ▾
        </button>
      )}
      {/* Inline everywhere else (display: contents); a menu below More in compact mode. A click on one of its buttons closes it. */}
      <div id="header-more-items" ref={moreRef} className={`header-more-items${compact ? ' menu' : ''}${moreOpen ? ' open' : ''}`} onClick={() => compact && setMoreOpen(false)}>
        <LectureButtons />
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
      </div>
    </header>
  );
}
