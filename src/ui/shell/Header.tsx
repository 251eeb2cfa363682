import { useState } from 'react';
import { useExplorer } from '../state/store';
import { currentLink } from '../state/url-sync';
import { PresetMenu } from '../presets/PresetMenu';

/** Title, presets, copy link, lecture mode and the help overlay. */
export function Header() {
  const lecture = useExplorer((s) => s.config.lecture);
  const setConfig = useExplorer((s) => s.setConfig);
  const setHelp = useExplorer((s) => s.setHelp);
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
      <h1>
        Why SGD escapes sharp minima <span className="sub">the sharpness–non-uniformity explorer</span>
      </h1>
      <PresetMenu />
      <button type="button" data-testid="copy-link" onClick={copy}>
        Copy link
      </button>
      {copied && (
        <span className="copied" role="status" data-testid="copied">
          {copied}
        </span>
      )}
      <button type="button" data-testid="lecture-button" aria-pressed={lecture} aria-keyshortcuts="L" onClick={() => setConfig({ lecture: !lecture })}>
        Lecture mode
      </button>
      <button type="button" data-testid="help-button" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
        Keys ?
      </button>
    </header>
  );
}
