// Issue 12.14 (server and Teams parts): PORT takes decimal digits only. The real server runs on 127.0.0.1.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, tempDir } from './web-support.js';

describe('PORT', () => {
  it.each(['0x0', '0e3', ' 0'])('refuses %j at start-up with one message naming it', async (port) => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/breachbot.js'), 'serve'],
        { env: bareEnv({ PORT: port, DATA_DIR: tempDir('breachbot-port-') }), cwd: REPO_ROOT, timeout: 20_000 },
        (error, _stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT: must be a whole number in decimal digits/);
    expect(result.stderr.match(/^ {2}- /gm)).toHaveLength(1);
  });
});
