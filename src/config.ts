/**
 * Configuration: the environment read once into a frozen, typed object. Nothing else reads `process.env`.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError listing every problem
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Zod from 'zod';
import { isLoopbackHost } from './http/loopback.js';
import { incidentDirs } from './kb/path-list.js';

/**
 * zod's CommonJS build, loaded with `require`: its ~95 files load through the CommonJS loader about 100 ms faster
 * (CPU) than through the ES module loader, which every command pays at start (measured with `npm run bench` kb).
 */
const { z } = createRequire(import.meta.url)('zod') as typeof Zod;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `breachbot cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Where to find each value: shown next to the variable when it is missing or malformed. */
const WHERE: Record<string, string> = {
  PORT: 'a TCP port from 0 to 65535 in decimal digits, e.g. 3978; 0 picks any free port',
  HOST: 'an address to listen on: 127.0.0.1 (default, this machine only) or 0.0.0.0',
  SLACK_BOT_TOKEN: 'starts with xoxb-; Slack app settings → OAuth & Permissions → Bot User OAuth Token',
  SLACK_SIGNING_SECRET: 'Slack app settings → Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN:
    'starts with xapp-; Slack app settings → Basic Information → App-Level Tokens (scope connections:write)',
  SLACK_API_URL: 'an http(s) URL ending in /api/, default https://slack.com/api/',
  SLACK_COMMAND: 'a slash command starting with /, e.g. /breach',
  MICROSOFT_APP_ID: 'a GUID; Azure portal → your Azure Bot → Configuration → Microsoft App ID',
  MICROSOFT_APP_PASSWORD: 'Azure portal → the bot’s app registration → Certificates & secrets',
  MICROSOFT_APP_TENANT_ID: 'a GUID; needed when MICROSOFT_APP_TYPE is SingleTenant',
  MICROSOFT_APP_TYPE: 'MultiTenant, SingleTenant or UserAssignedMSI',
  DATABASE_URL: 'postgres://user:password@host:5432/database',
  DATA_DIR: 'a folder for local state, default ./var',
  INCIDENTS_DIR: `a folder of incident files, default data/incidents; several folders separated by "${path.delimiter}"`,
  DEFAULT_INCIDENT: 'the id of a loaded incident, e.g. storm-0558',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  WEB_UI: 'true or false',
  PUBLIC_URL:
    'the https URL people reach this server at (e.g. https://breachbot.example.org); with WEB_UI on, indicator answers link to the export',
  BOT_EMULATOR:
    'true or false; true opens /api/messages without MICROSOFT_APP_ID to the Bot Framework Emulator on this machine',
  DIGEST_POLL_SECONDS: 'seconds between scheduler passes, default 30',
  DIGEST_GRACE_HOURS: 'hours a missed digest may still be posted late, default 6',
  DIGEST_CLAIM_TIMEOUT_SECONDS:
    'seconds after which another replica takes over a digest claimed by a replica that stopped, default 300',
  QUESTION_LOG_RETENTION_DAYS:
    'whole days a question nobody could answer is kept after it was last asked, 0 to 3650, default 90; 0 keeps no question log',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const BOOLEANS = ['true', 'false', '1', '0', 'yes', 'no', ''] as const;
const SLACK_COMMAND = /^\/[a-z0-9_-]{1,31}$/;
const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** A whole number written in decimal digits only: no sign, exponent, hex prefix, spaces or leading zeros. */
const DECIMAL = /^(0|[1-9]\d{0,8})$/;
const decimal = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(DECIMAL, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);
const bool = z.enum(BOOLEANS).transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** The environment's schema: the one validator of every setting. */
const envSchema = z.object({
  PORT: decimal(0, 65535, 3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_API_URL: z.url({ protocol: /^https?$/ }).default('https://slack.com/api/'),
  SLACK_COMMAND: z.string().regex(SLACK_COMMAND, 'must be a slash command such as /breach').default('/breach'),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(APP_TYPES).default('MultiTenant'),
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || POSTGRES_URL.test(v),
    'must start with postgres:// or postgresql://',
  ),
  DATA_DIR: z.string().min(1).default('./var'),
  INCIDENTS_DIR: optionalText,
  DEFAULT_INCIDENT: optionalText,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  WEB_UI: bool.optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  BOT_EMULATOR: bool.default(false),
  DIGEST_POLL_SECONDS: z.coerce.number().positive().max(86400).default(30),
  DIGEST_CLAIM_TIMEOUT_SECONDS: z.coerce.number().positive().max(86400).default(300),
  QUESTION_LOG_RETENTION_DAYS: decimal(0, 3650, 90),
  DIGEST_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 14)
    .default(6),
});

export interface SlackConfig {
  botToken: string;
  /** HTTP mode when set */
  signingSecret?: string;
  /** Socket Mode when set */
  appToken?: string;
  apiUrl: string;
  command: string;
}

export interface TeamsConfig {
  /**
   * undefined: unauthenticated, for the Bot Framework Emulator and the Agents Playground on this machine only (local
   * mode or `BOT_EMULATOR=true`, on a loopback `HOST`); every request must then come from this machine
   */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface Config {
  port: number;
  host: string;
  /** the host is a loopback address (127.x, ::1, localhost) */
  loopback: boolean;
  /** Slack settings, or undefined with the reason it is off */
  slack?: SlackConfig;
  slackOff?: string;
  /** Teams settings, or undefined with the reason it is off */
  teams?: TeamsConfig;
  teamsOff?: string;
  /** no platform credentials at all: local mode */
  localMode: boolean;
  webUi: boolean;
  /** where people reach this server (no trailing slash): chat answers may link to its pages */
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  incidentsDir: string;
  defaultIncident?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  digest: { pollSeconds: number; graceHours: number; claimTimeoutSeconds: number };
  /** unanswered questions: kept this many days after last asked; 0: not logged at all */
  questionLog: { retentionDays: number };
}

/**
 * Reads the environment once. `cwd` resolves relative folders.
 * @throws ConfigError naming every missing or malformed variable and where to find its value
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      problems.push(`${name}: ${issue.message}${WHERE[name] ? ` (${WHERE[name]})` : ''}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;

  let slack: SlackConfig | undefined;
  let slackOff: string | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) problems.push(`SLACK_BOT_TOKEN: missing (${WHERE.SLACK_BOT_TOKEN})`);
    if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      problems.push(
        `SLACK_SIGNING_SECRET: missing; set it for HTTP mode, or SLACK_APP_TOKEN for Socket Mode (${WHERE.SLACK_SIGNING_SECRET})`,
      );
    }
    if (e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
        command: e.SLACK_COMMAND,
      };
    }
  } else {
    slackOff = 'set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) to turn it on';
  }

  const loopback = isLoopbackHost(e.HOST);
  let teams: TeamsConfig | undefined;
  let teamsOff: string | undefined;
  if (e.MICROSOFT_APP_ID) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(e.MICROSOFT_APP_ID)) {
      problems.push(`MICROSOFT_APP_ID: must be a GUID (${WHERE.MICROSOFT_APP_ID})`);
    }
    if (!e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      problems.push(`MICROSOFT_APP_PASSWORD: missing (${WHERE.MICROSOFT_APP_PASSWORD})`);
    }
    if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID) {
      problems.push(`MICROSOFT_APP_TENANT_ID: missing (${WHERE.MICROSOFT_APP_TENANT_ID})`);
    }
    teams = {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    };
  }
  const localMode = !slack && !e.MICROSOFT_APP_ID;
  // Unauthenticated Bot Framework traffic: never because HOST is loopback alone (a reverse proxy on this machine
  // makes every caller look local), only in local mode or when asked for, and then only from this machine.
  if (!teams) {
    if (!loopback) {
      teamsOff = `no MICROSOFT_APP_ID and HOST=${e.HOST} is not a loopback address: unauthenticated Bot Framework requests are only accepted on 127.0.0.1; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to turn Teams on`;
    } else if (localMode || e.BOT_EMULATOR) {
      teams = { appType: e.MICROSOFT_APP_TYPE };
    } else {
      teamsOff =
        'no MICROSOFT_APP_ID: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to turn Teams on (BOT_EMULATOR=true opens it to the Bot Framework Emulator on this machine only)';
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    loopback,
    slack,
    slackOff,
    teams,
    teamsOff,
    localMode,
    webUi: e.WEB_UI ?? localMode,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    incidentsDir: e.INCIDENTS_DIR ? incidentDirs(e.INCIDENTS_DIR, cwd).join(path.delimiter) : defaultIncidentsDir(),
    defaultIncident: e.DEFAULT_INCIDENT,
    logLevel: e.LOG_LEVEL,
    digest: {
      pollSeconds: e.DIGEST_POLL_SECONDS,
      graceHours: e.DIGEST_GRACE_HOURS,
      claimTimeoutSeconds: e.DIGEST_CLAIM_TIMEOUT_SECONDS,
    },
    questionLog: { retentionDays: e.QUESTION_LOG_RETENTION_DAYS },
  };
  return Object.freeze(config);
}

/** The package's own `data/incidents`, wherever the process was started from. */
export function defaultIncidentsDir(): string {
  return path.join(packageRoot(), 'data', 'incidents');
}

let root: string | undefined;
/**
 * The folder holding breachbot's package.json: the nearest above this module, whether it runs from `src/` (vitest),
 * `dist/src/` (the server) or `dist-bench/src/` (the benchmarks).
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(path.join(dir, 'package.json')); i++) dir = path.dirname(dir);
  root = existsSync(path.join(dir, 'package.json')) ? dir : process.cwd();
  return root;
}
