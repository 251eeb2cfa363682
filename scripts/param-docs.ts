/**
 * Prints the Markdown tables of every permalink key (from the one parameter
 * table) and of every problem (from the registry), for the README
 * (`npx tsx scripts/param-docs.ts`; `--write` puts them into README.md between
 * their markers). tests/readme.test.ts checks that the README holds both.
 */
import { LINK_PARAMS } from '../src/ui/state/link-params';
import type { ParamSpec, ParamValue } from '../src/core/params/param-types';
import { PROBLEM_DEFS } from '../src/core/problems/registry';

export function keysTable(): string {
  const rows = Object.values(LINK_PARAMS).map((s: ParamSpec<ParamValue>) => {
    const def = typeof s.default === 'function' ? 'per problem' : `\`${s.format(s.default) || '(empty)'}\``;
    return `| \`${s.key}\` | ${s.doc} | ${def} |`;
  });
  return ['| key | meaning | default |', '|---|---|---|', ...rows].join('\n');
}

export function problemsTable(): string {
  const rows = PROBLEM_DEFS.map((d) => `| \`${d.kind}\` | ${d.about} | ${d.minima} |`);
  return ['| `problem=` | what it is | its minima |', '|---|---|---|', ...rows].join('\n');
}

const between = (text: string, name: string, table: string) => text.replace(new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`), `$1${table}$2`);

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--write')) {
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync('README.md', between(between(readFileSync('README.md', 'utf8'), 'keys', keysTable()), 'problems', problemsTable()));
  } else console.log(`${keysTable()}\n\n${problemsTable()}`);
}
