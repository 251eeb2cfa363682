/**
 * Prints the Markdown table of every permalink key from the one parameter table,
 * for the README (`npx tsx scripts/param-docs.ts`). A unit test checks that the
 * README lists every key.
 */
import { PARAMS } from '../src/core/params/param-table';
import type { ParamSpec, ParamValue } from '../src/core/params/param-types';

const rows = Object.values(PARAMS).map((s: ParamSpec<ParamValue>) => {
  const def = typeof s.default === 'function' ? 'per problem' : `\`${s.format(s.default as never) || '(empty)'}\``;
  return `| \`${s.key}\` | ${s.doc} | ${def} |`;
});
if (!process.argv.includes('--write')) console.log(['| key | meaning | default |', '|---|---|---|', ...rows].join('\n'));

if (process.argv.includes('--write')) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  const table = ['| key | meaning | default |', '|---|---|---|', ...rows].join('\n');
  writeFileSync('README.md', readme.replace(/(<!-- keys:start -->\n)[\s\S]*?(\n<!-- keys:end -->)/, `$1${table}$2`));
}
