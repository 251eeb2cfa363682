import type { SimController } from '../../sim/sim-controller';
import { frameLayout, type RecordView } from './frame-layout';
import { paintFrame, statusText } from './paint-frame';
import type { RecordPlan } from './record-plan';
import { RecordingError } from './recording-error';
import { RunDriver } from './run-driver';
import { GIF_HEIGHT, GIF_WIDTH, type ClipFormat } from './clip-format';
import { openClipWriter } from './clip-writer';
import { LayerCache } from './layer-cache';

export interface RecordProgress {
  frame: number;
  frames: number;
  how: string;
  /** Why the file is not in the asked format (H.264 missing: WebM instead), or null. */
  fallback: string | null;
}

export interface Recording {
  blob: Blob;
  frames: number;
  width: number;
  height: number;
  duration: number;
  how: string;
  ext: string;
  fallback: string | null;
}

/**
 * Render the run frame by frame into an MP4, a WebM or a GIF (`format`): restart the configuration
 * paused, then for each frame step it to the planned step, wait until the
 * views have drawn it, paint the chosen panels and the status line onto a
 * canvas and encode it. The same link and plan give the same frames.
 * Cancelling (the signal) or any change to the run stops it with a
 * RecordingError and saves nothing.
 */
export async function recordRun(sim: SimController, view: RecordView, plan: RecordPlan, signal: AbortSignal, progress: (p: RecordProgress) => void, format: ClipFormat = 'mp4'): Promise<Recording> {
  const driver = new RunDriver(sim, signal);
  await driver.start();
  const layout = frameLayout(view);
  if (typeof layout === 'string') throw new RecordingError('nothing-drawn', layout);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new RecordingError('encoder', 'no 2D canvas to paint the frames on');
  const { writer, fallback } = await openClipWriter(format, canvas, plan.fps, layout.background).catch((e: unknown) => {
    throw new RecordingError('encoder', e instanceof Error ? e.message : String(e));
  });
  if (signal.aborted) {
    await writer.cancel().catch(() => undefined);
    throw new RecordingError('cancelled', 'cancelled');
  }
  progress({ frame: 0, frames: plan.targets.length, how: writer.how, fallback });
  const frames = plan.targets.length;
  const layers = new LayerCache();
  try {
    driver.hold();
    for (let i = 0; i < frames; i++) {
      await driver.advanceTo(plan.targets[i]);
      await paintFrame(ctx, layout, statusText(), layers);
      await writer.add(i);
      progress({ frame: i + 1, frames, how: writer.how, fallback });
    }
    const blob = await writer.finish();
    const [width, height] = format === 'gif' ? [GIF_WIDTH, GIF_HEIGHT] : [layout.width, layout.height];
    return { blob, frames, width, height, duration: plan.duration, how: writer.how, ext: writer.ext, fallback };
  } catch (e) {
    await writer.cancel().catch(() => undefined);
    throw e;
  } finally {
    layers.dispose();
    driver.stop();
  }
}
