import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAMS, PROBLEMS } from '../../../src/core/params/param-table';
import { decodeQuery, defaultConfig } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { PROBLEM_DEFS, problemCan, problemFields, problemsUsing } from '../../../src/core/problems/registry';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('the problem registry', () => {
  it('gives the problem key its choices and its doc, in menu order', () => {
    expect(PROBLEMS).toEqual(PROBLEM_DEFS.map((d) => d.kind));
    expect(PARAMS.problem.doc).toBe(`the problem: ${PROBLEMS.join(', ')}`);
    for (const kind of PROBLEMS) expect(PARAMS.problem.parse(kind)).toEqual({ ok: true, value: kind });
  });

  it('gives each problem key the problems that declare it, their doc lines and their defaults', () => {
    expect(problemsUsing('n')).toEqual(['point', 'random', 'styblinski', 'features', 'dln', 'mlp']);
    expect(PARAMS.n.problems).toEqual(['point', 'random', 'styblinski', 'features', 'dln', 'mlp']);
    expect(PARAMS.n.doc).toBe('point, random, styblinski: number of components; features, dln: number of samples (≤ 200); mlp: number of training samples (≤ 1797 for digits, ≤ 2000)');
    expect(PROBLEMS.map((p) => defaultConfig(p).n)).toEqual([200, 200, 2, 20, 200, 200, 200, 40, 20, 50]);
    expect(defaultConfig('toy').start).toBe(1);
    expect(defaultConfig('circle').start).toBe(1);
    expect(defaultConfig('toy').escape).toBe(0.5);
    expect(defaultConfig('dln').escape).toBe(1);
  });

  it('lists the controls of a problem in the order it declares its keys', () => {
    expect(problemFields('features').map((f) => [f.key, f.label])).toEqual([
      ['n', 'samples n'],
      ['width', 'features p'],
      ['noise', 'SGD noise'],
      ['pseed', 'problem seed'],
    ]);
    expect(problemFields('point').map((f) => f.key)).toEqual(['a', 's', 'n']);
  });

  it('says what each problem can do: the square-loss models open the Wu–Wang–Su tab, the hand-placed minimum is dragged on the diagram', () => {
    expect(PROBLEMS.filter((p) => problemCan(p, 'wws'))).toEqual(['features', 'dln']);
    expect(PROBLEMS.filter((p) => problemCan(p, 'handPlaced'))).toEqual(['point']);
  });

  it("applies a problem's own limit with a message naming the key (n ≤ 200 for features)", () => {
    const { config } = decodeQuery('problem=features&n=300');
    expect(config.n).toBe(300);
    const r = buildProblem(config);
    expect(r.problem.n).toBe(200);
    expect(r.config.n).toBe(200);
    expect(r.issues).toContainEqual({ key: 'n', message: 'n must be at most 200 for features, got 300; used 200' });
  });
});

const THROWAWAY = `import { defineProblem } from './problem-def';
import { QuadraticProblem } from './quadratic';

/** n copies of ½ a x². */
export const throwawayProblem = defineProblem({
  kind: 'throwaway',
  label: 'throwaway test problem',
  about: 'n copies of ½ a x²',
  minima: '0',
  can: { wws: true },
  keys: {
    a: { default: 3, doc: 'the curvature of every copy', field: { label: 'curvature a' } },
    n: { default: 4, max: 10, doc: 'number of copies (≤ 10)', field: { label: 'copies n' } },
  },
  build: (o) => new QuadraticProblem(Array.from({ length: o.n }, () => Float64Array.of(o.a)), 1, 'throwaway'),
  count: (o) => o.n,
});
`;

const PROBE = `import { PARAMS } from './src/core/params/param-table';
import { decodeQuery, encodeQuery } from './src/core/params/query';
import { componentCount } from './src/core/problems/component-count';
import { problemCan, problemFields } from './src/core/problems/registry';
const decoded = decodeQuery('problem=throwaway&a=2&n=7');
console.log(JSON.stringify({
  problemDoc: PARAMS.problem.doc,
  aDoc: PARAMS.a.doc,
  nDoc: PARAMS.n.doc,
  issues: decoded.issues,
  link: encodeQuery(decoded.config),
  count: componentCount(decoded.config),
  fields: problemFields('throwaway').map((f) => [f.key, f.label]),
  wws: problemCan('throwaway', 'wws'),
  handPlaced: problemCan('throwaway', 'handPlaced'),
}));
`;

describe('adding a problem', () => {
  it('takes one file and one entry in registry.ts: the CLI, the link table and the controls pick it up', () => {
    // A copy of src/, so the registry the other tests import is not touched.
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    try {
      cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
      for (const f of ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.core.json', 'tsconfig.node.json']) cpSync(join(root, f), join(dir, f));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      // 1. one file
      writeFileSync(join(dir, 'src/core/problems/throwaway.ts'), THROWAWAY);
      // 2. one entry in the registry: its import and its place in the list
      const registry = join(dir, 'src/core/problems/registry.ts');
      const text = readFileSync(registry, 'utf8');
      const listed = text
        .replace("import { toyProblem } from './toy';", "import { toyProblem } from './toy';\nimport { throwawayProblem } from './throwaway';")
        .replace('  mlpProblem,\n]', '  mlpProblem,\n  throwawayProblem,\n]');
      expect(listed).not.toBe(text);
      writeFileSync(registry, listed);
      writeFileSync(join(dir, 'probe.ts'), PROBE);
      const tsx = join(root, 'node_modules/.bin/tsx');

      // The command line runs it, and applies its limit on n with a message naming the key.
      const sim = JSON.parse(execFileSync(tsx, ['src/cli/sim.ts', 'problem=throwaway&a=0.5&n=8&eta=1&B=2&runs=3&steps=5'], { cwd: dir, encoding: 'utf8' }));
      expect(sim.problem).toMatchObject({ kind: 'throwaway', dim: 1, n: 8 });
      expect(sim.minima[0]).toMatchObject({ sharpness: 0.5, nonUniformity: 0 });
      expect(sim.issues).toEqual([]);
      expect(sim.permalink).toBe('v=3&problem=throwaway&eta=1&B=2&seed=1&runs=3&steps=5&a=0.5&n=8');
      expect(sim.runs.sgd.runs).toBe(3);
      const limited = spawnSync(tsx, ['src/cli/sim.ts', 'problem=throwaway&n=12'], { cwd: dir, encoding: 'utf8' });
      expect(limited.status).not.toBe(0);
      expect(limited.stderr).toContain('n must be at most 10 for throwaway, got 12; used 10');

      // The link table knows the problem and which keys it reads; the controls list its fields.
      const probe = JSON.parse(execFileSync(tsx, ['probe.ts'], { cwd: dir, encoding: 'utf8' }));
      expect(probe.problemDoc).toBe(`the problem: ${[...PROBLEMS, 'throwaway'].join(', ')}`);
      expect(probe.aDoc).toBe('point: sharpness a ≥ 0; throwaway: the curvature of every copy');
      expect(probe.nDoc).toBe('point, random, styblinski: number of components; features, dln: number of samples (≤ 200); mlp: number of training samples (≤ 1797 for digits, ≤ 2000); throwaway: number of copies (≤ 10)');
      expect(probe.issues).toEqual([]);
      expect(probe.link).toBe('v=3&problem=throwaway&eta=0.7&B=1&seed=1&a=2&n=7');
      expect(probe.count).toBe(7);
      expect(probe.fields).toEqual([
        ['a', 'curvature a'],
        ['n', 'copies n'],
      ]);
      // What it declares it can do, the views read from the registry (the Wu–Wang–Su tab, the diagram's point).
      expect([probe.wws, probe.handPlaced]).toEqual([true, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused by the link table until it is registered', () => {
    expect(decodeQuery('problem=throwaway').issues[0].message).toContain('problem must be one of');
  });
});
