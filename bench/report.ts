/**
 * The bench's report: the machine it ran on, every raw measurement, and the
 * figure rows (bench/figures.ts); written as JSON and printed as a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { figures, type Figure, type Measured } from './figures';
import type { BenchOptions } from './options';
import { isSkipped } from './stat';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  platform: string;
  node: string;
  chromium: string | null;
  gcc: string | null;
  numpy: string | null;
}

export interface Report extends Measured {
  /** Version of this file's layout. */
  format: 1;
  mode: BenchOptions['mode'];
  date: string;
  seconds: number;
  machine: Machine;
  options: Pick<BenchOptions, 'repeats' | 'slowRepeats' | 'page' | 'sizes'> & { processes?: number };
  figures: Figure[];
}

function gccVersion(): string | null {
  const r = spawnSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' });
  return r.status === 0 ? `gcc ${r.stdout.trim()}` : null;
}

export function machine(m: Measured): Machine {
  const c = cpus();
  return {
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: isSkipped(m.page) ? null : m.page.chromium,
    gcc: isSkipped(m.native) ? null : gccVersion(),
    numpy: isSkipped(m.numpy) ? null : m.numpy.version,
  };
}

export function makeReport(opts: BenchOptions, measured: Measured, seconds: number, date = new Date()): Report {
  return {
    format: 1,
    mode: opts.mode,
    date: date.toISOString(),
    seconds,
    machine: machine(measured),
    options: { repeats: opts.repeats, slowRepeats: opts.slowRepeats, processes: opts.processes, page: opts.page, sizes: opts.sizes },
    ...measured,
    figures: figures(measured),
  };
}

/** JSON with non-finite numbers as null. */
export function writeReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export const metText = (f: Figure) => (f.met === null ? (f.target ? '–' : '') : f.met ? 'yes' : 'NO');

/** The figures as a fixed-width console table: figure, value, target, met, ratio. */
export function consoleTable(figs: readonly Figure[]): string {
  const head = ['figure', 'value', 'target', 'met', 'ratio'];
  const rows = figs.map((f) => [f.label, f.display, f.target?.text ?? '', metText(f), f.ratio ?? '']);
  const widths = [72, 30, 22, 4, 40];
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  const out = [line(head), widths.map((w) => '─'.repeat(w)).join('  ')];
  let group = '';
  figs.forEach((f, i) => {
    if (f.group !== group) {
      group = f.group;
      out.push(`[${group}]`);
    }
    out.push(line(rows[i]));
  });
  return out.join('\n');
}
