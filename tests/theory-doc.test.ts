import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { THEORY_SECTIONS, theorySectionHref } from '../src/ui/theory/theory-doc';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = readFileSync(join(root, 'docs/theory.md'), 'utf8');

/** GitHub's heading anchor for an ASCII heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function headings(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.replace(/^#{1,6} /, ''));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every place a file under src/ names theory.md: the file, what precedes the name, and the anchor if any. */
function citations(): Array<{ file: string; prefix: string; anchor: string | null; text: string }> {
  const out: Array<{ file: string; prefix: string; anchor: string | null; text: string }> = [];
  for (const file of filesUnder(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/([\w./-]*)theory\.md(#[\w-]+)?/g)) {
      out.push({ file: relative(root, file), prefix: m[1], anchor: m[2] ? m[2].slice(1) : null, text: m[0] });
    }
  }
  return out;
}

const anchors = new Set(headings(doc).map(githubSlug));

describe('docs/theory.md', () => {
  it('has ASCII headings, so that their GitHub anchors are the ones githubSlug computes, and no two alike', () => {
    const hs = headings(doc);
    expect(hs.length).toBeGreaterThan(10);
    for (const h of hs) expect(h, h).toMatch(/^[A-Za-z0-9 ,'-]+$/);
    expect(anchors.size).toBe(hs.length);
  });

  it('links only to its own headings', () => {
    const inDoc = [...doc.matchAll(/\]\(#([\w-]+)\)/g)].map((m) => m[1]);
    expect(inDoc.length).toBeGreaterThan(0);
    for (const a of inDoc) expect(anchors, `#${a}`).toContain(a);
  });
});

describe('citations of docs/theory.md in src/', () => {
  const found = citations();

  it('are found (the scan reads the comments that cite the theory)', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it('always carry the docs/ prefix', () => {
    for (const c of found) expect(c.prefix, `${c.file}: ${c.text}`).toBe('docs/');
  });

  it('name only anchors that exist in docs/theory.md', () => {
    for (const c of found) if (c.anchor !== null) expect(anchors, `${c.file}: ${c.text}`).toContain(c.anchor);
  });

  it('never cite issue numbers instead of the reason', () => {
    for (const file of filesUnder(join(root, 'src'))) {
      const hits = readFileSync(file, 'utf8').match(/\bissues? #?\d+/gi) ?? [];
      expect(hits, relative(root, file)).toEqual([]);
    }
  });
});

describe('THEORY_SECTIONS (the theory panel links)', () => {
  it('each path is docs/theory.md# and the anchor of its title, which is a heading of the file', () => {
    for (const s of Object.values(THEORY_SECTIONS)) {
      expect(s.path).toBe(`docs/theory.md#${githubSlug(s.title)}`);
      expect(headings(doc)).toContain(s.title);
    }
  });

  it('theorySectionHref(section, url) joins a configured repository URL, and is null without one', () => {
    const s = THEORY_SECTIONS.secondMoment;
    expect(theorySectionHref(s, undefined)).toBeNull();
    expect(theorySectionHref(s, '  ')).toBeNull();
    expect(theorySectionHref(s, 'https://example.org/r/blob/main')).toBe('https://example.org/r/blob/main/docs/theory.md#the-second-moment-operator');
    expect(theorySectionHref(s, 'https://example.org/r/blob/main/')).toBe('https://example.org/r/blob/main/docs/theory.md#the-second-moment-operator');
  });
});
