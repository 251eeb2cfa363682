import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

/**
 * A plain static file server holding `dir` under the path `prefix` (such as
 * /course/sgd/), as a course's web space would: no rewrites, no special
 * headers. It listens on a port the system picks, on 127.0.0.1 (a secure
 * context, so the service worker registers). `setDown(true)` makes it drop
 * every request, as a hall without a network would.
 */
export async function serveUnder(
  dir: string,
  prefix: string,
): Promise<{ origin: string; close: () => Promise<void>; requests: string[]; setDown: (down: boolean) => void; setDir: (d: string) => void }> {
  const requests: string[] = [];
  let down = false;
  let root = dir;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (down) {
      req.socket.destroy();
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not here');
      return;
    }
    let rel = normalize(path.slice(prefix.length));
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
    try {
      const body = await readFile(join(root, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    /** Down: every connection is dropped unanswered, as if the network were gone. */
    setDown: (d: boolean) => {
      down = d;
    },
    /** Serve another build from now on: a new deployment. */
    setDir: (d: string) => {
      root = d;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A PNG (a screenshot) as RGBA pixels, decoded by the page's own image decoder. */
export async function pngPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; data: Uint8Array }> {
  const r = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let s = '';
    for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: bmp.width, height: bmp.height, b64: btoa(s) };
  }, png.toString('base64'));
  return { width: r.width, height: r.height, data: new Uint8Array(Buffer.from(r.b64, 'base64')) };
}
