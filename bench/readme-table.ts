/**
 * The README's performance table, made from bench/results/latest.json: it
 * replaces what lies between `<!-- bench:start -->` and `<!-- bench:end -->` and
 * nothing else. `npm run bench` runs it at the end; by hand:
 *   npx tsx bench/readme-table.ts [report.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';
import { PAGE_CHANGES, PAGE_DRAG_SECONDS, PAGE_LOADS } from './options';
import { metText, type Report } from './report';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const GROUPS: Record<Figure['group'], string> = {
  engine: 'Engine (Node, one core)',
  reference: 'Against what a user would use instead',
  theory: 'Theory',
  page: 'The page (Chromium, production build)',
};

export function readmeSection(r: Report): string {
  const m = r.machine;
  const tools = [`Node ${m.node}`, m.chromium && `Chromium ${m.chromium}`, m.gcc, m.numpy].filter(Boolean).join(', ');
  const lines = [
    `Measured by \`npm run bench\` on ${r.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), ${tools}. Engine figures are the median over ${r.options.processes ?? 1} fresh Node processes (min and max beside it; a target is held at the worst process), each process's figure the median of ${r.options.repeats} runs; theory figures are medians of ${r.options.repeats} runs (${r.options.slowRepeats} for the atlas and the phase grid); ratios to a reference come from the same bench run, the native ones from samples taken alternately with the engine's. The page: first paint is the median of ${PAGE_LOADS} loads, the frame figures come from one ${PAGE_DRAG_SECONDS} s drag, the first new point is the median of ${PAGE_CHANGES} changes. The machine is shared and noisy, so expect spread between runs; \`bench/results/latest.json\` keeps every sample.`,
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
