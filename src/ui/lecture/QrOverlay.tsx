import { useEffect, useRef, useState } from 'react';
import { useExplorer } from '../state/store';
import { fullLink } from './full-link';
import { useLectureUi } from './lecture-ui';
import { drawQr, linkQr } from './qr-code';
import { useDialogFocus } from '../a11y/use-dialog-focus';
import './lecture.css';

/** Share of the viewport's height the code takes: the room must scan it from the back (at least 60 %). */
const QR_HEIGHT = 0.72;

/**
 * The current link as a QR code large enough for a hall, with the link as text below. Esc or a click outside closes it.
 * Closed, it reads nothing of the configuration, so a drag of η does not encode the link for it.
 */
export function QrOverlay() {
  const open = useLectureUi((s) => s.qr);
  return open ? <QrCard /> : null;
}

function QrCard() {
  const setQr = useLectureUi((s) => s.setQr);
  const config = useExplorer((s) => s.config);
  const canvas = useRef<HTMLCanvasElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLDivElement>(null);
  useDialogFocus(card, true);
  const [size, setSize] = useState(() => (typeof window === 'undefined' ? 0 : Math.min(window.innerHeight * QR_HEIGHT, window.innerWidth * 0.92)));
  const link = fullLink(config);
  const qr = linkQr(link);

  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        setQr(false);
      }
    };
    const onResize = () => setSize(Math.min(window.innerHeight * QR_HEIGHT, window.innerWidth * 0.92));
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('resize', onResize);
    };
  }, [setQr]);

  useEffect(() => {
    if (qr?.ok && canvas.current) drawQr(canvas.current, qr.code, size * (window.devicePixelRatio || 1));
  });

  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <div className="overlay qr-overlay" role="dialog" aria-modal="true" aria-label="the link as a QR code" data-testid="qr-overlay" onClick={() => setQr(false)}>
      <div className="qr-card" ref={card} onClick={(e) => e.stopPropagation()}>
        {qr.ok ? (
          <canvas ref={canvas} data-testid="qr-code" className="qr-code" role="img" aria-label={`QR code of ${link}`} style={{ width: `${Math.floor(size * dpr) / dpr}px` }} />
        ) : (
          <p className="qr-too-long" role="alert" data-testid="qr-too-long">
            {qr.message}
          </p>
        )}
        <p className="qr-link" data-testid="qr-link">
          {link}
        </p>
        <button type="button" ref={close} onClick={() => setQr(false)}>
          Close (Esc)
        </button>
      </div>
    </div>
  );
}
