/**
 * The README's performance table, made from bench/results/latest.json: it
 * replaces what lies between `<!-- bench:start -->` and `<!-- bench:end -->` and
 * nothing else. `npm run bench` runs it at the end; by hand:
 *   npx tsx bench/readme-table.ts [report.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';
import { metText, type Report } from './report';
import type { PageSizes } from './options';
import type { PageFigures } from './page';
import { isSkipped, type Skipped } from './stat';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const GROUPS: Record<Figure['group'], string> = {
  engine: 'Engine (Node, one core)',
  reference: 'Against what a user would use instead',
  theory: 'Theory',
  network: 'A network (Node, one core)',
  page: 'The page (Chromium, production build)',
};

const w = (x: { startS: number; seconds: number }) => `${x.seconds} s from ${x.startS} s`;

/** How the page was measured, from the sizes the report ran with. */
export function pageText(page: PageFigures | Skipped): string {
  if (isSkipped(page) || !page.sizes) return '';
  const z = page.sizes;
  return `The page, in the production build at 1920×1080 with every live view shown: first paint is the median of ${z.loads} loads; each stream (200 runs × 10⁷ steps) is measured in one page over a window of ${w(z.early)} and another of ${w(z.late)} after it is first seen running, and a window counts only if the run streamed through it; each drag is ${z.dragSeconds} s of real mouse moves issued at 60 a second, 2 s into a 200-run stream: the η slider, then the B slider, on the toy and on circle Model 1, the rectangle's corner on the diagram, and the η slider with two configurations streaming (compare=B:16); a drag's moves are those the page accepted (the pointermove events it dispatched, counted in the page, so a blocked page cannot hide behind a slow driver), its worst event is the longest Event Timing entry (observer installed before the drag, 16 ms threshold: its Interaction to Next Paint), and its notes say how many inputs became how many starts of the worker (window.explorer.sim.starts); ${z.holdSeconds === undefined ? '' : `↑ is held down for ${z.holdSeconds} s on the page's body (key repeat at 30 a second, from η = 0.001, which the presses carry to about 5); `}each first new point is the p95 of ${z.changes} changes, from the η box + Enter and from a keyboard step (→) of the η slider; throughput divides the page's run-steps per second by the same ensemble's stepped directly in Node (one core). Where a frame target is missed, the notes give Chromium's own account of the main thread (script, layout, style). ${clipText(z)}The presenter view: a laptop window opens its projector window (V) in the same browser, η is dragged on the laptop (3 drags of 20 mouse moves 40 ms apart), and each value the laptop's rectangle corner shows is timed until the projector's corner shows it, both on one clock. `;
}

/** How the clip was recorded, from the sizes the report ran with. */
function clipText(z: PageSizes): string {
  const c = z.clip;
  if (!c) return '';
  const frames = (spf: number) => Math.ceil(c.steps / spf) + 1;
  return `The clip: the toy's four views (${c.steps} steps) recorded by the page's own recorder in a 1920×1080 window, ${frames(c.mp4Spf)} MP4 frames at 30 fps and ${frames(c.gifSpf)} GIF frames at 12 fps, each timed from the click on Record to the downloaded file. `;
}

export function readmeSection(r: Report): string {
  const m = r.machine;
  const tools = [`Node ${m.node}`, m.chromium && `Chromium ${m.chromium}`, m.gcc, m.numpy].filter(Boolean).join(', ');
  const lines = [
    `Measured by \`npm run bench\` on ${r.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), ${tools}. Engine figures are the median over ${r.options.processes ?? 1} fresh Node processes (min and max beside it; a target is held at the worst process), each process's figure the median of ${r.options.repeats} runs; theory figures are medians of ${r.options.repeats} runs (${r.options.slowRepeats} for the atlas and the phase grid); ratios to a reference come from the same bench run, the native ones from samples taken alternately with the engine's. ${pageText(r.page)}The machine is shared and noisy, so expect spread between runs; \`bench/results/latest.json\` keeps every sample.`,
    '',
  ];
  for (const group of Object.keys(GROUPS) as Figure['group'][]) {
    const rows = r.figures.filter((f) => f.group === group);
    if (rows.length === 0) continue;
    lines.push(`**${GROUPS[group]}**`, '', '| Figure | Measured | Target | Met | Notes |', '|---|---|---|---|---|');
    for (const f of rows) {
      const notes = [f.ratio, f.note].filter(Boolean).join('; ');
      lines.push(`| ${cell(f.label)} | ${cell(f.display)} | ${cell(f.target?.text ?? '')} | ${metText(f)} | ${cell(notes)} |`);
    }
    lines.push('');
  }
  const missed = r.figures.filter((f) => f.met === false).map((f) => f.label);
  lines.push(missed.length ? `Targets missed in this run: ${missed.length} (marked NO).` : 'Every target with a figure was met in this run.');
  return lines.join('\n');
}

/** The README with its bench section replaced; throws when the markers are missing. */
export function replaceSection(readme: string, section: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README has no ${START} … ${END} section`);
  return readme.slice(0, a + START.length) + '\n' + section + '\n' + readme.slice(b);
}

export function updateReadme(readmePath: string, report: Report): void {
  const before = readFileSync(readmePath, 'utf8');
  const after = replaceSection(before, readmeSection(report));
  if (after !== before) writeFileSync(readmePath, after);
}

const root = new URL('..', import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2] ?? fileURLToPath(new URL('bench/results/latest.json', root));
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  updateReadme(fileURLToPath(new URL('README.md', root)), report);
  console.log(`README: bench section rewritten from ${path}`);
}
