// The environment is read without zod when every value is plainly valid; whenever that quick reading settles an
// environment, the zod schema accepts it and gives the same values, and whatever the schema rejects it leaves alone.
import { describe, expect, it } from 'vitest';
import { parseEnvWithSchema, quickEnv } from '../../src/config.js';

const VALUES: Record<string, string[]> = {
  PORT: ['0', '3978', '65535', '65536', '-1', '1.5', '', ' 80 ', 'eighty', '0x10', '1e3', 'Infinity', '-0'],
  HOST: ['', ' ', '127.0.0.1', '0.0.0.0', 'localhost'],
  SLACK_BOT_TOKEN: ['', '  ', 'xoxb-1', ' xoxb-1 ', 'nope', 'xapp-1'],
  SLACK_SIGNING_SECRET: ['', 's', ' s '],
  SLACK_APP_TOKEN: ['', 'xapp-1', 'xoxb-1', ' xapp-2'],
  SLACK_API_URL: [
    'https://slack.com/api/',
    'http://127.0.0.1:9/api',
    'http:example.com',
    'ftp://example.com/',
    ' https://slack.com/api/',
    'https://exa\tmple.com/',
    'not a url',
    '',
    'HTTPS://SLACK.COM/api',
    'https://slack.com/api/\u00a0',
    'https://slack.com/a pi/',
    'https://',
  ],
  SLACK_COMMAND: ['/breach', 'breach', '/', '/Breach', '/a_b-1'],
  MICROSOFT_APP_ID: ['', '00000000-0000-0000-0000-000000000000', 'x'],
  MICROSOFT_APP_PASSWORD: ['', 'p'],
  MICROSOFT_APP_TENANT_ID: ['', 't'],
  MICROSOFT_APP_TYPE: ['MultiTenant', 'SingleTenant', 'UserAssignedMSI', 'multitenant', ''],
  DATABASE_URL: ['', 'postgres://u@h/d', 'postgresql://h/d', 'mysql://x', ' postgres://h/d '],
  DATA_DIR: ['', './var', '/tmp/x'],
  INCIDENTS_DIR: ['', 'data/incidents', ' a:b '],
  DEFAULT_INCIDENT: ['', 'storm-0558', ' x '],
  LOG_LEVEL: ['info', 'silent', 'loud', '', 'INFO'],
  WEB_UI: ['true', 'false', '1', '0', 'yes', 'no', '', 'maybe', 'TRUE'],
  DIGEST_POLL_SECONDS: ['30', '0', '-5', '86400', '86401', '0.5', '', 'x'],
  DIGEST_CLAIM_TIMEOUT_SECONDS: ['300', '0', '1e2', ''],
  DIGEST_GRACE_HOURS: ['0', '6', '336', '337', '-1', ''],
};

function expectAgrees(env: Record<string, string | undefined>): void {
  const quick = quickEnv(env);
  const schema = parseEnvWithSchema(env);
  const label = JSON.stringify(env);
  if (quick) {
    expect(schema.success, label).toBe(true);
    expect(quick, label).toEqual(schema.data);
  }
  if (!schema.success) expect(quick, label).toBeUndefined();
}

describe('quickEnv', () => {
  it('settles an empty environment with the defaults the schema gives', () => {
    expect(quickEnv({})).toBeDefined();
    expectAgrees({});
  });

  it('agrees with the schema on every value of every variable, one at a time', () => {
    for (const [name, values] of Object.entries(VALUES)) for (const value of values) expectAgrees({ [name]: value });
  });

  it('agrees with the schema on mixed environments', () => {
    let s = 11;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const names = Object.keys(VALUES);
    for (let i = 0; i < 300; i++) {
      const env: Record<string, string | undefined> = { UNRELATED: 'x' };
      for (const name of names) {
        const values = VALUES[name] as string[];
        if (next() < 0.3) env[name] = values[Math.floor(next() * values.length)];
      }
      expectAgrees(env);
    }
  });
});
