import { useEffect, useRef } from 'react';
import { useExplorer } from '../state/store';
import { selectHelp, selectSetHelp } from '../state/selectors';
import { KEY_HELP } from './keyboard';
import { useDialogFocus } from '../a11y/use-dialog-focus';

export function HelpOverlay() {
  const help = useExplorer(selectHelp);
  const setHelp = useExplorer(selectSetHelp);
  const close = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLDivElement>(null);
  useDialogFocus(card, help);
  useEffect(() => {
    if (help) close.current?.focus();
  }, [help]);
  if (!help) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="keyboard keys" data-testid="help-overlay" onClick={() => setHelp(false)}>
      <div className="overlay-card" ref={card} onClick={(e) => e.stopPropagation()}>
        <h2>Keys</h2>
        <table>
          <tbody>
            {KEY_HELP.map(([k, v]) => (
              <tr key={k}>
                <th>
                  <kbd>{k}</kbd>
                </th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>Every control is reachable with Tab. Links keep everything you see: copy one with “Copy link”.</p>
        <button type="button" ref={close} onClick={() => setHelp(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
