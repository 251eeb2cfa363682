/**
 * The JavaScript a first visit downloads: the files index.html names in its
 * module script and modulepreload tags, gzip-compressed (level 9), and whether
 * mathjs slipped into them (it must stay in the lazily loaded formula chunk).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Strings only mathjs (its parser, typed-function) carries. */
export const MATHJS_MARKERS = ['Unexpected end of expression', 'typed-function'];

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleFigures {
  /** Files named by index.html's <script type="module"> and <link rel="modulepreload">. */
  initial: BundleFile[];
  initialGzipBytes: number;
  mathjsInInitial: boolean;
  /** Every other JS file of the build (lazy chunks and workers), for reference. */
  other: BundleFile[];
  /** The chunk(s) where mathjs lives. */
  mathjsChunks: string[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Relative URLs of the module scripts and modulepreloads of an index.html. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) if (/type="module"/.test(m[0])) out.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/rel="modulepreload"/.test(m[0])) continue;
    const href = /href="([^"]+)"/.exec(m[0]);
    if (href) out.push(href[1]);
  }
  return out;
}

function fileFigure(dist: string, rel: string): BundleFile & { text: string } {
  const buf = readFileSync(join(dist, rel));
  return { file: rel, bytes: buf.length, gzipBytes: gz(buf), text: buf.toString('utf8') };
}

const hasMathjs = (text: string) => MATHJS_MARKERS.some((m) => text.includes(m));

const strip = ({ file, bytes, gzipBytes }: BundleFile): BundleFile => ({ file, bytes, gzipBytes });

export function measureBundle(dist: string): BundleFigures {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initialRel = initialScripts(html).map((s) => s.replace(/^\.?\//, ''));
  const initial = initialRel.map((rel) => fileFigure(dist, rel));
  const allJs = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const other = allJs.filter((f) => !initialRel.includes(f)).map((rel) => fileFigure(dist, rel));
  return {
    initial: initial.map(strip),
    initialGzipBytes: initial.reduce((s, f) => s + f.gzipBytes, 0),
    mathjsInInitial: initial.some((f) => hasMathjs(f.text)),
    other: other.map(strip),
    mathjsChunks: [...initial, ...other].filter((f) => hasMathjs(f.text)).map((f) => f.file),
  };
}
