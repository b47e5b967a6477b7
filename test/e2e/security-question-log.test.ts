// Issue 12.8: the unanswered-question log is de-duplicated (a count and when it was last asked), rate-limited per
// source, capped with a retention setting, and readable: `breachbot questions [--since] [--json] [--purge]`.
// `breachbot serve` runs in local mode on 127.0.0.1; its page's API is the unauthenticated writer the issue names.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

const UNANSWERABLE = 'what is the airspeed of an unladen swallow';

/** Runs the built CLI with `args` in `env`. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/breachbot.js'), ...args],
      { env: bareEnv(env), cwd: REPO_ROOT, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const ask = (server: ServeProcess, question: string) =>
  fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });

interface Listed {
  text: string;
  reason: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  platforms: string[];
}

describe('the question log behind the page', () => {
  const env = { PORT: '0', DATA_DIR: tempDir('breachbot-questions-'), LOG_LEVEL: 'warn' };
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe({ env: bareEnv(env) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('counts one question asked 25 times once, and at most 10 a minute from one source', async () => {
    for (let i = 0; i < 25; i++) {
      const variant = i % 2 ? UNANSWERABLE.toUpperCase() : `${UNANSWERABLE}?`;
      expect((await ask(server, variant)).status).toBe(200);
    }
    for (let i = 0; i < 5; i++) expect((await ask(server, `zzqx unknown thing number ${i}`)).status).toBe(200);
    const listed = await cli(['questions', '--json'], env);
    expect(listed.code).toBe(0);
    const questions = JSON.parse(listed.stdout) as Listed[];
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ reason: 'unanswered', count: 10, platforms: ['web'] });
    expect(questions[0]?.text.toLowerCase()).toContain(UNANSWERABLE);
  });

  it('lists as a table, filters with --since, refuses a bad --since', async () => {
    const table = await cli(['questions'], env);
    expect(table.stdout).toMatch(/^1 question\(s\) in the log/);
    expect(table.stdout).toMatch(/\s10 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}unanswered {2}web/);
    const later = await cli(['questions', '--json', '--since', '2999-01-01'], env);
    expect(JSON.parse(later.stdout)).toEqual([]);
    const bad = await cli(['questions', '--since', 'last week'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since must be an ISO-8601 date');
  });

  it('--purge empties it', async () => {
    const purged = await cli(['questions', '--purge'], env);
    expect(purged).toMatchObject({ code: 0, stdout: 'Removed 1 question(s) from the log.\n' });
    expect(JSON.parse((await cli(['questions', '--json'], env)).stdout)).toEqual([]);
  });
});

describe('QUESTION_LOG_RETENTION_DAYS', () => {
  it('refuses a value that is not a whole number of days, naming the variable', async () => {
    const result = await cli(['serve'], {
      PORT: '0',
      DATA_DIR: tempDir('breachbot-q-'),
      QUESTION_LOG_RETENTION_DAYS: '1e3',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('QUESTION_LOG_RETENTION_DAYS');
    expect(result.stderr).toContain('0 keeps no question log');
  });

  it('0 keeps no question log at all', async () => {
    const env = { PORT: '0', DATA_DIR: tempDir('breachbot-q-'), QUESTION_LOG_RETENTION_DAYS: '0', LOG_LEVEL: 'warn' };
    const server = await startServe({ env: bareEnv(env) });
    try {
      expect((await ask(server, UNANSWERABLE)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(JSON.parse((await cli(['questions', '--json'], env)).stdout)).toEqual([]);
  });
});
