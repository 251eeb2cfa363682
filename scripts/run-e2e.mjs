// Browser tests: build the production bundle, then run Playwright against
// `vite preview` in a real headless Chromium found by find-chromium.mjs.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let found;
try {
  found = findChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
if (!found) {
  console.error(
    'No Chromium for the browser tests. Install one (Debian: `apt-get install -y chromium`), ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `npm test` again.',
  );
  process.exit(1);
}
console.log(`[e2e] Chromium: ${found.path} (${found.source})`);

const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// E2E_OUT and E2E_PORT let two checkouts' (or two helpers') browser tests run side by side.
const outDir = process.env.E2E_OUT || 'dist';
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: found.path });
