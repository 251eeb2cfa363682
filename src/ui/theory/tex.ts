import katex from 'katex';
import 'katex/dist/katex.min.css';

const cache = new Map<string, string>();

/** KaTeX to HTML, cached; no trust, no throwing (ecosystem-notes). */
export function tex(src: string): string {
  let html = cache.get(src);
  if (html === undefined) {
    html = katex.renderToString(src, { throwOnError: false, trust: false });
    cache.set(src, html);
  }
  return html;
}
