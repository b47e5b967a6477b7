/**
 * The Slack app manifest (`manifest/slack/manifest.yaml`) with a request URL and slash command filled in, plus the
 * cross-checks Slack would make: every event and feature has the scope it needs.
 *
 * @example
 * const yaml = await renderSlackManifest({ url: 'https://bot.example.com' });
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../../src/config.js';

/** A manifest that cannot be printed: a bad `--url`, or a template that fails the checks. */
export class SlackManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackManifestError';
  }
}

/** Scopes each bot event needs (`app_home_opened` needs none beyond the bot user). */
export const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};

/** Scopes the features breachbot uses need: posting, slash commands, Slack Connect checks. */
export const FEATURE_SCOPES: Record<string, string[]> = {
  slash_commands: ['commands'],
  post_answers: ['chat:write'],
  guest_check: ['users:read'],
  shared_channel_check: ['channels:read', 'groups:read'],
  direct_messages: ['im:write'],
};

export interface SlackManifest {
  display_information: { name: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: Array<{ command: string; url?: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
  [key: string]: unknown;
}

/** The manifest template's path. */
export function slackManifestFile(): string {
  return path.join(packageRoot(), 'manifest', 'slack', 'manifest.yaml');
}

/** Lists what is wrong with a manifest: missing scopes, missing request URLs, bad slash commands. */
export function checkSlackManifest(manifest: SlackManifest): string[] {
  const problems: string[] = [];
  const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
  const need = (scope: string, why: string) => {
    if (!scopes.has(scope)) problems.push(`oauth_config.scopes.bot: "${scope}" is needed for ${why}`);
  };
  for (const event of manifest.settings?.event_subscriptions?.bot_events ?? []) {
    const required = EVENT_SCOPES[event];
    if (!required) problems.push(`settings.event_subscriptions.bot_events: breachbot does not handle "${event}"`);
    for (const scope of required ?? []) need(scope, `the ${event} event`);
  }
  for (const [feature, required] of Object.entries(FEATURE_SCOPES)) {
    for (const scope of required) need(scope, feature.replace(/_/g, ' '));
  }
  const commands = manifest.features?.slash_commands ?? [];
  for (const c of commands) {
    if (!/^\/[a-z0-9_-]{1,31}$/.test(c.command))
      problems.push(`features.slash_commands: "${c.command}" is not a slash command`);
  }
  if (!manifest.features?.bot_user) problems.push('features.bot_user: a bot user is needed');
  if (!manifest.features?.app_home?.home_tab_enabled) problems.push('features.app_home.home_tab_enabled: must be true');
  if (!manifest.settings?.socket_mode_enabled) {
    const urls = [
      ...commands.map((c) => c.url),
      manifest.settings?.event_subscriptions?.request_url,
      manifest.settings?.interactivity?.request_url,
    ];
    if (urls.some((u) => !u || !/^https:\/\//.test(u)))
      problems.push('request URLs: HTTP mode needs an https request URL everywhere');
  }
  if (!manifest.settings?.interactivity?.is_enabled)
    problems.push('settings.interactivity.is_enabled: buttons need it');
  return problems;
}

export interface RenderSlackManifestOptions {
  /** `https://HOST` (a path is allowed; `/slack/events` is appended) */
  url: string;
  /** the slash command, default `/breach` */
  command?: string;
}

/**
 * The manifest YAML with the request URL set everywhere.
 * @throws SlackManifestError when the URL is not https or the result fails the checks
 */
export async function renderSlackManifest(options: RenderSlackManifestOptions): Promise<string> {
  let base: URL;
  try {
    base = new URL(options.url);
  } catch {
    throw new SlackManifestError(`--url must be a URL such as https://bot.example.com, got "${options.url}"`);
  }
  if (base.protocol !== 'https:')
    throw new SlackManifestError('--url must use https: Slack only sends requests to https URLs');
  const requestUrl = `${base.origin}${base.pathname.replace(/\/+$/, '')}/slack/events`;
  const manifest = parse(await readFile(slackManifestFile(), 'utf8')) as SlackManifest;
  for (const c of manifest.features.slash_commands ?? []) {
    c.url = requestUrl;
    if (options.command) c.command = options.command;
  }
  if (manifest.settings.event_subscriptions) manifest.settings.event_subscriptions.request_url = requestUrl;
  if (manifest.settings.interactivity) manifest.settings.interactivity.request_url = requestUrl;
  const problems = checkSlackManifest(manifest);
  if (problems.length > 0)
    throw new SlackManifestError(`the Slack manifest has problems:\n  - ${problems.join('\n  - ')}`);
  return stringify(manifest, { lineWidth: 0 });
}
