import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const [,, q, w, h, out] = process.argv;
const srv = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4195', '--strictPort', '--outDir', 'dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 6000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
  await page.goto(`http://127.0.0.1:4195/${q}`);
  await page.waitForTimeout(8000);
  await page.screenshot({ path: out });
} finally { await browser.close(); srv.kill(); }
