import type { CliIo } from './io.js';

/** `breachbot digest` — placeholder until its issue lands. */
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('breachbot digest: not built yet\n');
  return 1;
}
