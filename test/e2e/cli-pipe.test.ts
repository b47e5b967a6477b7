// The command line in a pipeline: `breachbot ask … | head` closes the pipe early; breachbot stops quietly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

describe('breachbot ask writing into a pipe that closes', () => {
  it('exits 0 without a stack trace when the reader goes away after the first chunk', async () => {
    const child = spawn(process.execPath, ['bin/breachbot.js', 'ask'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    let firstChunk = '';
    child.stdout.once('data', (c: Buffer) => {
      firstChunk = c.toString('utf8');
      child.stdout.destroy();
    });
    // enough questions that the answers cannot all fit in the pipe before it closes
    child.stdin.end(`${Array.from({ length: 400 }, () => 'timeline').join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(firstChunk).toContain('timeline');
    expect(stderr).not.toMatch(/EPIPE|Error|at .*\.js:\d+/);
    expect(code).toBe(0);
  }, 30_000);
});
