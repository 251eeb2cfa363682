import type { SimController } from '../../sim/sim-controller';
import { frameLayout, type RecordView } from './frame-layout';
import { paintFrame, statusText } from './paint-frame';
import type { RecordPlan } from './record-plan';
import { RecordingError } from './recording-error';
import { RunDriver } from './run-driver';
import { openWriter } from './webm-writer';

export interface RecordProgress {
  frame: number;
  frames: number;
  how: string;
}

export interface Recording {
  blob: Blob;
  frames: number;
  width: number;
  height: number;
  duration: number;
  how: string;
}

/**
 * Render the run frame by frame into a WebM: restart the configuration
 * paused, then for each frame step it to the planned step, wait until the
 * views have drawn it, paint the chosen panels and the status line onto a
 * canvas and encode it. The same link and plan give the same frames.
 * Cancelling (the signal) or any change to the run stops it with a
 * RecordingError and saves nothing.
 */
export async function recordRun(sim: SimController, view: RecordView, plan: RecordPlan, signal: AbortSignal, progress: (p: RecordProgress) => void): Promise<Recording> {
  const driver = new RunDriver(sim, signal);
  await driver.start();
  const layout = frameLayout(view);
  if (typeof layout === 'string') throw new RecordingError('nothing-drawn', layout);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new RecordingError('encoder', 'no 2D canvas to paint the frames on');
  const writer = await openWriter(canvas, plan.fps).catch((e: unknown) => {
    throw new RecordingError('encoder', e instanceof Error ? e.message : String(e));
  });
  const frames = plan.targets.length;
  try {
    for (let i = 0; i < frames; i++) {
      await driver.advanceTo(plan.targets[i]);
      await paintFrame(ctx, layout, statusText());
      await writer.add(i);
      progress({ frame: i + 1, frames, how: writer.how });
    }
    const blob = await writer.finish();
    return { blob, frames, width: layout.width, height: layout.height, duration: plan.duration, how: writer.how };
  } catch (e) {
    await writer.cancel().catch(() => undefined);
    throw e;
  }
}
