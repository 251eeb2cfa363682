/** What a recording renders: the step shown in each video frame, at a fixed frame rate. */
export interface RecordPlan {
  /** Step of the run in frame i: min(i · stepsPerFrame, steps); frame 0 is the start. */
  targets: number[];
  stepsPerFrame: number;
  fps: number;
  /** Length of the video in seconds: frames / fps. */
  duration: number;
}

/** The largest number of frames one recording renders (about 2 minutes at 30 frames per second). */
export const MAX_FRAMES = 3600;

/**
 * A fixed number of simulation steps per frame and a fixed frame rate, so one
 * link always gives the same frames: the video is rendered from the
 * deterministic run, not captured in real time.
 */
export function planRecording(steps: number, stepsPerFrame: number, fps: number): RecordPlan | string {
  if (!Number.isInteger(stepsPerFrame) || stepsPerFrame < 1) return `steps per frame must be a whole number of at least 1, got ${stepsPerFrame}`;
  if (!Number.isInteger(fps) || fps < 1 || fps > 60) return `frames per second must be a whole number from 1 to 60, got ${fps}`;
  const frames = Math.ceil(steps / stepsPerFrame) + 1;
  if (frames > MAX_FRAMES) return `${steps} steps at ${stepsPerFrame} per frame make ${frames} frames, more than ${MAX_FRAMES}; take at least ${Math.ceil(steps / (MAX_FRAMES - 1))} steps per frame`;
  const targets = Array.from({ length: frames }, (_, i) => Math.min(i * stepsPerFrame, steps));
  return { targets, stepsPerFrame, fps, duration: frames / fps };
}

/** A default that keeps a clip near ten seconds at 30 frames per second. */
export const defaultStepsPerFrame = (steps: number) => Math.max(1, Math.ceil(steps / 300));
