// Issue 12.13 (the URL part): a source URL other than http(s) (`javascript:`, `data:`…) fails validation, so the
// incident carrying it is not loaded and the URL never reaches an answer. The real server runs in local mode on
// 127.0.0.1 over a folder holding the bundled incident and an invented one whose source links to `javascript:`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsBot, type TeamsBot } from './teams-harness.js';
import { REPO_ROOT, tempDir } from './web-support.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/kb/valid/incidents/example-bucket.yaml');

describe('a source URL that is not http or https', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    const dir = path.join(tempDir('breachbot-urls-'), 'incidents');
    mkdirSync(dir);
    copyFileSync(path.join(REPO_ROOT, 'data/incidents/storm-0558.yaml'), path.join(dir, 'storm-0558.yaml'));
    const hostile = readFileSync(FIXTURE, 'utf8').replace(
      'url: https://example.com/blog/bucket',
      'url: "javascript:alert(document.domain)"',
    );
    expect(hostile).toContain('javascript:');
    writeFileSync(path.join(dir, 'example-bucket.yaml'), hostile);
    bot = await startTeamsBot({ env: { WEB_UI: 'true', INCIDENTS_DIR: dir } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('keeps the incident out, with the problem at its file and line in the log', () => {
    expect(bot.running.kb.incidents.map((i) => i.id)).toEqual(['storm-0558']);
    const problems = bot.lines
      .map((l) => JSON.parse(l) as { msg: string; file?: string; line?: number; path?: string })
      .filter((l) => l.msg === 'knowledge base problem');
    expect(problems.some((p) => p.file?.endsWith('example-bucket.yaml') && p.path?.includes('url'))).toBe(true);
  });

  it('never puts it in an answer', async () => {
    const response = await fetch(`${bot.running.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'example corp bucket sources' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('javascript:');
  });
});
