// Finds a Chromium for the browser tests, in the order the README gives:
// 1. $CHROMIUM_PATH, 2. a system Chromium or Chrome, 3. Playwright's own cached
// browser, 4. (root with apt-get) Debian's `chromium` package, installed now.
import { existsSync, readdirSync, accessSync, constants } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

const isExecutable = (p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name) => {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p ? p : null;
};

function systemBrowser() {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (isExecutable(p)) return p;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const p = onPath(name);
    if (p) return p;
  }
  return null;
}

function playwrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return null;
  for (const dir of readdirSync(root).filter((d) => d.startsWith('chromium')).sort().reverse()) {
    for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const p = join(root, dir, rel);
      if (isExecutable(p)) return p;
    }
  }
  return null;
}

function aptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) return null;
  console.log('[find-chromium] no browser found: installing Debian\'s chromium with apt-get …');
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (e) {
    console.error(`[find-chromium] apt-get failed: ${e.message}`);
    return null;
  }
  return systemBrowser();
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`);
  }
  const sys = systemBrowser();
  if (sys) return { path: sys, source: 'system' };
  const cached = playwrightCache();
  if (cached) return { path: cached, source: 'playwright cache' };
  const installed = aptInstall();
  if (installed) return { path: installed, source: 'apt-get install chromium' };
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (!found) {
    console.error('No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log(found.path);
}
