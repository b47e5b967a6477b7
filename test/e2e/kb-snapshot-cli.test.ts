// The built command line reads the bundled data from the build's snapshot, and a folder named in INCIDENTS_DIR from
// the cache in DATA_DIR after its first load; an edited file is always what answers.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'breachbot-kb-cli-'));

function ask(question: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['bin/breachbot.js', 'ask', question], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('breachbot ask on the built tree', () => {
  it('answers from the build snapshot for the bundled data: nothing is parsed, so nothing is cached', () => {
    const dataDir = path.join(scratch, 'bundled-state');
    const { code, out } = ask('timeline', { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(out).toContain('timeline');
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'kb-snapshot.json'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'kb-cache'))).toBe(false);
  });

  it('caches an INCIDENTS_DIR folder in DATA_DIR and answers from the edited file after a change', () => {
    const data = path.join(scratch, 'data');
    cpSync(path.join(REPO_ROOT, 'test/fixtures/kb/valid'), data, { recursive: true });
    const env = { INCIDENTS_DIR: path.join(data, 'incidents'), DATA_DIR: path.join(scratch, 'state') };
    const cache = path.join(env.DATA_DIR, 'kb-cache');

    const first = ask('incidents', env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Example Corp storage bucket left public');
    expect(readdirSync(cache)).toHaveLength(1);
    const second = ask('incidents', env);
    expect(second.out).toBe(first.out);
    expect(readdirSync(cache)).toHaveLength(1);

    const file = path.join(data, 'incidents', 'example-bucket.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed bucket incident'));
    const edited = ask('incidents', env);
    expect(edited.out).toContain('Renamed bucket incident');
    expect(readdirSync(cache)).toHaveLength(2);
  });
});
