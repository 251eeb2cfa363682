/**
 * The production build served as a visitor gets it: `vite build` into a
 * temporary directory (so a concurrent `npm test` keeps its own dist/), then
 * `vite preview` on 127.0.0.1, stopped (its whole process group) afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** BENCH_PORT lets two checkouts measure side by side. */
export const PREVIEW_PORT = Number(process.env.BENCH_PORT) || 4174;

export interface Build {
  dist: string;
  seconds: number;
  dispose(): void;
}

/**
 * A fresh production build in a temporary folder. BENCH_DIST names a build made
 * beforehand instead (kept after the run), so a part of the page can be measured
 * again without building: `npx vite build --outDir dist-x && BENCH_DIST=dist-x npx tsx bench/page.ts --only=drag`.
 */
export function buildProduction(): Build | { error: string } {
  const given = process.env.BENCH_DIST;
  if (given) {
    const dist = resolvePath(root, given);
    return existsSync(join(dist, 'index.html')) ? { dist, seconds: 0, dispose: () => {} } : { error: `BENCH_DIST=${given}: no index.html there (build it first with npx vite build --outDir ${given})` };
  }
  const dist = mkdtempSync(join(tmpdir(), 'sharpness-bench-dist-'));
  const t0 = performance.now();
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    rmSync(dist, { recursive: true, force: true });
    return { error: `vite build failed: ${(r.stderr || r.stdout || String(r.error)).trim().slice(0, 400)}` };
  }
  return { dist, seconds: (performance.now() - t0) / 1000, dispose: () => rmSync(dist, { recursive: true, force: true }) };
}

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function reachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Servers still running: stopped synchronously if the bench exits or is interrupted first. */
const running = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig); // the group we started: npx, its shell and vite
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of running) killGroup(pid, 'SIGTERM');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const force = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      running.delete(pid);
      resolve();
    });
    killGroup(pid, 'SIGTERM');
  });
}

/** Serve `dist` on 127.0.0.1:port; rejects with the server's output when it does not come up in 30 s. */
export async function startPreview(dist: string, port = PREVIEW_PORT): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}/`;
  if (await reachable(url)) throw new Error(`port ${port} is already serving something; stop it first`);
  const child = spawn('npx', ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  installExitHook();
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${output.trim().slice(0, 400)}`);
    if (await reachable(url)) return { url, stop: () => stopGroup(child) };
    await sleep(200);
  }
  await stopGroup(child);
  throw new Error(`vite preview did not answer on ${url} within 30 s: ${output.trim().slice(0, 400)}`);
}
