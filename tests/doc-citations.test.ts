import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A comment that cites a section of the README or an anchor of docs/ must name one that exists,
// so a reader following it lands somewhere (docs/theory.md's own anchors are checked by theory-doc.test.ts too).

const root = fileURLToPath(new URL('..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'output' || name === 'results') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|tsx|mts|mjs)$/.test(name) ? [p] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const headingsOf = (markdown: string) => markdown.split('\n').flatMap((l) => (/^#{1,6} /.test(l) ? [l.replace(/^#{1,6} /, '').replace(/`/g, '')] : []));

const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** The README's sections: its headings and the bold lead-ins of its paragraphs ("**Random streams.**"). */
const readmeSections = new Set([...headingsOf(readme), ...[...readme.matchAll(/^\*\*([^*]+?)\.?\*\*/gm)].map((m) => m[1])]);

const sources = ['src', 'tests', 'e2e', 'bench', 'scripts'].flatMap((d) => filesUnder(join(root, d)));

describe('the citations in the code', () => {
  it('name README sections that exist', () => {
    const missing: string[] = [];
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(/README[,:]? (?:"([^"\n]+)"|“([^”\n]+)”)/g)) {
        const section = m[1] ?? m[2];
        if (!readmeSections.has(section)) missing.push(`${relative(root, file)}: README section ${section}`);
      }
    expect(missing).toEqual([]);
  });

  it('name docs/ anchors that exist', () => {
    const missing: string[] = [];
    for (const file of sources)
      for (const m of readFileSync(file, 'utf8').matchAll(/docs\/([\w-]+\.md)#([\w-]+)/g)) {
        const doc = readFileSync(join(root, 'docs', m[1]), 'utf8');
        if (!headingsOf(doc).map(slug).includes(m[2])) missing.push(`${relative(root, file)}: docs/${m[1]}#${m[2]}`);
      }
    expect(missing).toEqual([]);
  });
});
