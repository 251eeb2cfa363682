import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandOf, runCommandText } from '../../src/cli/commands';

const tsx = ['node_modules/.bin/tsx', 'src/cli/sim.ts'];
const Q = 'problem=toy&grid=5&cellruns=20&steps=120&etamin=0.3&etamax=1.2&seed=2';
const out = mkdtempSync(join(tmpdir(), 'sim-shards-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The README's xargs line, between its markers. */
function readmeXargsLine(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = readme.slice(readme.indexOf('<!-- xargs:start -->'), readme.indexOf('<!-- xargs:end -->'));
  const line = block.split('\n').find((l) => l.startsWith('seq '));
  if (!line) throw new Error('README has no xargs line between <!-- xargs:start --> and <!-- xargs:end -->');
  return line;
}

describe('sharded phase grids on two local processes', () => {
  it('the README’s xargs -P 2 line writes 4 shards whose --merge equals the unsharded grid bit for bit', () => {
    const line = readmeXargsLine();
    expect(line).toContain('xargs -P 2');
    execFileSync('sh', ['-c', line], { env: { ...process.env, Q, OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] });
    const shards = readdirSync(out).filter((f) => f.startsWith('phase-')).sort();
    expect(shards).toEqual(['phase-1.json', 'phase-2.json', 'phase-3.json', 'phase-4.json']);
    const header = JSON.parse(readFileSync(join(out, 'phase-3.json'), 'utf8'));
    expect(header.of.link).toBe('v=3&problem=toy&eta=0.7&B=1&seed=2&steps=120&grid=5&cellruns=20&etamin=0.3&etamax=1.2');
    expect(header.shard).toBe('3/4');
    expect(header.units).toEqual([2, 6]);

    const merged = spawnSync(tsx[0], [tsx[1], '--merge', ...shards.map((f) => join(out, f))], { encoding: 'utf8' });
    const whole = spawnSync(tsx[0], [tsx[1], '--phase', Q], { encoding: 'utf8' });
    expect(whole.status).toBe(0);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    // Piped: no progress bar, nothing but the JSON.
    expect(whole.stderr).toBe('');
    const grid = JSON.parse(whole.stdout);
    expect(grid.cells).toHaveLength(10);
    expect(grid.cells.some((c: { escaped: number }) => c.escaped > 0 && c.escaped < 20) || grid.cells.some((c: { escaped: number }) => c.escaped === 0)).toBe(true);

    // A missing shard is refused, naming it, with status 2 and nothing on stdout.
    const missing = spawnSync(tsx[0], [tsx[1], '--merge', ...shards.slice(1).map((f) => join(out, f))], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('sim: missing shard 1/4');
  }, 240_000); // seven processes (npm, tsx) on a loaded two-core machine
});

describe('sharded sweeps', () => {
  it('merge into the unsharded sweep bit for bit', async () => {
    const base = 'problem=toy&runs=4&steps=30';
    const sweep = 'eta=0.2:1.4:3,B=1,2';
    const whole = await runCommandText({ kind: 'sweep', query: base, sweep, shard: null });
    const files: Record<string, string> = {};
    for (const i of [1, 2, 3]) files[`s${i}`] = await runCommandText({ kind: 'sweep', query: base, sweep, shard: { index: i, count: 3 } });
    const merged = await runCommandText({ kind: 'merge', files: ['s2', 's3', 's1'] }, (f) => files[f]);
    expect(merged).toBe(whole);
    expect(JSON.parse(whole).points).toHaveLength(6);
  });

  it('refuse a sweep shard merged with a shard of another sweep', async () => {
    const a = await runCommandText({ kind: 'sweep', query: 'problem=toy&runs=2&steps=5', sweep: 'seed=1,2', shard: { index: 1, count: 2 } });
    const b = await runCommandText({ kind: 'sweep', query: 'problem=toy&runs=2&steps=5', sweep: 'seed=1,3', shard: { index: 2, count: 2 } });
    await expect(runCommandText({ kind: 'merge', files: ['a.json', 'b.json'] }, (f) => (f === 'a.json' ? a : b))).rejects.toThrow('b.json is a shard of a different run: sweep of "v=3&problem=toy&eta=0.7&B=1&seed=1&runs=2&steps=5" sweeping "seed=1,3"');
  });
});

describe('--kernel typescript', () => {
  it('gives the same JSON, bit for bit, as the WebAssembly kernel it sets aside', async () => {
    const c = { kind: 'phase', query: 'problem=point&a=2&s=1.5&n=6&grid=5&cellruns=25&steps=200&etamin=0.2&etamax=2', sweep: null, shard: null } as const;
    const wasm = await runCommandText(c);
    const ts = await runCommandText({ ...c, kernel: 'typescript' });
    expect(ts).toBe(wasm);
    expect(JSON.parse(ts).cells.some((x: { escaped: number }) => x.escaped > 0 && x.escaped < 25)).toBe(true);
  });
});

describe('the arguments', () => {
  it('leave a plain link to sim.ts and read --phase, --sweep and --shard in any order', () => {
    expect(commandOf(['problem=toy'])).toBeNull();
    expect(commandOf(['--shard', '2/4', '--phase', 'problem=toy'])).toEqual({ kind: 'phase', query: 'problem=toy', sweep: null, shard: { index: 2, count: 4 } });
    expect(commandOf(['problem=toy', '--sweep', 'eta=1,2'])).toEqual({ kind: 'sweep', query: 'problem=toy', sweep: 'eta=1,2', shard: null });
    expect(commandOf(['--phase', '--sweep', 'seed=1,2', 'problem=toy'])).toEqual({ kind: 'phase', query: 'problem=toy', sweep: 'seed=1,2', shard: null });
    expect(commandOf(['--merge', 'a.json', 'b.json'])).toEqual({ kind: 'merge', files: ['a.json', 'b.json'] });
    expect(commandOf(['problem=toy', '--kernel=typescript'])).toEqual({ kind: 'plain', kernel: 'typescript' });
    expect(commandOf(['--phase', 'problem=toy', '--kernel=typescript'])).toEqual({ kind: 'phase', query: 'problem=toy', sweep: null, shard: null, kernel: 'typescript' });
    expect(commandOf(['--phase', 'problem=toy', '--kernel', 'typescript'])).toEqual({ kind: 'phase', query: 'problem=toy', sweep: null, shard: null, kernel: 'typescript' });
  });

  it('refuse what they cannot mean, naming it', () => {
    expect(() => commandOf(['--shard', '1/2', 'problem=toy'])).toThrow('--shard splits a --phase grid or a --sweep; give one of them');
    expect(() => commandOf(['--phase', 'problem=toy', '--shard'])).toThrow('--shard needs a value');
    expect(() => commandOf(['--phase', 'problem=toy', '--shards', '1/2'])).toThrow('unknown option "--shards"');
    expect(() => commandOf(['--phase', 'problem=toy', 'seed=2'])).toThrow('one link at a time, got 2');
    expect(() => commandOf(['--phase', 'problem=toy', '--kernel', 'wasm'])).toThrow('--kernel must be auto or typescript, got "wasm"');
    expect(() => commandOf(['problem=toy', '--kernel=wasm'])).toThrow('--kernel must be auto or typescript, got "wasm"');
    expect(() => commandOf(['--kernel', 'typescript', 'problem=toy'])).toThrow('a plain run takes --kernel=typescript (with =)');
    expect(() => commandOf(['--phase', 'problem=toy', '--merge', 'a.json'])).toThrow('--merge takes only the shard files, got also "--phase", "problem=toy"');
  });
});
