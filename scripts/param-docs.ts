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
console.log(['| key | meaning | default |', '|---|---|---|', ...rows].join('\n'));
