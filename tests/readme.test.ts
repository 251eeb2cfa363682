import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINK_PARAMS as PARAMS } from '../src/ui/state/link-params';
import { keysTable, problemsTable } from '../scripts/param-docs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');

describe('the README', () => {
  it('documents every permalink key of the parameter table', () => {
    for (const key of Object.keys(PARAMS)) expect(readme).toContain(`| \`${key}\` |`);
  });

  it('holds the keys table and the problems table as scripts/param-docs.ts prints them from the code', () => {
    expect(readme).toContain(`<!-- keys:start -->\n${keysTable()}\n<!-- keys:end -->`);
    expect(readme).toContain(`<!-- problems:start -->\n${problemsTable()}\n<!-- problems:end -->`);
  });

  it('gives the test command that .ci/run runs, exactly', () => {
    const testCommand = 'npm install && npm test';
    expect(readme).toContain('```sh\n' + testCommand + '\n```');
    expect(ci.split('\n').filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('set ') && !l.startsWith('cd '))).toEqual([testCommand]);
  });
});
