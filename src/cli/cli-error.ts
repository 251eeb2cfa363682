/**
 * A refusal of the command line: bad arguments, a bad link, shards that do not
 * make one whole. sim.ts prints the message (prefixed with `sim: `) and exits
 * with status 2, as it does for a bad query; nothing is written to stdout.
 */
export class CliError extends Error {
  override name = 'CliError';
}
