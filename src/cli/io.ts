/** The streams and environment a CLI subcommand uses, injectable for tests. */
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

let pipeWatched = false;

/**
 * `breachbot ask timeline | head -3`: when whoever reads standard output goes away, stop quietly with the status
 * so far, as Unix tools do, instead of dying with an unhandled EPIPE and a stack trace.
 */
function stopQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export function defaultIo(): CliIo {
  stopQuietlyOnClosedPipe();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // read on first use: opening standard input costs a cold start time, and most commands never read it
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** A usage error: the subcommand prints it with its usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What `parseArgs` reports, as a usage error in the CLI's words. */
function usageErrorOf(error: unknown): UsageError | undefined {
  const code = (error as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}`);
  if (/argument missing|argument is ambiguous/.test(message)) return new UsageError(`${option} needs a value`);
  if (/does not take an argument/.test(message)) return new UsageError(`${option} takes no value`);
  return new UsageError(message);
}

/**
 * The command line parsed by `node:util`'s `parseArgs` (strict, positionals allowed, `--` ends the options):
 * `--flag value`, `--flag=value` and boolean flags, apart from the positional words.
 * @throws UsageError for an unknown option, or an option without its value (an empty one included)
 */
export function parseFlags(
  args: string[],
  spec: Record<string, 'string' | 'boolean'>,
): { flags: Record<string, string | boolean>; positional: string[] } {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error) ?? error;
  }
  const flags: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (typeof value === 'string' || typeof value === 'boolean') flags[name] = value;
  }
  return { flags, positional: parsed.positionals };
}
