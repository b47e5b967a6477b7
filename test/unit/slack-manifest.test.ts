// The Slack manifest parses, every event and feature has its scope, and `breachbot manifest slack --url` prints it
// with the request URL everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkSlackManifest,
  EVENT_SCOPES,
  renderSlackManifest,
  type SlackManifest,
  slackManifestFile,
} from '../../adapters/slack/manifest.js';
import { run } from '../../src/cli/manifest.js';
import { captureIo } from '../cli-io.js';

const template = () => parse(readFileSync(slackManifestFile(), 'utf8')) as SlackManifest;

async function cli(args: string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('Slack manifest', () => {
  it('parses and passes every cross-check', () => {
    const manifest = template();
    expect(manifest.display_information.name).toBe('breachbot');
    expect(checkSlackManifest(manifest)).toEqual([]);
  });

  it('subscribes to the events breachbot handles, each with its scope', () => {
    const manifest = template();
    const events = manifest.settings.event_subscriptions?.bot_events ?? [];
    expect(events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    for (const event of events) {
      for (const scope of EVENT_SCOPES[event] ?? []) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
    expect(manifest.features.slash_commands?.[0]?.command).toBe('/breach');
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
  });

  it('reports each missing scope', () => {
    const manifest = template();
    manifest.oauth_config.scopes.bot = manifest.oauth_config.scopes.bot.filter(
      (s) => !['commands', 'app_mentions:read', 'im:history', 'users:read'].includes(s),
    );
    const problems = checkSlackManifest(manifest).join('\n');
    for (const scope of ['commands', 'app_mentions:read', 'im:history', 'users:read'])
      expect(problems).toContain(`"${scope}"`);
  });

  it('sets the request URL everywhere and the configured command', async () => {
    const yaml = await renderSlackManifest({ url: 'https://bot.example.com/', command: '/incident' });
    const manifest = parse(yaml) as SlackManifest;
    const url = 'https://bot.example.com/slack/events';
    expect(manifest.features.slash_commands?.[0]).toMatchObject({ command: '/incident', url });
    expect(manifest.settings.event_subscriptions?.request_url).toBe(url);
    expect(manifest.settings.interactivity?.request_url).toBe(url);
  });

  it('breachbot manifest slack --url prints it; a missing or non-https URL is a usage error', async () => {
    const ok = await cli(['slack', '--url', 'https://bot.example.com']);
    expect(ok.code).toBe(0);
    expect((parse(ok.out) as SlackManifest).settings.event_subscriptions?.request_url).toBe(
      'https://bot.example.com/slack/events',
    );
    expect((await cli(['slack'])).code).toBe(2);
    const http = await cli(['slack', '--url', 'http://bot.example.com']);
    expect(http.code).toBe(2);
    expect(http.err).toContain('https');
    expect((await cli(['nothing'])).code).toBe(2);
  });
});
