import { useEffect, useRef, useState } from 'react';
import { downloadBlob, exportName } from '../../export/download';
import { useSim } from '../../sim/sim-context';
import { useExplorer } from '../../state/store';
import { useLectureUi } from '../lecture-ui';
import { CLIP_FORMATS, GIF_FPS, GIF_HEIGHT, GIF_WIDTH, type ClipFormat } from './clip-format';
import { RECORD_VIEWS, type RecordView } from './frame-layout';
import { defaultStepsPerFrame, planRecording } from './record-plan';
import { recordRun, type RecordProgress } from './record-run';
import { RecordingError } from './recording-error';

type Message = { text: string; bad: boolean; id: string; data?: Record<string, string | number> };

const FPS = [24, 30, 60];

/** Why a recording stopped, in words: what happened, that nothing was saved, and where the run is. */
function stopMessage(e: unknown, at: RecordProgress | null): Message {
  const where = at ? `at frame ${at.frame} of ${at.frames}` : 'before the first frame';
  const t = useExplorer.getState().status.t;
  if (e instanceof RecordingError) {
    switch (e.kind) {
      case 'cancelled':
        return { id: 'recorder-cancelled', bad: false, text: `Recording cancelled ${where}; nothing was saved. The run is paused at step ${t}: press space to go on, or Record to start again.` };
      case 'config-changed':
        return { id: 'recorder-config-changed', bad: true, text: `Recording stopped ${where}: the configuration changed during the recording, so the frames would no longer be one run; nothing was saved. Record again to render the new configuration from step 0.` };
      case 'played':
        return { id: 'recorder-played', bad: true, text: `Recording stopped ${where}: ${e.message.toLowerCase()}, so the frames would no longer be one run; nothing was saved. Record again, and leave the run to the recorder until it is done.` };
      default:
        return { id: `recorder-${e.kind}`, bad: true, text: `Recording stopped ${where}: ${e.message}. Nothing was saved.` };
    }
  }
  return { id: 'recorder-failed', bad: true, text: `Recording failed ${where}: ${e instanceof Error ? e.message : String(e)}. Nothing was saved.` };
}

/**
 * The recorder: an MP4 (the default), a WebM or a looping GIF of a live view
 * rendered frame by frame from the deterministic run, with a progress bar and
 * Cancel; the page stays usable while it renders.
 */
export function RecorderPanel() {
  const sim = useSim();
  const open = useLectureUi((s) => s.recorder);
  const setOpen = useLectureUi((s) => s.setRecorder);
  const steps = useExplorer((s) => s.config.steps);
  const [view, setView] = useState<RecordView>('diagram');
  const [spf, setSpf] = useState<string>('');
  const [format, setFormat] = useState<ClipFormat>('mp4');
  const [chosenFps, setFps] = useState(30);
  const [fallback, setFallback] = useState<string | null>(null);
  const [busy, setBusy] = useState<AbortController | null>(null);
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [offline, setOffline] = useState(false);
  const last = useRef<RecordProgress | null>(null);

  useEffect(() => {
    if (!busy) return;
    const onOffline = () => setOffline(true);
    window.addEventListener('offline', onOffline);
    return () => window.removeEventListener('offline', onOffline);
  }, [busy]);

  if (!open && !busy) return null;
  const stepsPerFrame = spf.trim() === '' ? defaultStepsPerFrame(steps) : Number(spf);
  // A GIF has one rate and size, stated before it starts; the videos take the chosen rate.
  const fps = format === 'gif' ? GIF_FPS : chosenFps;
  const plan = planRecording(steps, stepsPerFrame, fps);

  const start = async () => {
    if (!sim || typeof plan === 'string') return;
    const ac = new AbortController();
    setBusy(ac);
    setMessage(null);
    setOffline(!navigator.onLine);
    setProgress(null);
    setFallback(null);
    last.current = null;
    try {
      const r = await recordRun(sim, view, plan, ac.signal, (p) => {
        last.current = p;
        setProgress(p);
        setFallback(p.fallback);
      }, format);
      const s = useExplorer.getState();
      const name = exportName(view, s.summary?.sgd?.checksum ?? s.summary?.gd?.checksum ?? null, r.ext);
      downloadBlob(r.blob, name);
      setMessage({
        id: 'recorder-saved',
        bad: false,
        text: `Saved ${name}: ${r.frames} frames, ${r.width}×${r.height}, ${r.duration.toFixed(2)} s (${r.how}).`,
        data: { frames: r.frames, width: r.width, height: r.height, bytes: r.blob.size, format: r.ext },
      });
    } catch (e) {
      setMessage(stopMessage(e, last.current));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="recorder" aria-label="record a run as a video" data-testid="recorder">
      <h2>Record a run</h2>
      <label>
        Format
        <select value={format} disabled={!!busy} onChange={(e) => setFormat(e.target.value as ClipFormat)} data-testid="record-format">
          {CLIP_FORMATS.map(([f, label]) => (
            <option key={f} value={f}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        View
        <select value={view} disabled={!!busy} onChange={(e) => setView(e.target.value as RecordView)} data-testid="record-view">
          {RECORD_VIEWS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Steps per frame
        <input type="number" min={1} step={1} value={spf} placeholder={String(defaultStepsPerFrame(steps))} disabled={!!busy} onChange={(e) => setSpf(e.target.value)} data-testid="record-spf" />
      </label>
      <label>
        Frames per second
        <select value={fps} disabled={!!busy || format === 'gif'} onChange={(e) => setFps(Number(e.target.value))} data-testid="record-fps">
          {(format === 'gif' ? [GIF_FPS] : FPS).map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {typeof plan === 'string' ? (
        <p className="recorder-message bad" role="alert" data-testid="record-plan-error">
          {plan}
        </p>
      ) : (
        <p className="recorder-message">
          {plan.targets.length} frames of {steps} steps, {plan.duration.toFixed(1)} s. The run restarts paused and is rendered frame by frame; the same link gives the same video.
        </p>
      )}
      {typeof plan !== 'string' && (
        <p className="recorder-message" data-testid="record-size">
          {format === 'gif'
            ? `GIF at ${GIF_WIDTH}×${GIF_HEIGHT}, ${GIF_FPS} frames a second, looping; the view is fitted inside.`
            : `${format === 'mp4' ? 'MP4 (H.264, plays in PowerPoint, Keynote and on phones)' : 'WebM (VP9 or VP8)'} ${view === 'all' ? "at 1920×1080, the room's views fitted in as laid out" : "at the view's shape as laid out, at most 1920×1080"}.`}
        </p>
      )}
      {busy && (
        <>
          <progress max={progress?.frames ?? 1} value={progress?.frame ?? 0} data-testid="record-progress" />
          <p className="recorder-message" role="status">
            {progress ? `frame ${progress.frame} of ${progress.frames} (${progress.how})` : 'restarting the run…'}
          </p>
        </>
      )}
      {fallback && (
        <p className="recorder-message bad" role="status" data-testid="recorder-fallback">
          {fallback}
        </p>
      )}
      {busy && offline && (
        <p className="recorder-message" role="status" data-testid="recorder-offline">
          The network went offline during the recording. The recording needs none and goes on; the video is saved to this computer when it is done.
        </p>
      )}
      {message && (
        <p className={`recorder-message${message.bad ? ' bad' : ''}`} role={message.bad ? 'alert' : 'status'} data-testid={message.id} {...Object.fromEntries(Object.entries(message.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
          {message.text}
        </p>
      )}
      <div className="row">
        {busy ? (
          <button type="button" onClick={() => busy.abort()} data-testid="record-cancel">
            Cancel
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void start()} disabled={!sim || typeof plan === 'string'} data-testid="record-start">
              Record
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </>
        )}
      </div>
    </section>
  );
}
