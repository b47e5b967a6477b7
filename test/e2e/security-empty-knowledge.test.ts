// Issue 12.5: a knowledge base that loads nothing, or a setting that points at nothing, stops `breachbot serve`
// with one clear message (exit 1, on stderr, like any other bad setting) instead of starting "ready" with zero
// incidents. Runs the real command on 127.0.0.1 (PORT=0).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, tempDir } from './web-support.js';

/** Runs `breachbot serve`; a server that starts anyway is killed after `timeoutMs` (code null). */
function serve(env: Record<string, string>, timeoutMs = 20_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/breachbot.js'), 'serve'],
      { env: bareEnv({ PORT: '0', DATA_DIR: tempDir('breachbot-kb-'), ...env }), cwd: REPO_ROOT, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('breachbot serve refuses an empty knowledge base', () => {
  it('a misspelled INCIDENTS_DIR', async () => {
    const missing = path.join(tempDir('breachbot-kb-'), 'incidnets');
    const result = await serve({ INCIDENTS_DIR: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`INCIDENTS_DIR: ${missing} is not a folder`);
    expect(result.stderr).toContain('.env.example');
  });

  it('an unknown DEFAULT_INCIDENT, naming what is loaded', async () => {
    const result = await serve({ DEFAULT_INCIDENT: 'storm-0559' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /DEFAULT_INCIDENT: no loaded incident has the id "storm-0559" \(loaded: .*storm-0558/,
    );
  });

  it('a folder with no incident in it', async () => {
    const dir = tempDir('breachbot-kb-empty-');
    const result = await serve({ INCIDENTS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`INCIDENTS_DIR: no incident loaded from ${dir}`);
    expect(result.stderr).toContain('breachbot validate');
  });

  it('a folder whose only incident does not load', async () => {
    const dir = path.join(tempDir('breachbot-kb-broken-'), 'incidents');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'broken.yaml'), 'id: [unclosed\n');
    const result = await serve({ INCIDENTS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no incident loaded from .*\(\d+ problem\(s\)\)/);
    expect(result.stdout).not.toContain('breachbot listening');
  });
});
