/**
 * What a Slack user receives does not depend on the answer memo or on the receiver keeping a memo answer's JSON as
 * bytes: two real servers on one store (so one feedback-token key), one with the memo (the default) and one without
 * it (`slackAnswerCacheMs: 0`, every ack body built and serialized per request), get the same signed slash commands
 * and must answer with the same bytes, on the first ask and on every repeat, for any asker and channel. A shared
 * channel never gets the body kept for a normal one, and after a knowledge-base reload nobody gets the old body.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTIONS as BENCH_QUESTIONS } from '../../bench/slack.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.js';
import { sign, slashCommand } from '../fixtures/slack.js';
import { slackEnv } from './slack-harness.js';

/** the questions `bench/slack.ts` asks, and one with Slack's encoding */
const QUESTIONS = [...BENCH_QUESTIONS, 'victims &amp; &lt;impact&gt; of <https://example.com|storm-0558>'];
const ASKERS = [
  { user_id: 'U000ASKER', channel_id: 'C000TEST' },
  { user_id: 'U000OTHER', channel_id: 'C000ELSE' },
];
/** a timeline title on the first page of `timeline`, and what the reload test changes it to */
const TITLE = 'Storm-0558 takes down its last token-replay server';
const EDITED = 'Storm-0558 takes down the last of its token-replay servers';

let root = '';
let incidentFile = '';
let fake: FakeSlackApi;
let cached: RunningServer;
let fresh: RunningServer;

interface Reply {
  status: number;
  type: string | null;
  length: string | null;
  bytes: Buffer;
}

async function ask(server: RunningServer, text: string, fields: Record<string, string> = {}): Promise<Reply> {
  const { body, contentType } = slashCommand({ text, ...fields });
  const res = await fetch(`${server.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...sign(body) },
    body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    length: res.headers.get('content-length'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** JSON.stringify calls that produced a message-sized text (an ack body) while `run` ran. */
async function bodySerializations(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(JSON, 'stringify');
  try {
    await run();
    return spy.mock.results.filter((r) => typeof r.value === 'string' && r.value.length > 2000).length;
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'breachbot-slack-ack-'));
  const incidents = path.join(root, 'incidents');
  cpSync(path.resolve('data', 'incidents'), incidents, { recursive: true });
  incidentFile = path.join(incidents, 'storm-0558.yaml');
  expect(readFileSync(incidentFile, 'utf8')).toContain(TITLE);
  fake = await startFakeSlackApi();
  const base = loadConfig({
    ...slackEnv(fake.url, path.join(root, 'var')),
    INCIDENTS_DIR: incidents,
    WEB_UI: 'false',
  });
  const config = Object.freeze({ ...base, teams: undefined, teamsOff: 'not needed here' });
  const common = { config, log: silentLogger, scheduler: false, watchKnowledge: false } as const;
  cached = await createServer(common);
  fresh = await createServer({ ...common, slackAnswerCacheMs: 0 });
});

afterAll(async () => {
  await cached?.close(500);
  await fresh?.close(500);
  await fake?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

describe('Slack ack bodies with and without the answer memo', () => {
  it('are byte-identical on the first ask and on every repeat, whoever asks where', async () => {
    for (const text of QUESTIONS) {
      const expected = await ask(fresh, text, ASKERS[0]);
      expect(expected.status).toBe(200);
      expect(expected.type).toBe('application/json');
      expect(JSON.parse(expected.bytes.toString('utf8'))).toMatchObject({ response_type: 'ephemeral' });
      for (const asker of ASKERS) {
        expect((await ask(fresh, text, asker)).bytes.equals(expected.bytes), `no memo, ${text}`).toBe(true);
        for (let turn = 0; turn < 3; turn++) {
          const got = await ask(cached, text, asker);
          expect({ status: got.status, type: got.type, length: got.length }).toEqual({
            status: 200,
            type: 'application/json',
            length: String(expected.bytes.length),
          });
          expect(got.bytes.equals(expected.bytes), `memo, ${text}, ${asker.user_id}, turn ${turn}`).toBe(true);
        }
      }
    }
  });

  it('a repeat is sent from the kept bytes with the memo, and serialized again without it', async () => {
    await ask(cached, 'victims');
    expect(await bodySerializations(() => ask(cached, 'victims', ASKERS[1]))).toBe(0);
    expect(await bodySerializations(() => ask(fresh, 'victims', ASKERS[1]))).toBeGreaterThan(0);
  });

  it('a shared channel does not get the body kept for a normal one (and the other way round)', async () => {
    const shared = { is_ext_shared_channel: 'true', channel_id: 'C000SHARED' };
    const normal = await ask(cached, 'logging');
    const expectedShared = await ask(fresh, 'logging', shared);
    expect(expectedShared.bytes.equals(normal.bytes)).toBe(false);
    for (let turn = 0; turn < 2; turn++) {
      expect((await ask(cached, 'logging', shared)).bytes.equals(expectedShared.bytes)).toBe(true);
      expect((await ask(cached, 'logging')).bytes.equals(normal.bytes)).toBe(true);
    }
  });

  it('after a knowledge-base reload nobody gets the body made from the old one', async () => {
    const before = await ask(cached, 'timeline');
    expect((await ask(cached, 'timeline')).bytes.equals(before.bytes)).toBe(true);
    expect(before.bytes.toString('utf8')).toContain(TITLE);
    writeFileSync(incidentFile, readFileSync(incidentFile, 'utf8').replace(TITLE, EDITED));
    expect((await cached.reload('test')).status).toBe('reloaded');
    expect((await fresh.reload('test')).status).toBe('reloaded');
    const expected = await ask(fresh, 'timeline');
    expect(expected.bytes.toString('utf8')).toContain(EDITED);
    for (const asker of ASKERS) {
      const after = await ask(cached, 'timeline', asker);
      expect(after.bytes.equals(before.bytes)).toBe(false);
      expect(after.bytes.equals(expected.bytes)).toBe(true);
    }
  });
});
