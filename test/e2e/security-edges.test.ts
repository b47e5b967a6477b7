// Issue 12.14 (server and Teams parts): invokes the bot has no handler for get a proper 200 answer instead of
// 501 (a message where the invoke's kind has one, else an empty 200); messages from other bots are not answered,
// even when they mention breachbot; PORT takes decimal digits only. The real server runs on 127.0.0.1 in local
// mode, with replies going to a fake Bot Connector on 127.0.0.1.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSUPPORTED_TEXT } from '../../adapters/teams/invokes.js';
import { BOT, mention, TENANT, teamsActivity } from '../fixtures/teams.js';
import { useTeamsBot } from './teams-harness.js';
import { bareEnv, REPO_ROOT, tempDir } from './web-support.js';

const teams = useTeamsBot();

const invoke = (name: string | undefined, value: unknown = {}) =>
  teamsActivity({
    serviceUrl: teams.serviceUrl(),
    extra: { type: 'invoke', ...(name === undefined ? {} : { name }), value, text: undefined },
  });

describe('invokes without a handler', () => {
  const withMessage: Array<[string, (body: Record<string, unknown>) => unknown]> = [
    ['adaptiveCard/action', (b) => b],
    ['task/fetch', (b) => b.task],
    ['task/submit', (b) => b.task],
    ['composeExtension/fetchTask', (b) => b.task],
    ['composeExtension/selectItem', (b) => b.composeExtension],
    ['composeExtension/queryLink', (b) => b.composeExtension],
    ['config/fetch', (b) => b.config],
  ];

  /** What Teams sends with each kind (botbuilder checks these shapes before its handlers run). */
  const VALUES: Record<string, unknown> = {
    'adaptiveCard/action': { action: { type: 'Action.Execute', verb: 'refresh', data: {} }, trigger: 'manual' },
    'fileConsent/invoke': { type: 'fileUpload', action: 'accept', context: {}, uploadInfo: {} },
  };

  it.each(withMessage)('%s: 200 with a "not supported" message of its kind', async (name, part) => {
    const response = await teams.bot.post(invoke(name, VALUES[name]));
    expect(response.status).toBe(200);
    const message = part(JSON.parse(response.text) as Record<string, unknown>) as Record<string, unknown>;
    expect(message.value ?? message.text).toBe(UNSUPPORTED_TEXT);
    expect(message.type).toMatch(/message/);
  });

  it.each(['fileConsent/invoke', 'handoff/action', 'some/unknownInvoke', undefined])(
    '%s: an empty 200',
    async (name) => {
      const response = await teams.bot.post(invoke(name, VALUES[name ?? '']));
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
    },
  );

  it('still answers a search box query as before', async () => {
    const response = await teams.bot.post(
      invoke('composeExtension/query', { commandId: 'searchIncidents', parameters: [{ name: 'query', value: 'key' }] }),
    );
    expect(response.status).toBe(200);
    expect((JSON.parse(response.text) as { composeExtension: { type: string } }).composeExtension.type).toBe('result');
  });
});

describe('messages from other bots', () => {
  const fromOtherBot = (from: Record<string, unknown>) =>
    teamsActivity({
      text: `${mention(BOT).text} status`,
      serviceUrl: teams.serviceUrl(),
      conversationType: 'channel',
      entities: [mention(BOT)],
      from: from as never,
    });

  it.each([
    ['a Teams bot id (28:…)', { id: '28:00000000-0000-0000-0000-0000000b0700', name: 'Another Bot' }],
    ['role: bot', { id: 'emulator-bot-2', name: 'Another Bot', role: 'bot' }],
  ])('are not answered, even when they mention breachbot: %s', async (_name, from) => {
    expect((await teams.bot.post(fromOtherBot(from))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(teams.connector.activities).toEqual([]);
  });

  it('while the same message from a person is answered', async () => {
    const person = { id: '29:user-pat', name: 'Pat Example', aadObjectId: `${TENANT.slice(0, 8)}-person` };
    expect((await teams.bot.post(fromOtherBot(person))).status).toBe(200);
    expect(await teams.connector.waitFor(1)).toHaveLength(1);
  });
});

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
