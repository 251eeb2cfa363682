import { useCompareRuns } from '../sim/compare-context';
import { useSim } from '../sim/sim-context';
import { useLectureUi } from './lecture-ui';
import { openPresenterView } from './presenter/presenter-view';

/** The header's way into the lecture tools: the link as a QR code (Q), the recorder and the presenter view (V). */
export function LectureButtons() {
  const setQr = useLectureUi((s) => s.setQr);
  const recorder = useLectureUi((s) => s.recorder);
  const setRecorder = useLectureUi((s) => s.setRecorder);
  const sim = useSim();
  const comparisons = useCompareRuns();
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
      {/* Named by its visible words too (Presenter view, or Present when narrow; WCAG 2.5.3). */}
      <button type="button" data-testid="presenter-button" aria-keyshortcuts="V" title="presenter view: open a second window for the projector" disabled={!sim} onClick={() => sim && void openPresenterView(sim, comparisons)}>
        <span className="label-long">Presenter view</span>
        <span className="label-short">Present</span>
      </button>
    </>
  );
}
