import { useLectureUi } from './lecture-ui';

/** The header's way into the lecture tools: the link as a QR code (Q) and the recorder. */
export function LectureButtons() {
  const setQr = useLectureUi((s) => s.setQr);
  const recorder = useLectureUi((s) => s.recorder);
  const setRecorder = useLectureUi((s) => s.setRecorder);
  return (
    <>
      <button type="button" data-testid="qr-button" aria-keyshortcuts="Q" aria-label="show the link as a QR code" onClick={() => setQr(true)}>
        <span className="label-long">QR code</span>
        <span className="label-short">QR</span>
      </button>
      {/* Named by its visible word (Record, or Rec when narrow), so speech input's "click Record" finds it (WCAG 2.5.3). */}
      <button type="button" data-testid="record-button" aria-pressed={recorder} title="record a run as a video" onClick={() => setRecorder(!recorder)}>
        <span className="label-long">Record</span>
        <span className="label-short">Rec</span>
      </button>
    </>
  );
}
