// Change without restart, against the real `breachbot serve` process with INCIDENTS_DIR pointing at a temporary
// copy: an edited fact is answered over HTTP by the same process; a broken file is refused, the old answer keeps
// being served, the problem is logged as FILE:LINE and /readyz stays 200; SIGHUP reloads a change the folder
// watch cannot see (a file behind a symbolic link, as deploys often have).
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareEnv, REPO_ROOT, type ServeProcess, startServe, tempDir } from './web-support.js';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'kb', 'valid', 'incidents');
const root = tempDir('breachbot-reload-');
const incidents = path.join(root, 'data', 'incidents');
const elsewhere = path.join(root, 'release');
const bucketFile = path.join(incidents, 'example-bucket.yaml');
const keysTarget = path.join(elsewhere, 'example-keys.json');

const ORIGINAL = 'A deploy script makes the bucket public.';
const EDITED = 'A deploy script run by a contractor makes the bucket public.';
const KEYS_ORIGINAL = 'The key is pushed to a public repository.';
const KEYS_EDITED = 'The key is pushed to a public repository by a build job.';

let server: ServeProcess;

async function answerText(question: string): Promise<string> {
  const response = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { text: string }).text;
}

/** Polls `check` until it returns true (the reload is asynchronous); fails with `what` after 20 s. */
async function eventually(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 20 s: ${what}\n${server.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const logLines = () =>
  server
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  mkdirSync(incidents, { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  cpSync(path.join(FIXTURE, 'example-bucket.yaml'), bucketFile);
  cpSync(path.join(FIXTURE, 'example-keys.json'), keysTarget);
  symlinkSync(keysTarget, path.join(incidents, 'example-keys.json'));
  server = await startServe({
    env: bareEnv({ PORT: '0', DATA_DIR: path.join(root, 'var'), INCIDENTS_DIR: incidents, LOG_LEVEL: 'info' }),
  });
});

afterAll(async () => {
  await server?.stop();
});

describe('the knowledge base changes without a restart', () => {
  it('answers an edited fact over HTTP from the same process', async () => {
    const pid = server.child.pid;
    expect(await answerText('example-bucket timeline')).toContain(ORIGINAL.replace(/\.$/, ''));
    writeFileSync(bucketFile, readFileSync(bucketFile, 'utf8').replace(ORIGINAL, EDITED));
    await eventually('the edited fact is answered', async () =>
      (await answerText('example-bucket timeline')).includes(EDITED.replace(/\.$/, '')),
    );
    expect(server.child.pid).toBe(pid);
    expect(server.child.exitCode).toBeNull();
    const reloaded = logLines().find((l) => l.msg === 'knowledge base reloaded');
    expect(reloaded).toMatchObject({ factsChanged: 1, factsAdded: 0, incidentsAdded: [], incidentsRemoved: [] });
    expect(String(reloaded?.reason)).toContain('example-bucket.yaml');
  });

  it('keeps answering from the old one when a file breaks, logs FILE:LINE, and stays ready', async () => {
    const good = readFileSync(bucketFile, 'utf8');
    const broken = good.replace('timeline:\n', 'timeline:\n  - id: [unclosed\n');
    expect(broken).not.toBe(good);
    writeFileSync(bucketFile, broken);
    await eventually('the refusal is logged', () =>
      logLines().some((l) => String(l.msg).startsWith('knowledge base not reloaded')),
    );
    const refused = logLines().find((l) => String(l.msg).startsWith('knowledge base not reloaded'));
    const problems = refused?.problems as string[];
    expect(problems.some((p) => /example-bucket\.yaml:\d+:/.test(p))).toBe(true);
    expect(await answerText('example-bucket timeline')).toContain(EDITED.replace(/\.$/, ''));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);

    const unchangedBefore = logLines().filter((l) => l.msg === 'knowledge base unchanged').length;
    writeFileSync(bucketFile, good);
    await eventually(
      'the repaired file is loaded again',
      () => logLines().filter((l) => l.msg === 'knowledge base unchanged').length > unchangedBefore,
    );
  });

  it('reloads on SIGHUP', async () => {
    writeFileSync(keysTarget, readFileSync(keysTarget, 'utf8').replace(KEYS_ORIGINAL, KEYS_EDITED));
    process.kill(server.child.pid as number, 'SIGHUP');
    await eventually('SIGHUP reloaded the knowledge base', () =>
      logLines().some((l) => l.msg === 'knowledge base reloaded' && l.reason === 'SIGHUP'),
    );
    expect(await answerText('example-keys timeline')).toContain(KEYS_EDITED.replace(/\.$/, ''));
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
