import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The TypeScript projects are configured by folder (docs/architecture.md, "The layers"):
// every file of src/core compiles without the DOM, every file of src/worker with the
// WebWorker library, so a stray `document` there fails `tsc -b`.

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const scratch = mkdtempSync(join(root, 'node_modules', '.tsconfig-probe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Type-checks one file under a project's compiler options (not its file list) and returns tsc's output. */
function checkUnder(project: string, name: string, source: string): { ok: boolean; out: string } {
  const file = join(scratch, `${name}.ts`);
  writeFileSync(file, source);
  const config = join(scratch, `${name}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(root, project),
      compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false },
      include: [],
      files: [file],
    }),
  );
  const r = spawnSync(tsc, ['-p', config], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

describe('the TypeScript projects', () => {
  it('are one per folder: the core, the workers, the page and Node, all built by tsc -b', () => {
    expect(readJson('tsconfig.json').references.map((r: { path: string }) => r.path)).toEqual([
      './tsconfig.core.json',
      './tsconfig.app.json',
      './tsconfig.worker.json',
      './tsconfig.node.json',
    ]);
    expect(readJson('tsconfig.core.json').include).toEqual(['src/core']);
    expect(readJson('tsconfig.worker.json').include).toEqual(['src/worker']);
    expect(readJson('tsconfig.app.json').include).toEqual(['src/ui', 'src/main.tsx', 'src/vite-env.d.ts']);
    for (const file of ['tsconfig.app.json', 'tsconfig.node.json'])
      for (const entry of readJson(file).include as string[]) expect(entry, `${file} lists a single source file`).not.toMatch(/^src\/(?!main\.tsx|vite-env\.d\.ts).*\.tsx?$/);
  });

  it('compile the core without the DOM: a stray document is an error', () => {
    expect(checkUnder('tsconfig.core.json', 'core-clean', 'export const half = Math.sqrt(0.25);\n')).toEqual({ ok: true, out: '' });
    const stray = checkUnder('tsconfig.core.json', 'core-stray', 'export const title = document.title;\n');
    expect(stray.ok).toBe(false);
    expect(stray.out).toMatch(/Cannot find name 'document'/);
  });

  it('compile the workers with the WebWorker library: self is known, document and window are errors', () => {
    expect(checkUnder('tsconfig.worker.json', 'worker-clean', 'export const post = (m: unknown) => self.postMessage(m);\n')).toEqual({ ok: true, out: '' });
    const stray = checkUnder('tsconfig.worker.json', 'worker-stray', 'export const w = window.innerWidth;\nexport const t = document.title;\n');
    expect(stray.ok).toBe(false);
    expect(stray.out).toMatch(/Cannot find name 'window'/);
    expect(stray.out).toMatch(/Cannot find name 'document'/);
  });
});
