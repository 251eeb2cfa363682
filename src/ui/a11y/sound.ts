import { create } from 'zustand';
import type { LiveRun } from '../sim/live-run';
import { planTrace, renderTrace, type TracePlan } from './audio-trace';

/**
 * The page's sound: off until asked for (A plays the escape burst's trace, A again
 * stops it), and a mute (M) that silences it and keeps it silent. Kept apart from the
 * explorer's store: none of it belongs in a link.
 */
export interface SoundUi {
  muted: boolean;
  playing: boolean;
  /** What was last said about the sound (for the live region: "muted", "no run yet" …). */
  message: string;
  setMuted(muted: boolean): void;
}

export const useSound = create<SoundUi>()((set) => ({
  muted: false,
  playing: false,
  message: '',
  setMuted: (muted) => {
    if (muted) stopTrace();
    set({ muted, message: muted ? 'Sound muted.' : 'Sound on.' });
  },
}));

let ctx: AudioContext | null = null;
let stop: (() => void) | null = null;
let endTimer: ReturnType<typeof setTimeout> | null = null;

/** The plan of a run's escape burst: its mean loss over the recorded steps and its escape steps. */
export function planOfRun(run: LiveRun): TracePlan | null {
  const b = run.sgd;
  if (!b || b.count === 0) return null;
  const c = b.summaryCurves();
  return planTrace(c.step, c.meanLoss, b.escapeStep);
}

/** The curve a plan is made from (the browser test compares the heard pitch with it): steps and mean loss. */
export function curveOfRun(run: LiveRun): { step: number[]; meanLoss: number[] } | null {
  const b = run.sgd;
  if (!b || b.count === 0) return null;
  const c = b.summaryCurves();
  return { step: Array.from(c.step), meanLoss: Array.from(c.meanLoss) };
}

export function stopTrace(): void {
  stop?.();
  stop = null;
  if (endTimer !== null) clearTimeout(endTimer);
  endTimer = null;
  useSound.setState({ playing: false });
}

/** A: play the current run's trace, or stop the one playing. */
export function toggleTrace(run: LiveRun | null): void {
  const s = useSound.getState();
  if (s.playing) {
    stopTrace();
    useSound.setState({ message: 'Sound trace stopped.' });
    return;
  }
  if (s.muted) {
    useSound.setState({ message: 'Sound is muted (M or the Mute button turns it on).' });
    return;
  }
  const plan = run ? planOfRun(run) : null;
  if (!plan || plan.pitch.length === 0) {
    useSound.setState({ message: 'No run to play yet.' });
    return;
  }
  const AC = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!AC) {
    useSound.setState({ message: 'This browser has no Web Audio.' });
    return;
  }
  ctx ??= new AC();
  void ctx.resume();
  stop = renderTrace(ctx, plan, ctx.currentTime + 0.05);
  endTimer = setTimeout(stopTrace, (plan.duration + 0.2) * 1000);
  useSound.setState({ playing: true, message: `Playing the mean loss as pitch over ${plan.duration} s, a click at each of ${plan.clicks.length} escapes.` });
}

/** Render a plan without a speaker (the browser test's OfflineAudioContext): the mono samples. */
export async function renderOffline(plan: TracePlan, sampleRate = 8000): Promise<Float32Array> {
  const off = new OfflineAudioContext(1, Math.ceil(sampleRate * plan.duration), sampleRate);
  renderTrace(off, plan, 0);
  const buf = await off.startRendering();
  return buf.getChannelData(0);
}
