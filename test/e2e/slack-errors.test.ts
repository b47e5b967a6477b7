// The error boundary: when answering fails, the person gets a fixed friendly reply with a correlation id, and the
// details (with the same id) go only to the log. Runs the real Slack adapter on its own loopback server with a
// message handler that throws.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { createLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { projectLanguage } from '../fixtures/language.js';
import { appMention, BOT_TOKEN, postToSlackEndpoint, slashCommand } from '../fixtures/slack.js';
import { type SlackAdapterServer, startSlackAdapter } from './slack-harness.js';

let fake: FakeSlackApi;
let served: SlackAdapterServer;
const lines: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlackApi();
  const stream = new Writable({
    write(chunk, _e, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  served = await startSlackAdapter(
    fake,
    async () => {
      throw new Error('knowledge base exploded at /secret/path.ts:12');
    },
    createLogger({ level: 'debug', stream }),
  );
});
afterAll(async () => {
  await served?.close();
  await fake?.close();
});

const refOf = (text: string) => /reference ([0-9a-f]{8})/.exec(text)?.[1];

describe('error boundary', () => {
  it('answers a failing slash command with a friendly reply and logs the details under the same reference', async () => {
    const res = await postToSlackEndpoint(served.url, slashCommand({ text: 'timeline' }));
    expect(res.status).toBe(200);
    const reply = res.json as { response_type: string; text: string };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Sorry');
    expect(reply.text).not.toContain('exploded');
    expect(reply.text).not.toContain('/secret/path');
    const ref = refOf(reply.text);
    expect(ref).toBeDefined();
    const logged = lines.find((l) => l.includes(`"ref":"${ref}"`));
    expect(logged).toContain('exploded');
  });

  it('answers a failing mention privately with the same kind of reply', async () => {
    await postToSlackEndpoint(served.url, appMention({ text: 'victims', channel: 'C000ERR' }));
    const [eph] = await fake.waitFor('chat.postEphemeral');
    expect(String(eph?.params.text)).toContain('Sorry');
    expect(refOf(String(eph?.params.text))).toBeDefined();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('hands out a Slack deliver port and HTTP mode with one route', () => {
    expect(served.adapter.mode).toBe('http');
    expect(served.adapter.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
    expect(typeof served.adapter.deliver).toBe('function');
  });
});

describe('Socket Mode', () => {
  it('is chosen when an app token is set: no HTTP route (connecting needs Slack itself, so it is not started here)', async () => {
    const socket = await createSlackAdapter({
      config: { botToken: BOT_TOKEN, appToken: 'xapp-1-fake', apiUrl: fake.url, command: '/breach' },
      handle: async () => {
        throw new Error('not called');
      },
      store: createMemoryStore(),
      kb: createKnowledgeBase({ incidents: [], synonyms: [], language: projectLanguage(), version: 'empty' }),
      log: createLogger({ level: 'silent' }),
    });
    expect(socket.mode).toBe('socket');
    expect(socket.routes).toEqual([]);
  });
});
