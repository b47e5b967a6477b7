/**
 * `breachbot new incident ID [--data DIR]` (CONTRACTS.md): writes `ID.yaml`, a skeleton incident file that validates,
 * into the first incidents folder (`--data`, else INCIDENTS_DIR). Never overwrites a file. Exit 2 on a usage error,
 * 1 when the file cannot be written.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { incidentSkeleton } from './incident-skeleton.js';
import type { CliIo } from './io.js';

const USAGE = `Usage: breachbot new incident ID [--data DIR]

Writes DIR/ID.yaml, a skeleton incident file with a comment on every field, that \`breachbot validate\` accepts.
Fill in its placeholders, then run \`breachbot validate\`. An existing file is never overwritten.
  ID          lower-case letters, digits, dot, dash or underscore (e.g. acme-2026)
  --data DIR  the incidents folder to write into (default: the first folder of INCIDENTS_DIR, or data/incidents)
`;

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const MAX_ID_LENGTH = 64;

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`breachbot new: ${message}\n\n${USAGE}`);
  return 2;
}

/** Runs `new`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: { values: { data?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const [what, id, ...extra] = parsed.positionals;
  if (what !== 'incident')
    return usageError(io, what ? `unknown kind "${what}" (only "incident")` : 'say what to create: new incident ID');
  if (!id) return usageError(io, 'give the new incident an id: new incident ID');
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"`);
  if (!ID.test(id) || id.length > MAX_ID_LENGTH) {
    return usageError(
      io,
      `"${id.slice(0, 80)}" is not an id: use lower-case letters, digits, ".", "-" or "_" (at most ${MAX_ID_LENGTH})`,
    );
  }
  let dir: string;
  try {
    const folders = parsed.values.data ?? loadConfig(io.env, io.cwd).incidentsDir;
    dir = path.resolve(
      io.cwd,
      folders
        .split(path.delimiter)
        .map((d) => d.trim())
        .find(Boolean) ?? '.',
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const file = path.join(dir, `${id}.yaml`);
  const today = new Date().toISOString().slice(0, 10);
  try {
    await writeFile(file, incidentSkeleton(id, today), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const shown = path.relative(io.cwd, file) || file;
    const reason =
      code === 'EEXIST'
        ? 'it already exists; choose another id or edit that file'
        : code === 'ENOENT'
          ? 'its folder does not exist; create it or pass --data DIR'
          : `it could not be written (${code ?? 'unknown error'})`;
    io.stderr.write(`breachbot new: not writing ${shown}: ${reason}\n`);
    return 1;
  }
  io.stdout.write(
    `Wrote ${path.relative(io.cwd, file) || file}. Fill in its placeholders, then run \`breachbot validate\`.\n`,
  );
  return 0;
}
