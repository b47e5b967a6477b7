// `breachbot serve` as a real process with Slack configured: it says which adapters are on, answers a signed slash
// command, and on SIGTERM finishes the request in flight and exits 0. A bad variable stops start-up with a message
// that names it.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET, sign, slashCommand } from '../fixtures/slack.js';
import { slackEnv } from './slack-harness.js';
import { bareEnv, REPO_ROOT, startServe, tempDir } from './web-support.js';

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake?.close();
});

const serveEnv = (dataDir: string) => bareEnv(slackEnv(fake.url, dataDir));

describe('breachbot serve', () => {
  it('logs each adapter, answers Slack, and on SIGTERM finishes the request in flight and exits 0', async () => {
    const serve = await startServe({ env: serveEnv(tempDir('breachbot-serve-')) });
    try {
      const logs = serve
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; turnOn?: string });
      expect(logs.find((l) => l.msg === 'adapter slack: on')).toBeDefined();
      expect(logs.find((l) => l.msg === 'adapter web: off')?.turnOn).toContain('WEB_UI');
      expect(serve.output()).not.toContain(SIGNING_SECRET);
      expect(serve.output()).not.toContain(BOT_TOKEN);

      const { body, contentType } = slashCommand({ text: 'status' });
      const req = request(`${serve.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...sign(body) },
      });
      const response = once(req, 'response');
      req.write(body.slice(0, 20));
      await new Promise((r) => setTimeout(r, 200));
      process.kill(serve.child.pid as number, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      req.end(body.slice(20));
      const [res] = (await response) as [import('node:http').IncomingMessage];
      let text = '';
      for await (const chunk of res) text += String(chunk);
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(text).response_type).toBe('ephemeral');
      const [code] = await once(serve.child, 'exit');
      expect(code).toBe(0);
      expect(serve.output()).toContain('"msg":"stopped"');
    } finally {
      await serve.stop();
    }
  });

  it('refuses to start on a malformed variable and names it with where to find the value', async () => {
    const env = { ...serveEnv(tempDir('breachbot-serve-')), SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty' };
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/breachbot.js'), 'serve'],
        { env, cwd: REPO_ROOT },
        (error, _stdout, stderr) => {
          resolve({ code: error ? (error.code as number) : 0, stderr });
        },
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('OAuth & Permissions');
    expect(result.stderr).toContain('PORT');
  });
});
