/**
 * Streams for running a CLI subcommand in-process and reading what it printed.
 *
 * @example
 * const io = captureIo({ stdin: 'timeline\n' });
 * const code = await run(['--json'], io);
 * expect(io.out()).toContain('"kind"');
 */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../src/cli/io.js';

export interface CaptureIoOptions {
  /** text on standard input; omitted: an input that never ends */
  stdin?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export type CapturedIo = CliIo & { out: () => string; err: () => string };

export function captureIo(options: CaptureIoOptions = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  return {
    stdout,
    stderr,
    stdin: options.stdin === undefined ? new PassThrough() : Readable.from([options.stdin]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
