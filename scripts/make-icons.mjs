// Renders public/icon.svg to the PNG icons, the favicon and the link card
// (public/og-card.png) in headless Chromium, so every picture in public/ comes
// from one drawing. Run it after changing icon.svg: `node scripts/make-icons.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
const found = findChromium();
if (!found) throw new Error('no Chromium: see README (browser tests)');
const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox'] });
const page = await browser.newPage();

async function png(html, width, height) {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  return page.screenshot({ clip: { x: 0, y: 0, width, height } });
}
const icon = (size, inset = 0) =>
  `<div style="width:${size}px;height:${size}px;background:#0072b2;display:grid;place-items:center">` +
  `<img style="width:${size - 2 * inset}px;height:${size - 2 * inset}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></div>`;

writeFileSync('public/icon-192.png', await png(icon(192), 192, 192));
writeFileSync('public/icon-512.png', await png(icon(512), 512, 512));
// Maskable: the platform may cut the icon to a circle of 80 % of its size; shrink the drawing into that zone.
writeFileSync('public/icon-maskable-512.png', await png(icon(512, 52), 512, 512));
writeFileSync('public/apple-touch-icon.png', await png(icon(180), 180, 180));

// favicon.ico: one 32×32 PNG in an ICO container (PNG entries are valid since Windows Vista).
const fav = await png(icon(32), 32, 32);
const head = Buffer.alloc(22);
head.writeUInt16LE(0, 0);
head.writeUInt16LE(1, 2);
head.writeUInt16LE(1, 4);
head.writeUInt8(32, 6);
head.writeUInt8(32, 7);
head.writeUInt16LE(1, 10);
head.writeUInt16LE(32, 12);
head.writeUInt32LE(fav.length, 14);
head.writeUInt32LE(22, 18);
writeFileSync('public/favicon.ico', Buffer.concat([head, fav]));

// The link card (1200×630, the size chat tools and course platforms show).
const card = `
<div style="width:1200px;height:630px;background:#f6f6f4;display:flex;align-items:center;gap:56px;padding:0 72px;box-sizing:border-box;font-family:'DejaVu Sans',Arial,sans-serif;color:#111">
  ${icon(400).replace('background:#0072b2', 'background:#0072b2;border-radius:40px;flex:none')}
  <div>
    <div style="font-size:60px;font-weight:700;line-height:1.1">Why SGD escapes sharp minima</div>
    <div style="font-size:34px;margin-top:24px;color:#333">The sharpness–non-uniformity diagram, with GD and SGD running live. Every link reproduces its runs bit for bit.</div>
  </div>
</div>`;
writeFileSync('public/og-card.png', await png(card, 1200, 630));
await browser.close();
console.log('public/: icon-192.png, icon-512.png, icon-maskable-512.png, apple-touch-icon.png, favicon.ico, og-card.png');
