// Finds a Python 3 with NumPy for the reference suite (tests/reference/), in this order:
// 1. $PYTHON, 2. python3 on the PATH, 3. /usr/bin/python3, 4. (root with apt-get) Debian's
// python3-numpy, installed now for /usr/bin/python3. Returns the interpreter's path, or
// throws with what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const hasNumpy = (python) => {
  if (!python) return false;
  const r = spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' });
  return r.status === 0;
};

const onPath = (name) => {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const p = r.stdout.trim();
  return r.status === 0 && p ? p : null;
};

function aptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) return false;
  console.log("[find-numpy] no Python with NumPy found: installing Debian's python3-numpy with apt-get …");
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'python3-numpy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch (e) {
    console.error(`[find-numpy] apt-get failed: ${e.message}`);
    return false;
  }
}

export function findNumpyPython() {
  const candidates = [process.env.PYTHON, onPath('python3'), '/usr/bin/python3'];
  for (const p of candidates) if (hasNumpy(p)) return p;
  if (aptInstall() && hasNumpy('/usr/bin/python3')) return '/usr/bin/python3';
  throw new Error(
    'No Python 3 with NumPy for the reference suite (tests/reference/). Install one (Debian: `apt-get install -y python3-numpy`), ' +
      'or point PYTHON at an interpreter that has NumPy, then run the tests again.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findNumpyPython());
