/**
 * The escape burst as sound (README "Accessibility"; Desmos's audio trace): the ensemble's
 * mean loss over time as pitch — higher loss, higher note, on a log scale as the chart
 * draws it — with a short click at each escape, in the step's place along the sweep.
 * Pure planning here (unit-tested); `renderTrace` schedules the plan on any Web Audio
 * context, a speaker's or an OfflineAudioContext's, with nothing to download.
 */
export interface TracePlan {
  /** Seconds the sweep lasts. */
  duration: number;
  /** The pitch at each point of the curve: time in s, frequency in Hz (linear glides between). */
  pitch: Array<{ time: number; hz: number }>;
  /** Times (s) of the escapes' clicks. */
  clicks: number[];
}

export const TRACE_SECONDS = 4;
/** Two octaves, A3 to A5: low enough not to hurt, wide enough to hear a burst. */
export const LOW_HZ = 220;
export const HIGH_HZ = 880;
const CLICK_HZ = 1760;
const CLICK_SECONDS = 0.03;

/**
 * Plan a trace from the run's curve (steps and mean loss, as `RunBuffers.summaryCurves`
 * gives them) and its escape steps. log(loss) is mapped onto LOW_HZ..HIGH_HZ
 * geometrically, so equal ratios of loss are equal musical intervals; a non-positive
 * or non-finite loss (a diverged mean) is left out of the sweep.
 */
export function planTrace(steps: ArrayLike<number>, meanLoss: ArrayLike<number>, escapeSteps: ArrayLike<number>, duration = TRACE_SECONDS): TracePlan {
  const pts: Array<{ step: number; l: number }> = [];
  for (let i = 0; i < Math.min(steps.length, meanLoss.length); i++) {
    const v = meanLoss[i];
    if (v > 0 && Number.isFinite(v)) pts.push({ step: steps[i], l: Math.log(v) });
  }
  if (pts.length === 0) return { duration, pitch: [], clicks: [] };
  const t0 = pts[0].step;
  const span = Math.max(pts[pts.length - 1].step - t0, 1);
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pts) {
    lo = Math.min(lo, p.l);
    hi = Math.max(hi, p.l);
  }
  const range = hi - lo;
  const at = (step: number) => (Math.min(Math.max(step - t0, 0), span) / span) * duration;
  const hz = (l: number) => (range > 0 ? LOW_HZ * (HIGH_HZ / LOW_HZ) ** ((l - lo) / range) : Math.sqrt(LOW_HZ * HIGH_HZ));
  const clicks: number[] = [];
  for (let i = 0; i < escapeSteps.length; i++) if (escapeSteps[i] >= 0) clicks.push(at(escapeSteps[i]));
  clicks.sort((a, b) => a - b);
  return { duration, pitch: pts.map((p) => ({ time: at(p.step), hz: hz(p.l) })), clicks };
}

/**
 * Schedule a plan on a Web Audio context, starting `start` seconds from now (its
 * currentTime). The tone is a sine; each escape a short, higher square blip, so the
 * two cannot be confused. Returns a function that stops it.
 */
export function renderTrace(ctx: BaseAudioContext, plan: TracePlan, start = ctx.currentTime): () => void {
  const nodes: AudioScheduledSourceNode[] = [];
  if (plan.pitch.length > 0) {
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.25, start + 0.02);
    gain.gain.setValueAtTime(0.25, start + plan.duration - 0.02);
    gain.gain.linearRampToValueAtTime(0, start + plan.duration);
    osc.frequency.setValueAtTime(plan.pitch[0].hz, start);
    for (const p of plan.pitch) osc.frequency.linearRampToValueAtTime(p.hz, start + p.time);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + plan.duration);
    nodes.push(osc);
  }
  // Escapes closer than a click's length are one click: a burst of a hundred at once is heard as one.
  let last = -Infinity;
  for (const c of plan.clicks) {
    if (c - last < CLICK_SECONDS * 2) continue;
    last = c;
    const blip = ctx.createOscillator();
    blip.type = 'square';
    blip.frequency.value = CLICK_HZ;
    const g = ctx.createGain();
    g.gain.setValueAtTime(0.12, start + c);
    g.gain.exponentialRampToValueAtTime(0.001, start + c + CLICK_SECONDS);
    blip.connect(g).connect(ctx.destination);
    blip.start(start + c);
    blip.stop(start + c + CLICK_SECONDS);
    nodes.push(blip);
  }
  return () => {
    for (const n of nodes) {
      try {
        n.stop();
      } catch {
        // already stopped
      }
    }
  };
}
