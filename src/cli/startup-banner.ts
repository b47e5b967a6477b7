/**
 * The short block `breachbot serve` prints once it listens in local mode: what is running, the page's URL, and how
 * to turn on Slack and Teams. Outside local mode the server stays with its JSON log lines only, so log collectors
 * never see free text.
 *
 * @example
 * if (config.localMode) io.stdout.write(startupBanner({ config, url: running.url, kb: running.kb, cwd }));
 */
import path from 'node:path';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';

export interface BannerInput {
  config: Config;
  /** the server's base URL as a client on this machine reaches it, e.g. `http://127.0.0.1:3978` */
  url: string;
  kb: KnowledgeBase;
  /** for showing the SQLite file relative to where the user started */
  cwd: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The block, ending with a newline. */
export function startupBanner({ config, url, kb, cwd }: BannerInput): string {
  const ids = kb.incidents.map((i) => i.id);
  const shownIds = ids.length > 4 ? `${ids.slice(0, 4).join(', ')}, …` : ids.join(', ');
  const port = new URL(url).port;
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const dbFile = path.join(config.dataDir, 'breachbot.db');
  const relative = path.relative(cwd, dbFile);
  const sqlite = relative.startsWith('..') || path.isAbsolute(relative) ? dbFile : relative;
  const lines = [
    '',
    `breachbot is running in local mode (no Slack or Teams credentials are set).`,
    `  Web page:       ${config.webUi ? `${url}/` : 'off (WEB_UI=false)'}`,
    `  Listening on:   ${url}${everywhere ? ` (HOST=${config.host}: port ${port} on every network interface)` : ''}`,
    config.teams
      ? `  Bot Framework:  ${url}/api/messages, open to the Bot Framework Emulator without an app id (this machine only)`
      : `  Bot Framework:  off: ${config.teamsOff ?? 'set MICROSOFT_APP_ID'}`,
    `  Knowledge base: ${plural(ids.length, 'incident')}${shownIds ? ` (${shownIds})` : ''}, version ${kb.version}`,
    `  Storage:        ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite, ${sqlite}`}; digests checked every ${config.digest.pollSeconds} s`,
    `  Health:         ${url}/healthz and ${url}/readyz`,
    'To connect Slack, set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode).',
    'To connect Teams, set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from an Azure Bot registration.',
    'README.md walks through both; .env.example lists every setting. Stop with Ctrl+C.',
    '',
  ];
  return lines.join('\n');
}
