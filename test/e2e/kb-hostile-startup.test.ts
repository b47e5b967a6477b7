// Loading trusts nothing (issue 12.12), seen at start-up: `breachbot serve` with an INCIDENTS_DIR that also holds a
// link to /dev/zero, a FIFO, an oversize file and an alias bomb starts (before: it hung on the FIFO, read /dev/zero
// without end, crashed on the bomb), logs each as one problem with its file and line, and answers from the valid file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/kb/inputs.js';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

describe('breachbot serve with hostile files in INCIDENTS_DIR', () => {
  let scratch: string;
  let server: ServeProcess;

  beforeAll(async () => {
    scratch = tempDir('breachbot-hostile-serve-');
    const incidents = path.join(scratch, 'incidents');
    mkdirSync(incidents);
    copyFileSync(
      path.join(REPO_ROOT, 'test/fixtures/kb/valid/incidents/example-bucket.yaml'),
      path.join(incidents, 'example-bucket.yaml'),
    );
    symlinkSync('/dev/zero', path.join(incidents, 'zero.yaml'));
    execFileSync('mkfifo', [path.join(incidents, 'pipe.yml')]);
    writeFileSync(path.join(incidents, 'huge.json'), '');
    truncateSync(path.join(incidents, 'huge.json'), MAX_FILE_BYTES + 1);
    writeFileSync(
      path.join(incidents, 'bomb.yaml'),
      [
        'id: bomb',
        'a: &a [x, x, x, x, x, x, x, x, x]',
        ...'bcdefghi'.split('').map((c, i) => {
          const prev = 'abcdefghi'[i];
          return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(', ')}]`;
        }),
      ].join('\n'),
    );
    server = await startServe({
      env: bareEnv({
        PORT: '0',
        INCIDENTS_DIR: incidents,
        DATA_DIR: path.join(scratch, 'state'),
        DEFAULT_INCIDENT: 'example-bucket',
      }),
      timeoutMs: 60_000,
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts and logs every hostile file as one problem with its file and line', () => {
    const problems = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'knowledge base problem');
    const byFile = new Map(problems.map((p) => [path.basename(String(p.file)), p]));
    expect(byFile.get('zero.yaml')).toMatchObject({ line: 0, problem: expect.stringContaining('a link to a device') });
    expect(byFile.get('pipe.yml')).toMatchObject({ line: 0, problem: expect.stringContaining('named pipe (FIFO)') });
    expect(byFile.get('huge.json')).toMatchObject({ line: 0, problem: expect.stringContaining('too large') });
    expect(byFile.get('bomb.yaml')).toMatchObject({
      line: 3,
      problem: expect.stringContaining('aliases expand too far'),
    });
  });

  it('answers from the valid incident beside them', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'incidents' }),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('example-bucket');
  });
});
