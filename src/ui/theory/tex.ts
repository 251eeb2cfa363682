import { useEffect, useState } from 'react';

type Render = (src: string) => string;

let loaded: Promise<Render> | null = null;
const cache = new Map<string, string>();

/** KaTeX is loaded on first use, not with the page (about 80 KB gzip). */
function loadTex(): Promise<Render> {
  loaded ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([k]) => (src: string) => {
    let html = cache.get(src);
    if (html === undefined) {
      // no trust, no throwing
      html = k.default.renderToString(src, { throwOnError: false, trust: false });
      cache.set(src, html);
    }
    return html;
  });
  return loaded;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A renderer of TeX to HTML: the TeX source as text until KaTeX has loaded. */
export function useTex(): Render {
  const [render, setRender] = useState<{ fn: Render } | null>(null);
  useEffect(() => {
    let live = true;
    void loadTex().then((fn) => {
      if (live) setRender({ fn });
    });
    return () => {
      live = false;
    };
  }, []);
  return render ? render.fn : (src) => `<code>${escape(src)}</code>`;
}
