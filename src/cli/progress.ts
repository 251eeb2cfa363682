/**
 * A progress bar on stderr, drawn only when stderr is a terminal: piped or
 * redirected (a Slurm log, `2> file`, a test), the command writes nothing extra.
 * Redrawn at most every 100 ms, on one line, with `\r`.
 */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** `done` of the total units are finished. */
  update(done: number): void;
  /** Clear the bar (the next output starts on a clean line). */
  end(): void;
}

const NONE: Progress = { update() {}, end() {} };

export function progressBar(label: string, total: number, sink: ProgressSink = process.stderr, now: () => number = () => performance.now()): Progress {
  if (!sink.isTTY) return NONE;
  const t0 = now();
  let last = -Infinity;
  let drawn = false;
  const draw = (done: number) => {
    const frac = total > 0 ? done / total : 1;
    const elapsed = (now() - t0) / 1000;
    const eta = done > 0 && done < total ? ` ${Math.ceil((elapsed * (total - done)) / done)} s left` : '';
    const text = ` ${done}/${total} ${label} ${Math.floor(frac * 100)}%${eta}`;
    const width = Math.max(10, Math.min(40, (sink.columns ?? 80) - text.length - 3));
    const full = Math.round(frac * width);
    sink.write(`\r[${'#'.repeat(full)}${'-'.repeat(width - full)}]${text}\x1b[K`);
    drawn = true;
  };
  return {
    update(done) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      draw(done);
    },
    end() {
      if (drawn) sink.write('\r\x1b[K');
    },
  };
}
