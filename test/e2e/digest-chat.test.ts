/**
 * Digests end to end on one machine (SQLite): subscribe with the Slack slash command and with a Teams mention
 * against the real server, then run `breachbot digest run-due --now …` as a cron job would and count what reached
 * the fake Slack Web API and the fake Bot Connector.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { type FakeConnector, startFakeConnector } from '../fakes/bot-connector.js';
import { BOT_TOKEN, SIGNING_SECRET, sign, slashCommand } from '../fixtures/slack.js';
import { mentionActivity } from '../fixtures/teams.js';
import { fixtureIncident, writeFixture } from '../unit/digest-fixture.js';
import { type ReplicaSlackFake, runCli, startReplicaSlackFake } from './digest-support.js';

const CHANNEL = 'C0DIGEST';
const TEAMS_CONVERSATION = '19:digest-fake@thread.tacv2';
const DAY1 = '2026-11-30T08:00:00.000Z'; // 09:00 Europe/Berlin = 08:00 UTC
const DAY2 = '2026-12-01T08:00:00.000Z';
const DAY3 = '2026-12-02T08:00:00.000Z';

describe('digests on Slack and Teams, posted by run-due', { timeout: 120_000 }, () => {
  let slack: ReplicaSlackFake;
  let connector: FakeConnector;
  let dataDir: string;
  let incidentsDir: string;
  let env: Record<string, string>;
  let server: RunningServer | undefined;
  let clock = new Date('2026-11-29T12:00:00.000Z');

  const startServer = async () => {
    const config = loadConfig({ ...env, PORT: '0', SLACK_API_URL: slack.apiUrl('server'), WEB_UI: 'false' });
    server = await createServer({ config, log: silentLogger, scheduler: false, now: () => clock });
    return server;
  };
  const slash = async (text: string) => {
    const { body } = slashCommand({ text, channel_id: CHANNEL, user_id: 'U0DIGEST' });
    const res = await fetch(`${server?.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) },
      body,
    });
    expect(res.status).toBe(200);
    return res.text();
  };
  const teams = async (text: string) => {
    const before = connector.activities.length;
    const res = await fetch(`${server?.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mentionActivity(text, { serviceUrl: connector.url, conversationId: TEAMS_CONVERSATION })),
    });
    expect(res.status).toBeLessThan(300);
    const all = await connector.waitFor(before + 1);
    return JSON.stringify(all[before]?.activity);
  };
  const runDue = async (now: string) => {
    const cli = runCli(['digest', 'run-due', '--now', now], { ...env, SLACK_API_URL: slack.apiUrl('cron') });
    expect(await cli.exited, cli.output()).toBe(0);
    return cli.output();
  };
  const slackPosts = () => slack.accepted.filter((p) => p.replica === 'cron');
  /** digests (not replies to commands) that reached the connector: their title reads "Demo breach: digest, …" */
  const teamsPosts = () => connector.activities.filter((a) => /Demo breach: digest, /.test(JSON.stringify(a.activity)));

  beforeAll(async () => {
    slack = await startReplicaSlackFake();
    connector = await startFakeConnector();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bb-digest-chat-'));
    incidentsDir = path.join(dataDir, 'incidents');
    await writeFixture(incidentsDir);
    env = {
      DATA_DIR: dataDir,
      INCIDENTS_DIR: incidentsDir,
      DEFAULT_INCIDENT: 'demo-breach',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      HOST: '127.0.0.1',
      // Teams without an app id next to Slack: only through the Emulator path, which must be asked for
      BOT_EMULATOR: 'true',
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await server?.close();
    await slack?.close();
    await connector?.close();
  });

  it('subscribes by slash command and by Teams mention; invalid input stores nothing', async () => {
    await startServer();
    expect(await slash('digest daily 25:00 Europe/Berlin')).toMatch(/not a time of day/);
    expect(await slash('digest daily 09:00 Mars/Olympus')).toMatch(/time zone/i);
    expect(await server?.store.listSubscriptions()).toEqual([]);

    expect(await slash('digest daily 09:00 Europe/Berlin')).toMatch(/Digest scheduled/);
    expect(await teams('digest daily 08:00 UTC')).toMatch(/Digest scheduled/);
    const subs = await server?.store.listSubscriptions();
    expect(subs?.map((s) => [s.platform, s.label]).sort()).toEqual([
      ['slack', 'daily 09:00 Europe/Berlin'],
      ['teams', 'daily 08:00 UTC'],
    ]);
    expect(await server?.store.getConversationReference(TEAMS_CONVERSATION)).toBeDefined();
    await server?.close();
    server = undefined;
  });

  it('run-due at the due instant posts exactly once to each; again at the same instant: nothing', async () => {
    expect(await runDue(DAY1)).toMatch(/2 posted/);
    expect(slackPosts().map((p) => p.channel)).toEqual([CHANNEL]);
    expect(teamsPosts().map((a) => a.conversationId)).toEqual([TEAMS_CONVERSATION]);
    expect(slackPosts()[0]?.text).toContain('Demo breach');

    expect(await runDue(DAY1)).toMatch(/0 posted/);
    expect(await runDue('2026-11-30T08:30:00.000Z')).toMatch(/0 posted/);
    expect(slackPosts()).toHaveLength(1);
    expect(teamsPosts()).toHaveLength(1);
  });

  it('a knowledge-base change shows up in the next digest, once; a day with nothing new stays silent', async () => {
    const changed = fixtureIncident();
    changed.timeline = [
      ...(changed.timeline ?? []),
      { id: 'tl-2024-03-12', date: '2024-03-12', title: 'Vendor withdraws its crash-dump theory', sources: ['src-b'] },
    ];
    await writeFixture(incidentsDir, changed);

    expect(await runDue(DAY2)).toMatch(/2 posted/);
    expect(slackPosts()).toHaveLength(2);
    expect(teamsPosts()).toHaveLength(2);
    expect(slackPosts()[1]?.text).toContain('crash-dump theory');
    expect(JSON.stringify(teamsPosts()[1]?.activity)).toContain('crash-dump theory');
    // the digest says first what changed in the knowledge base since the last post
    for (const shown of [JSON.stringify(slackPosts()[1]?.blocks), JSON.stringify(teamsPosts()[1]?.activity)]) {
      expect(shown).toContain('Knowledge base updated');
      expect(shown).toContain('In demo-breach: 1 fact(s) added, 0 changed.');
    }

    expect(await runDue(DAY2)).toMatch(/0 posted/);
    expect(await runDue(DAY3)).toMatch(/0 posted, 2 silent/);
    expect(slackPosts()).toHaveLength(2);
    expect(teamsPosts().filter((a) => JSON.stringify(a.activity).includes('crash-dump theory'))).toHaveLength(1);
  });

  it('a Teams 403 is recorded and shown by digest status; the Slack digest goes on', async () => {
    const changed = fixtureIncident({ summary: 'A made-up intrusion, summary revised.' });
    changed.timeline = [
      ...(changed.timeline ?? []),
      { id: 'tl-2024-06-01', date: '2024-06-01', title: 'Vendor finishes its logging rollout', sources: ['src-b'] },
    ];
    await writeFixture(incidentsDir, changed);
    connector.failNext(403);
    expect(await runDue('2026-12-03T08:00:00.000Z')).toMatch(/1 posted, 0 silent, 1 failed/);

    clock = new Date('2026-12-03T09:00:00.000Z');
    await startServer();
    const status = await teams('digest status');
    expect(status).toContain('Last error: 403');
    expect(status).toContain('1 failure(s) in a row');
    const slackStatus = await slash('digest status');
    expect(slackStatus).toContain('daily 09:00 Europe/Berlin');
    expect(slackStatus).toContain('Next post: Friday, 4 December 2026, 09:00 Europe/Berlin (08:00 UTC)');
    expect(slackStatus).toContain('Last post: Thursday, 3 December 2026, 09:00 Europe/Berlin');
    expect(await slash('digest off')).toMatch(/Digest turned off/);
    expect((await server?.store.listSubscriptions())?.map((s) => s.platform)).toEqual(['teams']);
  });
});
