// The command line's options are parsed by node:util's parseArgs; every mistake is a usage error that names the
// option, and the command exits 2 with its usage.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../src/cli/io.js';
import { main } from '../../src/cli.js';
import { captureIo } from '../cli-io.js';

const root = path.resolve(import.meta.dirname, '../..');
const SPEC = { json: 'boolean', data: 'string', incident: 'string' } as const;

describe('parseFlags', () => {
  it('reads --flag value, --flag=value, booleans and positional words, and takes everything after -- as words', () => {
    expect(parseFlags(['--data', 'a', 'who', '--json', '--incident=x', 'was', '--', '--json'], SPEC)).toEqual({
      flags: { data: 'a', json: true, incident: 'x' },
      positional: ['who', 'was', '--json'],
    });
  });

  it.each([
    [['--nope'], 'unknown option --nope'],
    [['-x'], 'unknown option -x'],
    [['--data'], '--data needs a value'],
    [['--data='], '--data needs a value'],
    [['--incident', '--json'], '--incident needs a value'],
    [['--json=yes'], '--json takes no value'],
  ])('%j is a usage error: %s', (args, message) => {
    expect(() => parseFlags(args, SPEC)).toThrow(new UsageError(message));
  });
});

describe('usage errors exit 2 with the usage', () => {
  it.each([
    [['ask', '--nope'], 'breachbot ask: unknown option --nope'],
    [['ask', '--incident'], 'breachbot ask: --incident needs a value'],
    [['validate', '--data='], 'breachbot validate: --data needs a value'],
    [['manifest', 'slack', '--url'], '--url needs a value'],
    [['digest', 'preview', '--json=1'], '--json takes no value'],
  ])('%j', async (argv, message) => {
    const io = captureIo({ env: {}, cwd: root, stdin: '' });
    const code = await main(argv, io);
    expect(code).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('Usage');
  });
});
